import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../api/signals';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { SignalsPage } from './SignalsPage';

const SIGNAL: Signal = {
  id: 11,
  household: { id: 3, name: 'Familie Haddad' },
  person_ids: [],
  category: 'gezondheid',
  urgency: 'normaal',
  state: 'in_behandeling',
  escalated: false,
  due_date: '2026-12-03',
  filed_at: '2026-11-20T10:00:00.000000Z',
  acknowledge_due: '2026-11-23',
  follow_up_due: '2026-12-03',
  acknowledged_at: '2026-11-21T09:00:00.000000Z',
  closed_at: null,
  reporter: { id: 8, display_name: 'V. Vrijwilliger' },
  reporter_organisation: { id: 4, name: 'Vrijwilligers' },
  routed_to: { id: 2, name: 'GGD' },
  content_category: 'gezondheid',
  allowed_actions: ['reroute', 'close'],
  version: 2,
  description: 'Veel pijn, geen huisarts.',
};

describe('SignalsPage', () => {
  it('lists the open signals of my organisation with a link to the household', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/signals': () => json({ items: [SIGNAL] }),
      'GET /api/v1/tenants/1/organisations': () => json({ items: [] }),
    });
    renderSignedIn(<SignalsPage tenantId={1} />, makeMe(['partner']));
    expect(await screen.findByText('1 signalen.')).toBeTruthy();
    expect(calls[0]!.url.searchParams.get('open')).toBe('true');
    const row = screen.getByText('Gezondheid').closest('tr')!;
    expect(within(row).getByRole('link', { name: 'Familie Haddad' }).getAttribute('href')).toBe(
      '/gemeenten/1/huishoudens/3',
    );
    expect(within(row).getByText('In behandeling')).toBeTruthy();
    expect(within(row).getByText('03-12-2026')).toBeTruthy();
    // All signals, closed ones too.
    fireEvent.click(screen.getByLabelText('Alleen openstaande signalen'));
    await screen.findByText('1 signalen.');
    expect(calls.filter((c) => c.url.pathname.endsWith('/signals')).at(-1)!.url.search).toBe('');
  });

  it('shows the category of a signal whose content is not shared as not visible', async () => {
    // As a volunteer sees another's signal: no category, no content.
    const hidden: Signal = { ...SIGNAL, allowed_actions: [] };
    delete hidden.category;
    delete hidden.content_category;
    delete hidden.description;
    fakeApi({
      'GET /api/v1/tenants/1/signals': () => json({ items: [hidden] }),
      'GET /api/v1/tenants/1/organisations': () => json({ items: [] }),
    });
    renderSignedIn(<SignalsPage tenantId={1} />, makeMe(['begeleider']));
    expect(await screen.findByText('1 signalen.')).toBeTruthy();
    const row = screen.getByRole('link', { name: 'Familie Haddad' }).closest('tr')!;
    expect(within(row).getByRole('rowheader').textContent).toBe('Niet zichtbaar voor u');
    expect(screen.queryByText('Gezondheid')).toBeNull();
  });

  it('closes a signal; a result is required before anything is sent', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/signals': () => json({ items: [SIGNAL] }),
      'GET /api/v1/tenants/1/organisations': () => json({ items: [] }),
      'POST /api/v1/tenants/1/signals/11/close': () =>
        problem(409, { code: 'signal_transition_refused', message_nl: 'Deze stap kan niet.' }),
    });
    renderSignedIn(<SignalsPage tenantId={1} />, makeMe(['partner']));
    fireEvent.click(await screen.findByRole('button', { name: 'Afhandelen: Gezondheid' }));
    fireEvent.click(screen.getByRole('button', { name: 'Afhandelen' }));
    expect((await screen.findAllByText('Beschrijf het resultaat.')).length).toBeGreaterThan(0);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText(/^Resultaat/), {
      target: { value: 'Afspraak bij de huisarts.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Afhandelen' }));
    expect(await screen.findByText(/Deze stap kan niet/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      result: 'Afspraak bij de huisarts.',
    });
  });

  it('moves focus to the confirmation after every change, and back to the button after a cancel', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/signals': () => json({ items: [SIGNAL] }),
      'GET /api/v1/tenants/1/organisations': () => json({ items: [] }),
      'POST /api/v1/tenants/1/signals/11/close': () => json({ ...SIGNAL, state: 'afgehandeld' }),
    });
    renderSignedIn(<SignalsPage tenantId={1} />, makeMe(['partner']));
    const open = await screen.findByRole('button', { name: 'Afhandelen: Gezondheid' });
    fireEvent.click(open);
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Afhandelen: Gezondheid' }),
    );
    for (let i = 0; i < 2; i += 1) {
      fireEvent.click(await screen.findByRole('button', { name: 'Afhandelen: Gezondheid' }));
      fireEvent.change(screen.getByLabelText(/^Resultaat/), { target: { value: 'Gedaan.' } });
      fireEvent.click(screen.getByRole('button', { name: 'Afhandelen' }));
      const message = await screen.findByText('Het signaal is bijgewerkt.');
      const target = message.closest('.regie-focus-target');
      await waitFor(() => expect(document.activeElement).toBe(target));
      // The list is read again under it; focus stays.
      await screen.findByText('1 signalen.');
      expect(document.activeElement).toBe(target);
    }
  });
});
