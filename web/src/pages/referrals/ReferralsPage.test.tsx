import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Referral } from '../../api/referrals';
import { fakeApi, json } from '../../test/fakeApi';
import { makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { ReferralsPage } from './ReferralsPage';

const INCOMING: Referral = {
  id: 21,
  household: { id: 3, name: 'Familie Haddad' },
  persons: [{ id: 9, name: 'Amina Haddad' }],
  from_organisation: { id: 1, name: 'Gemeente', kind: 'gemeente' },
  to_organisation: { id: 6, name: 'GGD', kind: 'ggd_jgz' },
  package: ['basis', 'gezondheid'],
  template: 'ggd_intake',
  state: 'voorgesteld',
  respond_by: '2026-11-20',
  due_date: '2026-11-20',
  overdue: true,
  retention_days: 30,
  created_by: { id: 7, display_name: 'R. de Vries' },
  created_at: '2026-11-10T10:00:00.000000Z',
  decided_at: null,
  decided_by: null,
  completed_at: null,
  completed_by: null,
  full: true,
  allowed_actions: ['accept', 'reject'],
  version: 1,
  reason: 'Intake bij de GGD.',
  checklist: ['Reden besproken'],
  decision_note: '',
  completion_note: '',
};

describe('ReferralsPage', () => {
  it('lists incoming referrals and rejects one only with a reason', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/referrals': () => json({ items: [INCOMING] }),
      'POST /api/v1/tenants/1/referrals/21/reject': (call) =>
        json({
          ...INCOMING,
          state: 'afgewezen',
          allowed_actions: [],
          decision_note: (call.body as { reason: string }).reason,
        }),
    });
    renderSignedIn(<ReferralsPage tenantId={1} />, makeMe(['partner']));
    const row = (await screen.findByText('Amina Haddad')).closest('tr')!;
    expect(within(row).getByText('Te laat')).toBeTruthy();
    expect(within(row).getByText('Reden besproken')).toBeTruthy();
    expect(calls[0]!.url.searchParams.get('direction')).toBe('incoming');
    expect(calls[0]!.url.searchParams.get('open')).toBe('true');
    fireEvent.click(within(row).getByRole('button', { name: /^Afwijzen/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Afwijzen' }));
    expect((await screen.findAllByText('Geef de reden.')).length).toBeGreaterThan(0);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText(/^Reden/), { target: { value: 'Geen capaciteit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afwijzen' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ reason: 'Geen capaciteit' });
    // The list is read again: focus goes to the confirmation, not to <body>.
    const done = await screen.findByText('De verwijzing is bijgewerkt.');
    await waitFor(() => expect(document.activeElement).toBe(done.closest('.regie-focus-target')));
  });

  it('returns focus to the action button when its form is cancelled', async () => {
    fakeApi({ 'GET /api/v1/tenants/1/referrals': () => json({ items: [INCOMING] }) });
    renderSignedIn(<ReferralsPage tenantId={1} />, makeMe(['partner']));
    const row = (await screen.findByText('Amina Haddad')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: /^Accepteren/ }));
    fireEvent.click(within(row).getByRole('button', { name: 'Annuleren' }));
    expect(document.activeElement).toBe(within(row).getByRole('button', { name: /^Accepteren/ }));
  });

  it('names a person whose name the user may not see', async () => {
    const shielded = { ...INCOMING, persons: [{ id: 70, name: '' }, ...INCOMING.persons] };
    fakeApi({ 'GET /api/v1/tenants/1/referrals': () => json({ items: [shielded] }) });
    renderSignedIn(<ReferralsPage tenantId={1} />, makeMe(['partner']));
    expect(
      await screen.findByRole('rowheader', { name: 'Persoon 70 (naam afgeschermd), Amina Haddad' }),
    ).toBeTruthy();
  });

  it('switches to the referrals my organisation made', async () => {
    const calls = fakeApi({ 'GET /api/v1/tenants/1/referrals': () => json({ items: [] }) });
    renderSignedIn(<ReferralsPage tenantId={1} />, makeMe(['regisseur']));
    await screen.findByText('Er zijn geen verwijzingen.');
    fireEvent.change(screen.getByLabelText(/^Welke verwijzingen/), {
      target: { value: 'outgoing' },
    });
    await waitFor(() => expect(calls.at(-1)!.url.searchParams.get('direction')).toBe('outgoing'));
  });
  it('reads the history of a referral only when it is opened', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/referrals': () => json({ items: [INCOMING] }),
      'GET /api/v1/tenants/1/referrals/21': () =>
        json({
          ...INCOMING,
          history: [
            {
              action: 'propose',
              from_state: null,
              to_state: 'voorgesteld',
              by: { id: 7, display_name: 'R. de Vries' },
              at: '2026-11-10T10:00:00.000000Z',
              note: 'Met toestemming',
            },
          ],
        }),
    });
    renderSignedIn(<ReferralsPage tenantId={1} />, makeMe(['partner']));
    const row = (await screen.findByText('Amina Haddad')).closest('tr')!;
    expect(calls.some((c) => c.url.pathname.endsWith('/referrals/21'))).toBe(false);
    const details = within(row).getByText('Geschiedenis').closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await within(row).findByText(/Voorgesteld door R\. de Vries/)).toBeTruthy();
    expect(within(row).getByText(/Met toestemming/)).toBeTruthy();
  });
});
