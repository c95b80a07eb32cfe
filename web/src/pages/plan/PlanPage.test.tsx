import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../api/plan';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeHousehold, makeMe, makePerson } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { PlanPage } from './PlanPage';

const BASE = '/api/v1/tenants/1/households/3';

function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    household_id: 3,
    version: 2,
    saved_at: '2026-11-20T10:00:00.000000Z',
    saved_by: { id: 7, display_name: 'R. de Vries' },
    hidden_goals: 0,
    agreed: false,
    agreements: [],
    domains: [
      {
        code: 'werk_inkomen',
        label_nl: 'Werk en inkomen',
        label_en: 'Work and income',
        category: 'werk_inkomen',
      },
      {
        code: 'zorg_gezondheid',
        label_nl: 'Zorg en gezondheid',
        label_en: 'Care and health',
        category: 'gezondheid',
      },
    ],
    access: { relationship: 'regisseur', edit: true, agree: true, reopen: true },
    goals: [
      {
        key: 1,
        person_id: 9,
        domain: 'werk_inkomen',
        restricted: false,
        text: 'Vrijwilligerswerk gevonden',
        target_date: '2027-06-01',
        status: 'loopt',
        actions: [
          {
            key: 2,
            text: 'Gesprek bij het werkplein',
            organisation_id: 4,
            user_id: null,
            due_date: '2020-01-01',
            status: 'open',
            result: '',
            can_update: true,
          },
        ],
      },
    ],
    ...overrides,
  };
}

function api(current: Plan, extra: Record<string, Parameters<typeof fakeApi>[0][string]> = {}) {
  return fakeApi({
    'GET /api/v1/tenants/1/households/3': () => json(makeHousehold({ persons: [makePerson()] })),
    'GET /api/v1/tenants/1/organisations': () =>
      json({ items: [{ id: 4, tenant_id: 1, name: 'Werkplein', kind: 'sociale_dienst' }] }),
    [`GET ${BASE}/plan`]: () => json(current),
    [`GET ${BASE}/plan/versions`]: () =>
      json({
        items: [
          {
            version: 2,
            saved_at: '2026-11-20T10:00:00.000000Z',
            saved_by: { id: 7, display_name: 'R. de Vries' },
          },
          {
            version: 1,
            saved_at: '2026-11-10T10:00:00.000000Z',
            saved_by: { id: 7, display_name: 'R. de Vries' },
          },
        ],
      }),
    ...extra,
  });
}

