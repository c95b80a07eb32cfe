import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PackDetail, PackSummary } from '../../api/policyTypes';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { ActivationsPage } from './ActivationsPage';
import { PackPage } from './PackPage';
import { PacksPage } from './PacksPage';

const label = (nl: string, en = nl) => ({ nl, en });
const SOURCE = { document: '003_88bec1e5ce0b7e6a.txt', section: 'bijlage schema' };
const COUNTS = { events: 2, milestones: 1, cadences: 0, indicators: 1, code_lists: 1 };

const NATIONAL: PackSummary = {
  id: 'nl-wet-inburgering-2021',
  title: label('Wet inburgering 2021', 'Civic Integration Act 2021'),
  scope: 'national',
  municipalities: [],
  applicable: true,
  versions: [
    { version: 1, valid_from: '2022-01-01', valid_to: null, source: SOURCE, counts: COUNTS },
  ],
  activations: [
    {
      from: '2022-01-01',
      to: null,
      recorded_by: { id: 2, display_name: 'B. Beheer' },
      recorded_at: '2024-01-01T00:00:00Z',
    },
  ],
};
const WOERDEN: PackSummary = {
  ...NATIONAL,
  id: 'woerden-2017',
  title: label('Woerden: integratie statushouders'),
  scope: 'municipality',
  municipalities: ['GM0632'],
  applicable: true,
  activations: [
    { from: '2017-01-01', to: '2018-12-31', recorded_by: null, recorded_at: '' },
    { from: '2019-01-01', to: null, recorded_by: null, recorded_at: '' },
  ],
};
const DALFSEN: PackSummary = {
  ...NATIONAL,
  id: 'dalfsen-2017',
  title: label('Dalfsen: plan van aanpak'),
  scope: 'municipality',
  municipalities: ['GM0148'],
  applicable: false,
  activations: [],
};

const DETAIL: PackDetail = {
  ...WOERDEN,
  versions: [
    {
      ...WOERDEN.versions[0]!,
      milestones: [
        {
          id: 'woerden.diagnose',
          label: label('Diagnose binnen 4 weken na huisvesting'),
          domain: 'werk_inkomen',
          anchor: 'huisvesting',
          deadline: '4 weeks',
          applies: 'min_age 18',
          satisfied_by: ['diagnose_afgerond'],
          extensions: [],
          exemptions: [],
          source: SOURCE,
          note: '',
        },
      ],
      cadences: [],
      indicators: [
        {
          id: 'woerden.ind_externe_wep',
          label: label('Externe werkervaringsplek binnen 6 maanden'),
          domain: 'werk_inkomen',
          theme: 'Ferm Werk prestatieafspraken',
          target_percent: 50,
          period_from: '2017-01-01',
          period_to: '2017-12-31',
          source: SOURCE,
          note: '',
        },
      ],
      events: [
        {
          id: 'huisvesting',
          label: label('Sleuteluitgifte (huisvesting)'),
          kind: 'person',
          value: 'none',
        },
        {
          id: 'diagnose_afgerond',
          label: label('Diagnose Ferm Werk'),
          kind: 'recorded',
          value: 'none',
        },
      ],
      code_lists: [
        {
          id: 'ferm_werk_uitkomst',
          label: label('Uitkomst Ferm Werk methode'),
          outcome: true,
          codes: [{ code: 'A', label: label('Uitstroom naar werk') }],
        },
      ],
    },
  ],
};

