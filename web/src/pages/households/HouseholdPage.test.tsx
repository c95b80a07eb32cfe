import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../App';
import type { Household } from '../../api/types';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeHousehold, makeMe, makePerson } from '../../test/fixtures';
import { renderSignedIn, renderWithI18n } from '../../test/render';
import { HouseholdPage } from './HouseholdPage';

function show(household: Household, roles = makeMe(['partner'])) {
  fakeApi({
    'GET /api/v1/tenants/1/households/3': () => json(household),
    'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [] }),
    'GET /api/v1/tenants/1/households/3/signals': () => json({ items: [], may_file: false }),
  });
  window.history.replaceState(null, '', '/gemeenten/1/huishoudens/3');
  renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, roles);
}

describe('HouseholdPage', () => {
  it('shows a partner only what is shared: dashes for absent fields, no edit or archive', async () => {
    const { bsn, birth_date, ...shared } = makePerson();
    show(
      makeHousehold({
        begeleiders: [{ id: 8, display_name: 'B. Begeleider' }],
        persons: [{ ...shared, visible_categories: ['basis'] }],
        access: {
          relationship: 'partner',
          categories: ['basis', 'inburgering'],
          break_glass: false,
          can_edit: false,
        },
      }),
    );
    const row = (await screen.findByRole('link', { name: 'Amina Haddad' })).closest('tr')!;
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['Hoofdpersoon', '—afgeschermd', 'Syrië (SY)', '—afgeschermd']);
    expect(
      within(row).getAllByTitle('afgeschermd: U heeft geen toegang tot deze gegevenscategorie.'),
    ).toHaveLength(2);
    expect(screen.queryByRole('link', { name: 'Huishouden bewerken' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Persoon toevoegen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archiveren' })).toBeNull();
    expect(screen.queryByRole('link', { name: /^Bewerken/ })).toBeNull();

    const access = screen.getByRole('heading', { name: 'Toegang' }).closest('section')!;
    expect(access.textContent).toContain('Partner');
    expect(access.textContent).toContain('Basisgegevens, Inburgering');
    expect(screen.getByText('B. Begeleider')).toBeTruthy();
    expect(screen.getByText('R. de Vries')).toBeTruthy();
  });

  it('gives the regisseur edit, archive and assignments', async () => {
    show(makeHousehold({ persons: [makePerson()] }), makeMe(['regisseur']));
    await screen.findByRole('link', { name: 'Huishouden bewerken' });
    expect(screen.getByRole('link', { name: 'Betrokkenen toewijzen' }).getAttribute('href')).toBe(
      '/gemeenten/1/huishoudens/3/betrokkenen',
    );
    expect(screen.getByRole('button', { name: 'Archiveren' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bewerken Amina Haddad' })).toBeTruthy();
  });

  it('reopens a handed-over household only with the word that the handover came back', async () => {
    const archived = makeHousehold({
      archived: true,
      archived_at: '2026-11-01T10:00:00.000000Z',
      archive_reason: 'Overgedragen aan andere gemeente (overdracht x)',
      handed_over: true,
      version: 4,
      access: {
        relationship: 'regisseur',
        categories: ['basis'],
        break_glass: false,
        can_edit: false,
      },
    });
    const calls = fakeApi({
      'GET /api/v1/tenants/1/households/3': () => json(archived),
      'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [] }),
      'GET /api/v1/tenants/1/households/3/signals': () => json({ items: [], may_file: false }),
      'POST /api/v1/tenants/1/households/3/reopen': () =>
        json({
          ...archived,
          archived: false,
          handed_over: false,
          version: 5,
          access: { ...archived.access, can_edit: true },
        }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    expect(await screen.findByRole('button', { name: 'Heropenen' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Archiveren' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Heropenen' }));
    expect(
      screen.getByText(/Heropen het alleen als die gemeente de overdracht heeft afgewezen/),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Reden van heropenen/), {
      target: { value: 'Dalfsen wees de overdracht af' },
    });
    fireEvent.click(screen.getByLabelText(/^De andere gemeente heeft de overdracht afgewezen/));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, heropenen' }));
    expect(await screen.findByText('Het huishouden is heropend.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      version: 4,
      reason: 'Dalfsen wees de overdracht af',
      handover_returned: true,
    });
    // Active again: the archive panel is back.
    expect(screen.getByRole('button', { name: 'Archiveren' })).toBeTruthy();
  });
  it('warns on every view of a household opened with break-the-glass', async () => {
    show(
      makeHousehold({
        access: {
          relationship: 'break_glass',
          categories: ['basis'],
          break_glass: true,
          can_edit: false,
          break_glass_expires_at: '2030-05-02T08:30:00.000000Z',
        },
      }),
    );
    const banner = (await screen.findByRole('heading', { name: 'Noodtoegang' })).closest(
      '.utrecht-alert',
    )!;
    expect(banner.textContent).toMatch(
      /U bekijkt dit dossier met noodtoegang tot 02-05-2030 \d\d:30/,
    );
  });

  it('offers break-the-glass to a regisseur without a relationship', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/households/3': () => problem(403, { code: 'no_relationship' }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    expect(await screen.findByText('U bent niet betrokken bij dit huishouden')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Noodtoegang openen' }).getAttribute('href')).toBe(
      '/gemeenten/1/huishoudens/3/noodtoegang',
    );
  });
});

describe('break-the-glass flow', () => {
  it('searches outside my households, asks a reason with a warning, then shows the banner', async () => {
    let opened = false;
    const calls = fakeApi({
      'GET /api/v1/auth/me': () => json(makeMe(['partner'])),
      'GET /api/v1/tenants/1/households': ({ url }) =>
        url.searchParams.get('scope') === 'all'
          ? json({ items: [{ id: 3, name: 'Familie Haddad' }], next: null })
          : json({ items: [], next: null }),
      'POST /api/v1/tenants/1/households/3/break-glass': () => {
        opened = true;
        return json({ expires_at: '2030-05-02T08:30:00.000000Z' }, 201);
      },
      'GET /api/v1/tenants/1/households/3': () =>
        opened
          ? json(
              makeHousehold({
                access: {
                  relationship: 'break_glass',
                  categories: ['basis'],
                  break_glass: true,
                  can_edit: false,
                },
              }),
            )
          : problem(403, { code: 'no_relationship' }),
    });
    renderWithI18n(<App />);
    fireEvent.click(await screen.findByRole('link', { name: 'Zoeken buiten mijn huishoudens' }));
    await screen.findByRole('heading', { level: 1, name: 'Zoeken buiten mijn huishoudens' });

    fireEvent.change(screen.getByLabelText(/^Naam van het huishouden/), {
      target: { value: 'ha' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    expect(await screen.findByText('Vul minstens 3 tekens in.')).toBeTruthy();
    expect(calls.some((c) => c.url.searchParams.get('scope') === 'all')).toBe(false);

    fireEvent.change(screen.getByLabelText(/^Naam van het huishouden/), {
      target: { value: 'Haddad' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    const open = await screen.findByRole('link', { name: 'Noodtoegang openen Familie Haddad' });
    const search = calls.find((c) => c.url.searchParams.get('scope') === 'all')!;
    expect(search.url.searchParams.get('q')).toBe('Haddad');
    fireEvent.click(open);

    await screen.findByRole('heading', { level: 1, name: 'Noodtoegang openen' });
    expect(screen.getByText('Huishouden: Familie Haddad (nummer 3).')).toBeTruthy();
    expect(screen.getByText(/getoond aan de privacyfunctionaris/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Reden/), { target: { value: 'kort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Noodtoegang openen' }));
    expect(
      await screen.findByRole('link', { name: 'Reden: Beschrijf de reden in minstens 10 tekens.' }),
    ).toBeTruthy();
    expect(opened).toBe(false);

    fireEvent.change(screen.getByLabelText(/^Reden/), {
      target: { value: 'Melding huiselijk geweld, dienst buiten kantoortijd' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Noodtoegang openen' }));
    await screen.findByRole('heading', { level: 1, name: 'Familie Haddad' });
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      reason: 'Melding huiselijk geweld, dienst buiten kantoortijd',
    });
    expect(calls.find((c) => c.method === 'POST')!.headers['X-CSRF-Token']).toBe('csrf-123');
    await waitFor(() =>
      expect(screen.getByText(/U bekijkt dit dossier met noodtoegang tot 02-05-2030/)).toBeTruthy(),
    );
  });

  it('shows one confirmation at a time: opening or sending another form clears the last', async () => {
    const signal = {
      id: 11,
      household: { id: 3, name: 'Familie Haddad' },
      person_ids: [9],
      category: 'financien',
      urgency: 'hoog',
      state: 'ingediend',
      escalated: false,
      due_date: '2026-11-21',
      filed_at: '2026-11-20T10:00:00.000000Z',
      acknowledge_due: '2026-11-21',
      follow_up_due: null,
      acknowledged_at: null,
      closed_at: null,
      reporter: { id: 7, display_name: 'R. de Vries' },
      reporter_organisation: { id: 1, name: 'Gemeente Dalfsen' },
      routed_to: { id: 5, name: 'Vluchtelingenwerk' },
      content_category: 'financien',
      allowed_actions: [],
      version: 1,
    };
    fakeApi({
      'GET /api/v1/tenants/1/households/3': () =>
        json(makeHousehold({ persons: [makePerson({ id: 9 })] })),
      'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [] }),
      'POST /api/v1/tenants/1/households/3/contacts': () =>
        json({ id: 5, household_id: 3, events_recorded: 0 }, 201),
      'GET /api/v1/tenants/1/households/3/signals': () => json({ items: [], may_file: true }),
      'POST /api/v1/tenants/1/households/3/signals': () => json(signal, 201),
      'GET /api/v1/tenants/1/households/3/referrals': () => json({ items: [], may_refer: true }),
      'GET /api/v1/tenants/1/organisations': () =>
        json({ items: [{ id: 5, name: 'Vluchtelingenwerk', kind: 'vluchtelingenwerk' }] }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Contactmoment vastleggen' }));
    fireEvent.change(screen.getByLabelText(/^Datum/), { target: { value: '20-11-2026' } });
    fireEvent.change(screen.getByLabelText(/^Soort contact/), { target: { value: 'gesprek' } });
    fireEvent.change(screen.getByLabelText(/^Deelnemers/), { target: { value: 'Amina' } });
    fireEvent.click(screen.getByRole('button', { name: 'Contactmoment vastleggen' }));
    await screen.findByText('Het contactmoment is vastgelegd.');

    // Opening the signal form clears the contact's confirmation.
    fireEvent.click(screen.getByRole('button', { name: 'Signaal indienen' }));
    expect(screen.queryByText('Het contactmoment is vastgelegd.')).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Onderwerp/), { target: { value: 'financien' } });
    fireEvent.change(screen.getByLabelText(/^Urgentie/), { target: { value: 'hoog' } });
    fireEvent.change(screen.getByLabelText(/^Omschrijving/), { target: { value: 'Brieven.' } });
    await screen.findByRole('option', { name: 'Vluchtelingenwerk' });
    fireEvent.change(screen.getByLabelText(/^Doorsturen naar/), { target: { value: '5' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Signaal indienen' }).at(-1)!);
    await screen.findByText('Het signaal is ingediend en doorgestuurd naar Vluchtelingenwerk.');
    expect(screen.queryByText('Het contactmoment is vastgelegd.')).toBeNull();

    // And opening the referral form clears the signal's.
    fireEvent.click(screen.getByRole('button', { name: 'Verwijzen' }));
    expect(screen.queryByText(/Het signaal is ingediend/)).toBeNull();
  });
});
