import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../api/signals';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeHousehold, makeMe, makePerson } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { HouseholdPage } from './HouseholdPage';

const SIGNAL: Signal = {
  id: 11,
  household: { id: 3, name: 'Familie Haddad' },
  person_ids: [],
  category: 'financien',
  urgency: 'hoog',
  state: 'ingediend',
  escalated: true,
  due_date: '2026-11-21',
  filed_at: '2026-11-20T10:00:00.000000Z',
  acknowledge_due: '2026-11-21',
  follow_up_due: null,
  acknowledged_at: null,
  closed_at: null,
  reporter: { id: 8, display_name: 'V. Vrijwilliger' },
  reporter_organisation: { id: 4, name: 'Vrijwilligers' },
  routed_to: { id: 2, name: 'Sociale dienst' },
  content_category: 'financien',
  allowed_actions: ['acknowledge', 'reroute'],
  version: 1,
  description: 'Brieven van een incassobureau.',
};

const ORGS = [
  { id: 2, name: 'Sociale dienst', kind: 'sociale_dienst' },
  { id: 5, name: 'Vluchtelingenwerk', kind: 'vluchtelingenwerk' },
];

function section() {
  return screen.getByRole('heading', { name: 'Signalen' }).closest('section')!;
}

describe('SignalsSection', () => {
  it('lists signals with state, urgency, deadline, escalation and the allowed actions only', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/households/3': () => json(makeHousehold()),
      'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [] }),
      'GET /api/v1/tenants/1/households/3/signals': () => json({ items: [SIGNAL], may_file: true }),
      'GET /api/v1/tenants/1/organisations': () => json({ items: ORGS }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    await screen.findByRole('heading', { name: 'Signalen' });
    const row = (await within(section()).findByText('Financiën en schulden')).closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '20-11-2026',
      'Hoog',
      'Ingediend',
      '21-11-2026Termijn verstreken',
      'Sociale dienst',
      'Brieven van een incassobureau.',
      'OppakkenDoorsturen',
    ]);
    expect(within(row).queryByRole('button', { name: /^Afhandelen/ })).toBeNull();
    expect(within(row).queryByRole('button', { name: /^Intrekken/ })).toBeNull();
  });

  it('shows no description column and no actions when the server sends none', async () => {
    const { description, ...hidden } = SIGNAL;
    expect(description).toBeTruthy();
    fakeApi({
      'GET /api/v1/tenants/1/households/3': () =>
        json(
          makeHousehold({
            access: {
              relationship: 'vrijwilliger',
              categories: ['basis'],
              break_glass: false,
              can_edit: false,
            },
          }),
        ),
      'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [] }),
      'GET /api/v1/tenants/1/households/3/signals': () =>
        json({ items: [{ ...hidden, allowed_actions: [] }], may_file: true }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['vrijwilliger']));
    await within(await screen.findByRole('region', { name: 'Signalen' })).findByText(
      'Financiën en schulden',
    );
    expect(screen.queryByRole('columnheader', { name: 'Omschrijving' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Oppakken/ })).toBeNull();
    // A volunteer can still file a signal, but not choose the organisation.
    fireEvent.click(screen.getByRole('button', { name: 'Signaal indienen' }));
    expect(screen.queryByLabelText(/^Doorsturen naar/)).toBeNull();
  });

  it('returns focus to its button when the form is cancelled', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/households/3': () =>
        json(makeHousehold({ persons: [makePerson({ id: 9 })] })),
      'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [] }),
      'GET /api/v1/tenants/1/households/3/signals': () => json({ items: [], may_file: true }),
      'GET /api/v1/tenants/1/organisations': () => json({ items: ORGS }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Signaal indienen' }));
    fireEvent.click(within(section()).getByRole('button', { name: 'Annuleren' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(section()).getByRole('button', { name: 'Signaal indienen' }),
      ),
    );
  });

  it('files a signal and shows the server field errors', async () => {
    let attempt = 0;
    const calls = fakeApi({
      'GET /api/v1/tenants/1/households/3': () =>
        json(makeHousehold({ persons: [makePerson({ id: 9 })] })),
      'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [] }),
      'GET /api/v1/tenants/1/households/3/signals': () => json({ items: [], may_file: true }),
      'GET /api/v1/tenants/1/organisations': () => json({ items: ORGS }),
      'POST /api/v1/tenants/1/households/3/signals': () =>
        ++attempt === 1
          ? problem(422, {
              code: 'validation_failed',
              errors: [
                {
                  field: 'description',
                  code: 'too_long',
                  message_nl: 'Deze tekst is te lang.',
                  message_en: 'This text is too long.',
                },
              ],
            })
          : json(SIGNAL, 201),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Signaal indienen' }));
    // Nothing is sent without the required fields.
    fireEvent.click(screen.getAllByRole('button', { name: 'Signaal indienen' }).at(-1)!);
    expect((await screen.findAllByText('Kies een onderwerp.')).length).toBeGreaterThan(0);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText(/^Onderwerp/), { target: { value: 'financien' } });
    fireEvent.change(screen.getByLabelText(/^Urgentie/), { target: { value: 'hoog' } });
    fireEvent.change(screen.getByLabelText(/^Omschrijving/), {
      target: { value: 'Brieven van een incassobureau.' },
    });
    fireEvent.click(screen.getByLabelText('Amina Haddad'));
    await screen.findByRole('option', { name: 'Vluchtelingenwerk' });
    fireEvent.change(screen.getByLabelText(/^Doorsturen naar/), { target: { value: '5' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Signaal indienen' }).at(-1)!);
    expect((await screen.findAllByText('Deze tekst is te lang.')).length).toBeGreaterThan(0);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      category: 'financien',
      urgency: 'hoog',
      description: 'Brieven van een incassobureau.',
      person_ids: [9],
      organisation_id: 5,
    });
    fireEvent.click(screen.getAllByRole('button', { name: 'Signaal indienen' }).at(-1)!);
    await screen.findByText('Het signaal is ingediend en doorgestuurd naar Sociale dienst.');
    await waitFor(() =>
      expect(
        calls.filter((c) => c.method === 'GET' && c.url.pathname.endsWith('/signals')).length,
      ).toBe(2),
    );
  });

  it('acknowledges a signal with a follow-up date in dd-mm-jjjj', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/households/3': () => json(makeHousehold()),
      'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [] }),
      'GET /api/v1/tenants/1/households/3/signals': () =>
        json({ items: [SIGNAL], may_file: false }),
      'GET /api/v1/tenants/1/organisations': () => json({ items: ORGS }),
      'POST /api/v1/tenants/1/signals/11/acknowledge': () =>
        json({ ...SIGNAL, state: 'in_behandeling', allowed_actions: ['reroute', 'close'] }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Oppakken: Financiën en schulden' }));
    fireEvent.change(screen.getByLabelText(/^Afhandelen vóór/), {
      target: { value: '01-12-2026' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Oppakken' }));
    const done = await screen.findByText('Het signaal is bijgewerkt.');
    await waitFor(() => expect(document.activeElement).toBe(done.closest('.regie-focus-target')));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      follow_up_due: '2026-12-01',
      note: '',
    });
    expect(screen.queryByRole('button', { name: 'Signaal indienen' })).toBeNull();
  });
});