describe('policy pages', () => {
  it('list the packs with scope, versions and activation windows; beheer may change them', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/policy/packs': () => json({ items: [NATIONAL, WOERDEN, DALFSEN] }),
    });
    renderSignedIn(<PacksPage tenantId={1} />, makeMe(['beheer']));
    const table = await screen.findByRole('table', { name: 'Beleidspakketten' });
    const woerden = within(table)
      .getByRole('rowheader', { name: /^Woerden/ })
      .closest('tr')!;
    expect(woerden.textContent).toContain('Gemeentelijk (GM0632)');
    expect(woerden.textContent).toContain('Versie 1: vanaf 01-01-2022');
    expect(woerden.textContent).toContain('01-01-2017 t/m 31-12-2018');
    expect(woerden.textContent).toContain('vanaf 01-01-2019');
    const dalfsen = within(table)
      .getByRole('rowheader', { name: /^Dalfsen/ })
      .closest('tr')!;
    expect(dalfsen.textContent).toContain('Nee, niet voor deze gemeente');
    expect(dalfsen.textContent).toContain('Niet geactiveerd');
    expect(screen.getByRole('link', { name: 'Activeringen wijzigen' })).toBeTruthy();
  });

  it('let beleid read the packs without changing them', async () => {
    fakeApi({ 'GET /api/v1/tenants/1/policy/packs': () => json({ items: [NATIONAL] }) });
    renderSignedIn(<PacksPage tenantId={1} />, makeMe(['beleid']));
    await screen.findByRole('table', { name: 'Beleidspakketten' });
    expect(screen.queryByRole('link', { name: 'Activeringen wijzigen' })).toBeNull();
  });

  it('show a pack version with its rules and their sources', async () => {
    fakeApi({ 'GET /api/v1/tenants/1/policy/packs/woerden-2017': () => json(DETAIL) });
    renderSignedIn(<PackPage tenantId={1} packId="woerden-2017" />, makeMe(['regisseur']));
    await screen.findByRole('heading', { level: 1, name: 'Woerden: integratie statushouders' });
    expect(
      screen.getByRole('heading', { level: 2, name: 'Versie 1 (vanaf 01-01-2022)' }),
    ).toBeTruthy();
    const milestone = screen
      .getByRole('rowheader', { name: /^Diagnose binnen 4 weken/ })
      .closest('tr')!;
    expect(milestone.textContent).toContain('4 weken na Sleuteluitgifte (huisvesting)');
    expect(milestone.textContent).toContain('min_age 18');
    expect(milestone.textContent).toContain('Diagnose Ferm Werk');
    expect(milestone.textContent).toContain('Bron: 003_88bec1e5ce0b7e6a.txt, bijlage schema');
    const indicator = screen
      .getByRole('rowheader', { name: /^Externe werkervaringsplek/ })
      .closest('tr')!;
    expect(indicator.textContent).toContain('50%');
    expect(indicator.textContent).toContain('01-01-2017 t/m 31-12-2017');
    expect(
      screen.getByRole('table', { name: 'Uitkomst Ferm Werk methode (uitkomst)' }),
    ).toBeTruthy();
    expect(screen.getByText('Deze versie heeft geen terugkerende afspraken.')).toBeTruthy();
  });

  it('edit the activations and show the server errors at the row they belong to', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/policy/packs': () => json({ items: [NATIONAL, WOERDEN, DALFSEN] }),
      'PUT /api/v1/tenants/1/policy/activations': () =>
        problem(422, {
          code: 'policy_pack_invalid',
          errors: [
            {
              field: 'activations/3/to',
              code: 'to_before_from',
              message_nl: 'De einddatum ligt vóór de begindatum.',
              message_en: 'The end is before the start.',
            },
            {
              field: 'activations/2',
              code: 'overlap',
              message_nl: 'Overlapt met een andere activering.',
              message_en: 'Overlaps another activation.',
            },
          ],
        }),
    });
    renderSignedIn(<ActivationsPage tenantId={1} />, makeMe(['beheer']));
    const rows = () => screen.getAllByRole('group', { name: /^Activering \d$/ });
    await waitFor(() => expect(rows()).toHaveLength(3));
    // Not applicable and never activated: not offered.
    expect(within(rows()[0]!).queryByRole('option', { name: /dalfsen-2017/ })).toBeNull();
    expect((within(rows()[1]!).getByLabelText(/^Vanaf/) as HTMLInputElement).value).toBe(
      '01-01-2017',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Activering toevoegen' }));
    const added = rows()[3]!;
    fireEvent.change(within(added).getByLabelText(/^Pakket/), {
      target: { value: 'woerden-2017' },
    });
    fireEvent.change(within(added).getByLabelText(/^Vanaf/), { target: { value: '01-06-2020' } });
    fireEvent.change(within(added).getByLabelText(/^Tot en met/), {
      target: { value: '01-01-2020' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Activeringen opslaan' }));

    expect(
      await screen.findByRole('link', {
        name: 'Activering 4, Tot en met: De einddatum ligt vóór de begindatum.',
      }),
    ).toBeTruthy();
    expect(
      within(rows()[3]!)
        .getByLabelText(/^Tot en met/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(rows()[2]!.textContent).toContain('Overlapt met een andere activering.');
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      activations: [
        { pack_id: 'nl-wet-inburgering-2021', from: '2022-01-01' },
        { pack_id: 'woerden-2017', from: '2017-01-01', to: '2018-12-31' },
        { pack_id: 'woerden-2017', from: '2019-01-01' },
        { pack_id: 'woerden-2017', from: '2020-06-01', to: '2020-01-01' },
      ],
    });

    // Removing the first row moves the errors along with their rows.
    fireEvent.click(screen.getByRole('button', { name: 'Activering 1 verwijderen' }));
    expect(rows()).toHaveLength(3);
    expect(
      within(rows()[2]!)
        .getByLabelText(/^Tot en met/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(rows()[1]!.textContent).toContain('Overlapt met een andere activering.');
    expect(
      screen.getByRole('link', {
        name: 'Activering 3, Tot en met: De einddatum ligt vóór de begindatum.',
      }),
    ).toBeTruthy();
  });
});
