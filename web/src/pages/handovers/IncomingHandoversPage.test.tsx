import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HandoverSummary } from '../../api/handovers';
import type { Household } from '../../api/types';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeHousehold, makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { HouseholdPage } from '../households/HouseholdPage';
import { IncomingHandoversPage } from './IncomingHandoversPage';

const PENDING: HandoverSummary = {
  id: 5,
  package_id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  direction: 'incoming',
  status: 'pending',
  sender: { tenant_code: 'GM0523', tenant_name: 'Hardinxveld-Giessendam' },
  sender_regisseur: 'F. de Vries',
  household_name: 'Familie Haddad',
  person_count: 3,
  key_id: 'ab'.repeat(16),
  trusted: false,
  household_id: null,
  recorded_at: '2026-11-20T10:00:00.000000Z',
  decided_at: null,
  decision_reason: '',
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('IncomingHandoversPage', () => {
  it('lists packages as summaries, warns about an untrusted sender and accepts one', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/handovers': () => json({ items: [PENDING] }),
      'POST /api/v1/tenants/1/handovers/5/accept': () =>
        json({ ...PENDING, status: 'accepted', household_id: 42 }),
    });
    renderSignedIn(<IncomingHandoversPage tenantId={1} />, makeMe(['regisseur']));
    const row = (await screen.findByText(/^Familie Haddad \(3 personen\)$/)).closest('tr')!;
    // The household names the row for screen readers.
    expect(within(row).getByRole('rowheader').textContent).toBe('Familie Haddad (3 personen)');
    expect(within(row).getByText(/Hardinxveld-Giessendam \(GM0523\), F\. de Vries/)).toBeTruthy();
    expect(within(row).getByText(/niet op de lijst van vertrouwde gemeenten/)).toBeTruthy();
    expect(within(row).getByText('Wacht op besluit')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Accepteren: Familie Haddad' }));
    const link = await screen.findByRole('link', { name: 'Open Familie Haddad' });
    expect(link.getAttribute('href')).toBe('/gemeenten/1/huishoudens/42');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ regisseur_user_id: null });
  });

  it('uploads the chosen file as JSON and refuses a file that is no JSON without a request', async () => {
    const document = { format: 'regie.handover/v1', package: { package_id: 'x' }, signature: {} };
    const calls = fakeApi({
      'GET /api/v1/tenants/1/handovers': () => json({ items: [] }),
      'POST /api/v1/tenants/1/handovers': () => json(PENDING, 201),
    });
    renderSignedIn(<IncomingHandoversPage tenantId={1} />, makeMe(['regisseur']));
    expect(await screen.findByText(/nog geen overdrachten/)).toBeTruthy();
    const input = screen.getByLabelText('Overdrachtspakket (JSON-bestand)');
    fireEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    expect(await screen.findByText('Kies een bestand.')).toBeTruthy();
    fireEvent.change(input, {
      target: { files: [new File(['geen json'], 'x.json', { type: 'application/json' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    expect(await screen.findByText(/geen JSON-bestand/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(input, {
      target: {
        files: [new File([JSON.stringify(document)], 'p.json', { type: 'application/json' })],
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    expect(await screen.findByText(/is ingelezen en wacht op uw besluit/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual(document);
  });

  it('shows the server refusal of a tampered package', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/handovers': () => json({ items: [] }),
      'POST /api/v1/tenants/1/handovers': () =>
        problem(400, {
          code: 'handover_signature_invalid',
          message_nl: 'De handtekening van dit overdrachtspakket klopt niet.',
        }),
    });
    renderSignedIn(<IncomingHandoversPage tenantId={1} />, makeMe(['regisseur']));
    await screen.findByText(/nog geen overdrachten/);
    fireEvent.change(screen.getByLabelText('Overdrachtspakket (JSON-bestand)'), {
      target: { files: [new File(['{}'], 'p.json', { type: 'application/json' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    expect(
      await screen.findByText(/handtekening van dit overdrachtspakket klopt niet/),
    ).toBeTruthy();
  });

  it('rejects with the reason the regisseur gives', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/handovers': () => json({ items: [{ ...PENDING, trusted: true }] }),
      'POST /api/v1/tenants/1/handovers/5/reject': () =>
        json({ ...PENDING, status: 'rejected', decision_reason: 'Woont hier niet' }),
    });
    renderSignedIn(<IncomingHandoversPage tenantId={1} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Afwijzen: Familie Haddad' }));
    // Focus goes to the reason, and back to the button on cancel.
    expect(document.activeElement).toBe(screen.getByLabelText(/^Reden van afwijzen/));
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Afwijzen: Familie Haddad' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Afwijzen: Familie Haddad' }));
    fireEvent.change(screen.getByLabelText(/^Reden van afwijzen/), {
      target: { value: 'Woont hier niet' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Afwijzen' }));
    const done = await screen.findByText(/is afgewezen/);
    // The list is read again: focus is on the confirmation, not lost to <body>.
    await waitFor(() => expect(document.activeElement).toBe(done.closest('.regie-focus-target')));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ reason: 'Woont hier niet' });
  });
});

describe('HandoverPanel on the household page', () => {
  function show(household: Household, roles = makeMe(['regisseur'])) {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/households/3': () => json(household),
      'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [] }),
      'GET /api/v1/tenants/1/households/3/signals': () => json({ items: [], may_file: false }),
      'POST /api/v1/tenants/1/households/3/handover-package': () =>
        json(
          {
            format: 'regie.handover/v1',
            package: { package_id: '0f8fad5b-d9cb-469f-a165-70867728950e' },
            signature: {},
          },
          201,
        ),
    });
    window.history.replaceState(null, '', '/gemeenten/1/huishoudens/3');
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, roles);
    return calls;
  }

  it('lets the regisseur hand the household over after confirming, and downloads the package', async () => {
    const created = vi.fn(() => 'blob:overdracht');
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }),
    );
    const calls = show(makeHousehold());
    fireEvent.click(await screen.findByRole('button', { name: 'Overdragen aan andere gemeente' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Ja, overdragen en pakket downloaden' }));
    expect(await screen.findByText(/is overgedragen en gearchiveerd/)).toBeTruthy();
    expect(created).toHaveBeenCalledTimes(1);
    await waitFor(() =>
      expect(calls.filter((c) => c.url.pathname === '/api/v1/tenants/1/households/3').length).toBe(
        2,
      ),
    );
  });

  it('is not offered to a begeleider', async () => {
    show(
      makeHousehold({
        access: {
          relationship: 'begeleider',
          categories: ['basis'],
          break_glass: false,
          can_edit: true,
        },
      }),
      makeMe(['begeleider']),
    );
    await screen.findByText('Familie Haddad', { selector: 'h1' });
    expect(screen.queryByRole('button', { name: 'Overdragen aan andere gemeente' })).toBeNull();
  });
});
