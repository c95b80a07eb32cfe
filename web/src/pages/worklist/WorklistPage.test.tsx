import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Worklist } from '../../api/policyTypes';
import { fakeApi, json } from '../../test/fakeApi';
import { makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { WorklistPage } from './WorklistPage';

const LIST: Worklist = {
  on: '2024-06-01',
  items: [
    {
      household: { id: 3, name: 'Familie Haddad' },
      person: { id: 9, name: 'Amina Haddad' },
      kind: 'milestone',
      id: 'wi2021.pip',
      label: { nl: 'PIP binnen 10 weken', en: 'PIP within 10 weeks' },
      domain: 'onderwijs_taal',
      due_date: '2024-03-20',
      pack_id: 'nl-wet-inburgering-2021',
    },
    {
      household: { id: 4, name: 'Familie Tesfay' },
      person: { id: 12, name: 'Yonas Tesfay' },
      kind: 'cadence',
      id: 'dalfsen.voortgangscontact',
      label: { nl: 'Voortgangscontact', en: 'Progress contact' },
      domain: 'werk_inkomen',
      due_date: '2024-05-31',
      pack_id: 'dalfsen-2017',
    },
  ],
};

describe('WorklistPage', () => {
  it('lists the overdue items in the server order with days overdue and links', async () => {
    const calls = fakeApi({ 'GET /api/v1/tenants/1/worklist': () => json(LIST) });
    renderSignedIn(<WorklistPage tenantId={1} />, makeMe(['regisseur']));
    expect(await screen.findByText('2 verlopen op 01-06-2024.')).toBeTruthy();
    expect(calls[0]!.url.searchParams.get('on')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const table = screen.getByRole('table', {
      name: 'Werklijst op 01-06-2024',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').firstChild!.textContent)).toEqual([
      'PIP binnen 10 weken',
      'Voortgangscontact',
    ]);
    expect(rows[0]!.textContent).toContain('20-03-2024');
    expect(rows[0]!.lastElementChild!.textContent).toBe('73');
    expect(rows[1]!.lastElementChild!.textContent).toBe('1');
    expect(rows[1]!.textContent).toContain('Terugkerende afspraak');
    expect(
      within(rows[0]!).getByRole('link', { name: 'Familie Haddad' }).getAttribute('href'),
    ).toBe('/gemeenten/1/huishoudens/3');
    expect(within(rows[0]!).getByRole('link', { name: 'Amina Haddad' }).getAttribute('href')).toBe(
      '/gemeenten/1/personen/9',
    );
  });

  it('shows a signal with its subject, state, escalation and organisation, and no domain', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/worklist': () =>
        json({
          on: '2024-06-01',
          items: [
            {
              household: { id: 3, name: 'Familie Haddad' },
              person: null,
              kind: 'signal',
              id: 41,
              category: 'psychisch',
              urgency: 'acuut',
              state: 'ingediend',
              escalated: true,
              routed_to: { id: 2, name: 'GGD' },
              due_date: '2024-05-29',
            },
          ],
        }),
    });
    renderSignedIn(<WorklistPage tenantId={1} />, makeMe(['regisseur']));
    const header = await screen.findByRole('rowheader');
    expect(header.textContent).toBe(
      'Psychisch welzijnSignaal · Ingediend · Acuut · doorgestuurd naar GGDTermijn verstreken',
    );
    const row = header.closest('tr')!;
    // A signal has no life domain: its organisation is in the description, not under "Domein".
    const domain = row.querySelectorAll('td')[2]!;
    expect(screen.getAllByRole('columnheader')[3]!.textContent).toBe('Domein');
    expect(domain.textContent).toBe('');
    expect(row.lastElementChild!.textContent).toBe('3');
    expect(within(row).getByRole('link', { name: 'Familie Haddad' }).getAttribute('href')).toBe(
      '/gemeenten/1/huishoudens/3',
    );
  });

  it('shows a referral with its organisation in the description and no domain', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/worklist': () =>
        json({
          on: '2024-06-01',
          items: [
            {
              household: { id: 3, name: 'Familie Haddad' },
              person: null,
              persons: [{ id: 9, name: 'Amina Haddad' }],
              kind: 'referral',
              id: 12,
              direction: 'incoming',
              state: 'voorgesteld',
              package: ['basis'],
              from_organisation: { id: 1, name: 'Gemeente Dalfsen' },
              to_organisation: { id: 2, name: 'Vluchtelingenwerk' },
              overdue: false,
              due_date: '2024-06-03',
            },
          ],
        }),
    });
    renderSignedIn(<WorklistPage tenantId={1} />, makeMe(['partner']));
    const header = await screen.findByRole('rowheader');
    expect(header.textContent).toContain('Verwijzing van Gemeente Dalfsen beantwoorden');
    const row = header.closest('tr')!;
    expect(row.querySelectorAll('td')[2]!.textContent).toBe('');
    expect(within(row).getByText('Amina Haddad')).toBeTruthy();
    // Due in two days: not late, so no "0 days overdue".
    expect(row.lastElementChild!.textContent).toBe('nog niet');
    expect(screen.getByText('1 op de werklijst op 01-06-2024, nog niets verlopen.')).toBeTruthy();
  });

  it('counts only the overdue items as verlopen', async () => {
    const referral = {
      household: { id: 3, name: 'Familie Haddad' },
      person: null,
      persons: [{ id: 9, name: 'Amina Haddad' }],
      kind: 'referral',
      id: 12,
      direction: 'incoming',
      state: 'voorgesteld',
      package: ['basis'],
      from_organisation: { id: 1, name: 'Gemeente Dalfsen' },
      to_organisation: { id: 2, name: 'Vluchtelingenwerk' },
      overdue: false,
      due_date: '2024-06-08',
    };
    const action = {
      household: { id: 3, name: 'Familie Haddad' },
      person: { id: 9, name: 'Amina Haddad' },
      kind: 'action',
      id: '2',
      label: 'Intakegesprek',
      domain: 'werk_inkomen',
      due_date: '2024-06-01',
      pack_id: '',
    };
    fakeApi({
      'GET /api/v1/tenants/1/worklist': () =>
        json({
          ...LIST,
          items: [...LIST.items, { ...action, id: '1', due_date: '2024-05-01' }, action, referral],
        }),
    });
    renderSignedIn(<WorklistPage tenantId={1} />, makeMe(['regisseur']));
    expect(
      await screen.findByText('5 op de werklijst op 01-06-2024, waarvan 3 verlopen.'),
    ).toBeTruthy();
    const cells = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.lastElementChild!.textContent);
    expect(cells).toEqual(['73', '1', '31', 'nog niet', 'nog niet']);
  });

  it('names a person whose name the user may not see instead of an empty link', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/worklist': () =>
        json({
          ...LIST,
          items: [{ ...LIST.items[0], person: { id: 70, name: '' } }],
        }),
    });
    renderSignedIn(<WorklistPage tenantId={1} />, makeMe(['begeleider']));
    const link = await screen.findByRole('link', { name: 'Persoon 70 (naam afgeschermd)' });
    expect(link.getAttribute('href')).toBe('/gemeenten/1/personen/70');
    for (const a of screen.getAllByRole('link')) expect(a.textContent!.trim()).not.toBe('');
  });

  it('says so when nothing is overdue', async () => {
    fakeApi({ 'GET /api/v1/tenants/1/worklist': () => json({ on: '2024-06-01', items: [] }) });
    renderSignedIn(<WorklistPage tenantId={1} />, makeMe(['begeleider']));
    expect(
      await screen.findByText('Er is op 01-06-2024 niets verlopen in uw huishoudens.'),
    ).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
  it('links a due plan action to the plan, with its life domain and no pack', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/worklist': () =>
        json({
          on: '2024-06-01',
          items: [
            {
              household: { id: 3, name: 'Familie Haddad' },
              person: { id: 9, name: 'Amina Haddad' },
              kind: 'action',
              id: '2',
              label: 'Intakegesprek bij het werkplein',
              domain: 'werk_inkomen',
              due_date: '2024-05-01',
              pack_id: '',
            },
          ],
        }),
    });
    renderSignedIn(<WorklistPage tenantId={1} />, makeMe(['partner']));
    const link = await screen.findByRole('link', { name: 'Intakegesprek bij het werkplein' });
    expect(link.getAttribute('href')).toBe('/gemeenten/1/huishoudens/3/plan');
    const row = link.closest('tr')!;
    expect(row.textContent).toContain('Actie uit het plan');
    expect(row.textContent).not.toContain(' · ');
    expect(row.textContent).toContain('Werk en inkomen');
    expect(row.lastElementChild!.textContent).toBe('31');
  });
});
