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
    fireEvent.click(screen.getByRole('button', { name: 'Voortgang melden' }));
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
    fireEvent.click(await screen.findByRole('button', { name: 'Voortgang melden' }));
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

  it('compares two versions', async () => {
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
              kind: 'action_added',
              goal_key: 1,
              action_key: 2,
              label: 'Gesprek bij het werkplein',
            },
          ],
        }),
    });
    renderSignedIn(<PlanPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Vergelijken' }));
    // Every version prints on its own.
    expect(screen.getByRole('link', { name: 'Versie 1 als PDF' }).getAttribute('href')).toBe(
      `${BASE}/plan.pdf?version=1`,
    );
    const list = (await screen.findByText('Doel gewijzigd')).closest('ul')!;
    expect(list.textContent).toContain('status: open → loopt');
    expect(list.textContent).toContain('Actie toegevoegd – Gesprek bij het werkplein');
  });
});