describe('PlanPage', () => {
  it('shows goals by person and domain with status, dates and overdue actions', async () => {
    api(plan());
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    const goal = (await screen.findByText('Vrijwilligerswerk gevonden')).closest('article')!;
    expect(within(goal).getByText('Loopt')).toBeTruthy();
    expect(within(goal).getByText('Streefdatum 01-06-2027')).toBeTruthy();
    const row = within(goal).getByText('Gesprek bij het werkplein').closest('tr')!;
    expect(within(row).getByText('Werkplein')).toBeTruthy();
    expect(row.textContent).toContain('01-01-2020');
    expect(row.textContent).toContain('Te laat');
    expect(await screen.findByRole('heading', { name: 'Amina Haddad' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Werk en inkomen' })).toBeTruthy();
    expect(screen.getByText(/nog niet met deze versie ingestemd/)).toBeTruthy();
    // The printout of the version on screen.
    const print = screen.getByRole('link', { name: 'Plan afdrukken (PDF)' });
    expect(print.getAttribute('href')).toBe(`${BASE}/plan.pdf?version=2`);
    expect(print.hasAttribute('download')).toBe(true);
  });

  it('has headings without skipped levels and styles the version printouts as links', async () => {
    api(plan());
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    await screen.findByRole('heading', { name: 'Amina Haddad' });
    const pdf = await screen.findByRole('link', { name: 'Versie 1 als PDF' });
    expect(pdf.className).toContain('utrecht-link');
    expect(pdf.hasAttribute('download')).toBe(true);
    const levels = screen.getAllByRole('heading').map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });
    expect(screen.getByRole('heading', { level: 2, name: 'Doelen en acties' })).toBeTruthy();
  });

  it('offers no printout before there is a plan', async () => {
    api(plan({ version: 0, saved_at: null, saved_by: null, goals: [] }));
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    expect(await screen.findByText('Er is nog geen plan van aanpak.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Plan afdrukken (PDF)' })).toBeNull();
  });

  it('saves the edits with the base version and keeps them on a version conflict', async () => {
    const calls = api(plan(), {
      [`PUT ${BASE}/plan`]: () =>
        problem(409, {
          code: 'plan_version_conflict',
          message_nl: 'Iemand anders heeft het plan intussen opgeslagen.',
          ...({ current_version: 3 } as object),
        }),
    });
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Plan bewerken' }));
    const text = screen.getByLabelText(/^Omschrijving/) as HTMLInputElement;
    fireEvent.change(text, { target: { value: 'Betaald werk gevonden' } });
    fireEvent.click(screen.getByRole('button', { name: 'Plan opslaan' }));
    expect(await screen.findByText(/nu versie 3/)).toBeTruthy();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toMatchObject({
      version: 2,
      goals: [{ key: 1, text: 'Betaald werk gevonden', target_date: '2027-06-01' }],
    });
    // The edit is still on screen; loading the latest version is the user's choice.
    expect((screen.getByLabelText(/^Omschrijving/) as HTMLInputElement).value).toBe(
      'Betaald werk gevonden',
    );
    fireEvent.click(screen.getByRole('button', { name: /Nieuwste versie laden/ }));
    await waitFor(() => expect(screen.queryByLabelText(/^Omschrijving/)).toBeNull());
  });

  it('moves focus to an added goal or action, and after a removal to the button that adds one', async () => {
    api(plan());
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Plan bewerken' }));
    fireEvent.click(screen.getByRole('button', { name: 'Actie toevoegen' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('veld-goals-0-actions-1-text'));
    fireEvent.click(screen.getAllByRole('button', { name: 'Actie verwijderen' }).at(-1)!);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Actie toevoegen' })),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Doel toevoegen' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('veld-goals-1-person_id'));
    fireEvent.click(screen.getAllByRole('button', { name: 'Doel verwijderen' }).at(-1)!);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Doel toevoegen' })),
    );
  });

  it('shows field errors of a refused save at the fields', async () => {
    api(plan(), {
      [`PUT ${BASE}/plan`]: () =>
        problem(422, {
          code: 'validation_failed',
          errors: [
            {
              field: 'goals/0/status',
              code: 'transition_not_allowed',
              message_nl: 'Deze statuswijziging is niet toegestaan.',
              message_en: 'This status change is not allowed.',
            },
          ],
        }),
    });
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Plan bewerken' }));
    fireEvent.click(screen.getByRole('button', { name: 'Plan opslaan' }));
    expect(
      (await screen.findAllByText('Deze statuswijziging is niet toegestaan.')).length,
    ).toBeGreaterThan(0);
  });

  it('lets a partner report progress on its action of a restricted goal', async () => {
    const restricted = plan({
      access: { relationship: 'partner', edit: false, agree: false, reopen: false },
      hidden_goals: 1,
    });
    restricted.goals[0] = {
      ...restricted.goals[0]!,
      restricted: true,
      text: undefined,
      status: undefined,
    };
    const calls = api(restricted, {
      [`POST ${BASE}/plan/actions/2/progress`]: () => json(plan({ version: 3 })),
    });
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['partner']));
    expect(await screen.findByText(/alleen de acties van uw organisatie/)).toBeTruthy();
    expect(screen.getByText(/1 doel\(en\) van dit plan zijn voor u afgeschermd/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Plan bewerken' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Voortgang melden/ }));
    fireEvent.change(screen.getByLabelText(/^Status/), { target: { value: 'gereed' } });
    fireEvent.change(screen.getByLabelText(/^Resultaat/), { target: { value: 'Gesprek gevoerd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Voortgang opslaan' }));
    expect(await screen.findByText('De voortgang is opgeslagen.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      version: 2,
      status: 'gereed',
      result: 'Gesprek gevoerd',
    });
  });

  it('offers the latest plan after a version conflict on reporting progress', async () => {
    let current = plan();
    const calls = api(plan(), {
      [`GET ${BASE}/plan`]: () => json(current),
      [`POST ${BASE}/plan/actions/2/progress`]: () =>
        problem(409, {
          code: 'plan_version_conflict',
          message_nl: 'Iemand anders heeft het plan intussen opgeslagen.',
        }),
    });
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: /^Voortgang melden/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Voortgang opslaan' }));
    expect(
      await screen.findByText('Iemand anders heeft het plan intussen opgeslagen.'),
    ).toBeTruthy();
    current = plan({ version: 3 });
    const gets = () => calls.filter((c) => c.method === 'GET' && c.url.pathname === `${BASE}/plan`);
    expect(gets()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Gegevens opnieuw laden' }));
    await waitFor(() => expect(gets()).toHaveLength(2));
    expect(await screen.findByText(/^Versie 3/)).toBeTruthy();
    // The form is closed; it opens again on the version now on screen.
    expect(screen.queryByRole('button', { name: 'Voortgang opslaan' })).toBeNull();
  });

  it('compares two versions with labels, names and dates instead of codes and ids', async () => {
    api(plan(), {
      [`GET ${BASE}/plan/diff`]: () =>
        json({
          from: 1,
          to: 2,
          changes: [
            {
              kind: 'goal_changed',
              goal_key: 1,
              action_key: null,
              field: 'status',
              old: 'open',
              new: 'loopt',
            },
            {
              kind: 'goal_changed',
              goal_key: 1,
              action_key: null,
              field: 'domain',
              old: 'zorg_gezondheid',
              new: 'werk_inkomen',
            },
            {
              kind: 'goal_changed',
              goal_key: 1,
              action_key: null,
              field: 'person_id',
              old: '99',
              new: '9',
            },
            {
              kind: 'action_changed',
              goal_key: 1,
              action_key: 2,
              field: 'due_date',
              old: '2019-12-01',
              new: '2020-01-01',
            },
            {
              kind: 'action_changed',
              goal_key: 1,
              action_key: 2,
              field: 'organisation_id',
              old: null,
              new: '4',
            },
            {
              kind: 'action_changed',
              goal_key: 1,
              action_key: 2,
              field: 'status',
              old: 'loopt',
              new: 'gereed',
            },
            {
              kind: 'action_added',
              goal_key: 1,
              action_key: 2,
              label: 'Gesprek bij het werkplein',
            },
          ],
        }),
    });
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    // The names are there once the household is.
    await screen.findByRole('heading', { name: 'Amina Haddad' });
    fireEvent.click(await screen.findByRole('button', { name: 'Vergelijken' }));
    // Every version prints on its own.
    expect(screen.getByRole('link', { name: 'Versie 1 als PDF' }).getAttribute('href')).toBe(
      `${BASE}/plan.pdf?version=1`,
    );
    const list = (await screen.findAllByText('Doel gewijzigd'))[0]!.closest('ul')!;
    const items = [...list.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Doel gewijzigd – Vrijwilligerswerk gevonden – Status: Open → Loopt',
      'Doel gewijzigd – Vrijwilligerswerk gevonden – Leefdomein: Zorg en gezondheid → Werk en inkomen',
      'Doel gewijzigd – Vrijwilligerswerk gevonden – Persoon: Persoon 99 (naam afgeschermd) → Amina Haddad',
      'Actie gewijzigd – Gesprek bij het werkplein – Uiterlijk op: 01-12-2019 → 01-01-2020',
      'Actie gewijzigd – Gesprek bij het werkplein – Verantwoordelijke organisatie: (leeg) → Werkplein',
      'Actie gewijzigd – Gesprek bij het werkplein – Status: Loopt → Gereed',
      'Actie toegevoegd – Gesprek bij het werkplein',
    ]);
  });

  it('puts the actions in a table with a caption and the progress button in a data cell', async () => {
    api(plan());
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    const table = await screen.findByRole('table', {
      name: 'Acties bij het doel: Vrijwilligerswerk gevonden',
    });
    const header = within(table).getByRole('rowheader');
    expect(header.textContent).toBe('Gesprek bij het werkplein');
    const button = within(table).getByRole('button', {
      name: 'Voortgang melden: Gesprek bij het werkplein',
    });
    expect(button.closest('td')).not.toBeNull();
    fireEvent.click(button);
    // The form opens in a row of its own, in a data cell, with focus on its first field.
    const status = within(table).getByLabelText(/^Status/);
    expect(status.closest('td')).not.toBeNull();
    expect(status.closest('th')).toBeNull();
    expect(document.activeElement).toBe(status);
    fireEvent.click(within(table).getByRole('button', { name: 'Annuleren' }));
    expect(within(table).queryByLabelText(/^Status/)).toBeNull();
    expect(document.activeElement).toBe(
      within(table).getByRole('button', { name: /^Voortgang melden/ }),
    );
  });

  it('moves focus to the confirmation after every saved progress report', async () => {
    api(plan(), {
      [`POST ${BASE}/plan/actions/2/progress`]: () => json(plan({ version: 3 })),
    });
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    for (let i = 0; i < 2; i += 1) {
      fireEvent.click(await screen.findByRole('button', { name: /^Voortgang melden/ }));
      fireEvent.click(screen.getByRole('button', { name: 'Voortgang opslaan' }));
      const message = await screen.findByText('De voortgang is opgeslagen.');
      await waitFor(() =>
        expect(document.activeElement).toBe(message.closest('.regie-focus-target')),
      );
      // The plan is read again under the confirmation.
      await screen.findByRole('button', { name: /^Voortgang melden/ });
      expect(document.activeElement).toBe(message.closest('.regie-focus-target'));
    }
  });

  it('focuses the first field of the plan editor and returns to its button on cancel', async () => {
    api(plan());
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    await screen.findByRole('heading', { name: 'Amina Haddad' });
    fireEvent.click(screen.getByRole('button', { name: 'Plan bewerken' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Persoon/));
    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Plan bewerken' }));
  });

  it('shows why the household could not be read instead of leaving out its names', async () => {
    api(plan(), {
      'GET /api/v1/tenants/1/households/3': () =>
        problem(403, {
          code: 'forbidden',
          message_nl: 'U heeft geen toegang tot dit huishouden.',
        }),
    });
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    expect(await screen.findByText('U heeft geen toegang tot dit huishouden.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Dat lukte niet' })).toBeTruthy();
  });
});
