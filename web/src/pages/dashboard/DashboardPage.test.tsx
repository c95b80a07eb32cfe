import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Count, IndicatorCell, IndicatorView } from '../../api/indicators';
import { fakeApi, json } from '../../test/fakeApi';
import { makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { DashboardPage } from './DashboardPage';

const LT5: Count = { text: '<5', state: 'below_threshold' };

function cell(
  values: string[],
  satisfied: Count,
  notSatisfied: Count,
  percent: number | null,
  interval: [number, number] | null,
): IndicatorCell {
  return {
    values,
    satisfied,
    not_satisfied: notSatisfied,
    within_window: { value: 6 },
    anchor_missing: { value: 0 },
    total: { value: 40 },
    percent,
    interval: interval ? { lower: interval[0], upper: interval[1] } : null,
    target_status: percent === null ? null : 'risico',
  };
}

function view(on: string): IndicatorView {
  return {
    audience: 'beleid',
    suppressed: true,
    stamp: {
      reference_date: on,
      packs: [{ id: 'dalfsen-2017', version: 1 }],
      snapshot: 'tenant_changes:9',
    },
    labels: {
      totaal: ['totaal'],
      cohort: ['onbekend', '2017H2', '2018H1'],
      wijk: ['onbekend', 'Centrum', 'Nieuwleusen'],
      kern: ['onbekend'],
      geslacht: ['man', 'vrouw', 'x', 'onbekend'],
      leeftijd: ['0-3'],
      nationaliteit: ['SY'],
    },
    persons: { value: 40 },
    indicators: [
      {
        id: 'pv_ondertekend',
        label: { nl: 'Participatieverklaring ondertekend', en: 'Participation statement signed' },
        domain: 'normen_waarden',
        theme: 'Taal en inburgering, participatie en werk',
        pack: { id: 'dalfsen-2017', version: 1 },
        deadline: true,
        target_percent: 80,
        judgement: {
          status: 'risico',
          rule: { nl: 'De streefwaarde 80% ligt binnen het interval.', en: 'Target inside.' },
        },
        breakdowns: [
          {
            breakdown: 'totaal',
            dimensions: ['totaal'],
            cells: [cell(['totaal'], { value: 14 }, { value: 20 }, 42.3, [31.2, 54.4])],
          },
          {
            breakdown: 'cohort',
            dimensions: ['cohort'],
            cells: [
              cell(['2017H2'], { value: 8 }, { value: 9 }, 47.1, [26.2, 69]),
              cell(['2018H1'], { value: 6 }, { value: 11 }, 35.3, [17.3, 58.7]),
            ],
          },
          {
            breakdown: 'wijk',
            dimensions: ['wijk'],
            cells: [
              cell(['Centrum'], { value: 12 }, { value: 17 }, 41.4, [25.5, 59.3]),
              cell(['Nieuwleusen'], LT5, LT5, null, null),
            ],
          },
          {
            breakdown: 'geslacht',
            dimensions: ['geslacht'],
            cells: [
              cell(['man'], { value: 7 }, { value: 10 }, 41.2, [21.6, 64]),
              cell(['vrouw'], { value: 7 }, { value: 10 }, 41.2, [21.6, 64]),
            ],
          },
        ],
      },
    ],
    survival: [
      {
        measure: 'participatieverklaring',
        available: true,
        missing_events: [],
        total: {
          n: { value: 34 },
          points: [
            { t: 70, s: 0.8, lower: 0.62, upper: 0.9 },
            { t: 140, s: 0.45, lower: 0.28, upper: 0.6 },
          ],
          median: { days: 140, lower: 98, upper: null },
        },
        by_cohort: [],
      },
      {
        measure: 'betaald_werk',
        available: false,
        missing_events: ['betaald_werk_gestart'],
        total: { n: { value: 0 }, points: [], median: { days: null, lower: null, upper: null } },
        by_cohort: [],
      },
    ],
    ladder: { available: false, quarters: [] },
  };
}

function api() {
  return fakeApi({
    'GET /api/v1/tenants/1/indicators': ({ url }) =>
      json(view(url.searchParams.get('on') ?? '2026-11-23')),
  });
}

describe('DashboardPage', () => {
  it('shows tiles with intervals, targets and status in words, and explains suppression', async () => {
    api();
    window.history.replaceState(null, '', '/gemeenten/1/dashboard');
    renderSignedIn(<DashboardPage tenantId={1} />, makeMe(['beleid']));
    const tile = (
      await screen.findByRole(
        'heading',
        { name: 'Participatieverklaring ondertekend', level: 4 },
        { timeout: 5000 },
      )
    ).closest('article')!;
    expect(within(tile).getByText('42% (31–54%)')).toBeTruthy();
    expect(tile.textContent).toContain('Streefwaarde 80%');
    expect(within(tile).getByText('Risico').className).toContain('regie-target-status--warning');
    expect(
      screen.getByText(
        'Peildatum 23-11-2026 · beleidspakketten: dalfsen-2017 v1 · gegevensstand na 9 wijzigingen',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/“<5” betekent 1 tot en met 4 personen/)).toBeTruthy();
    // The trend is drawn as an SVG chart, and its table has the same figures.
    // The chart is drawn in an effect, which after a fetched render React may
    // run just after the heading appeared: wait for it rather than race it.
    const trend = within(tile).getByRole('img', { name: /aandeel per cohort/ });
    await waitFor(() => expect(trend.querySelector('svg')).not.toBeNull());
    fireEvent.click(within(tile).getByRole('button', { name: 'Tabel' }));
    const table = within(tile).getByRole('table');
    expect(within(table).getByText('2e helft 2017').closest('tr')!.textContent).toContain(
      '47,1% (26,2–69,0%)',
    );
    expect(within(table).getByText('1e helft 2018')).toBeTruthy();
    expect(within(tile).getByRole('button', { name: 'Tabel' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('drills down by a breakdown and exports that view', async () => {
    api();
    window.history.replaceState(null, '', '/gemeenten/1/dashboard');
    renderSignedIn(<DashboardPage tenantId={1} />, makeMe(['beleid']));
    await screen.findByRole('heading', { name: 'Uitsplitsing' }, { timeout: 5000 });
    const select = screen.getByLabelText('Uitsplitsen naar');
    fireEvent.change(select, { target: { value: 'wijk' } });
    const table = screen.getByRole('table', {
      name: /Participatieverklaring ondertekend naar Wijk/,
    });
    const small = within(table).getByText('Nieuwleusen').closest('tr')!;
    expect(small.textContent).toContain('<5');
    expect(small.textContent).toContain('–');
    expect(within(small).getAllByTitle('minder dan 5 personen, afgeschermd').length).toBe(2);
    expect(
      screen.getByRole('link', { name: 'Deze uitsplitsing exporteren (CSV)' }).getAttribute('href'),
    ).toBe(
      '/api/v1/tenants/1/indicators/export?format=csv&on=2026-11-23&indicator=pv_ondertekend&breakdown=wijk',
    );
    expect(
      screen.getByRole('link', { name: 'Alles exporteren (Excel)' }).getAttribute('href'),
    ).toBe('/api/v1/tenants/1/indicators/export?format=xlsx&on=2026-11-23');
  });

  it('names the groups of a drill-down in words, not codes', async () => {
    api();
    window.history.replaceState(null, '', '/gemeenten/1/dashboard');
    renderSignedIn(<DashboardPage tenantId={1} />, makeMe(['beleid']));
    await screen.findByRole('heading', { name: 'Uitsplitsing' }, { timeout: 5000 });
    fireEvent.change(screen.getByLabelText('Uitsplitsen naar'), { target: { value: 'geslacht' } });
    let table = screen.getByRole('table', { name: /naar Geslacht/ });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Man', 'Vrouw']);
    fireEvent.change(screen.getByLabelText('Uitsplitsen naar'), { target: { value: 'cohort' } });
    table = screen.getByRole('table', { name: /naar Cohort/ });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['2e helft 2017', '1e helft 2018']);
  });

  it('tabulates time to a milestone per cohort, like the chart', async () => {
    const median = { days: null, lower: null, upper: null };
    const withCohorts = view('2026-11-23');
    withCohorts.survival[0]!.by_cohort = [
      {
        cohort: '2017H2',
        curve: { n: { value: 20 }, points: [{ t: 70, s: 0.7, lower: 0.5, upper: 0.85 }], median },
      },
      {
        cohort: '2018H1',
        curve: { n: { value: 14 }, points: [{ t: 140, s: 0.5, lower: 0.3, upper: 0.7 }], median },
      },
      // Not drawn, so not tabulated.
      { cohort: 'onbekend', curve: { n: { value: 0 }, points: [], median } },
    ];
    fakeApi({ 'GET /api/v1/tenants/1/indicators': () => json(withCohorts) });
    window.history.replaceState(null, '', '/gemeenten/1/dashboard');
    renderSignedIn(<DashboardPage tenantId={1} />, makeMe(['regisseur']));
    await screen.findByRole('heading', { name: 'Tijd tot een mijlpaal' }, { timeout: 5000 });
    const panel = screen.getByRole('img', { name: /Trapgrafiek/ }).closest('section')!;
    fireEvent.click(within(panel).getByRole('button', { name: 'Tabel' }));
    const table = within(panel).getByRole('table', { name: /alle volwassenen en per cohort/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Weken sinds huisvesting',
      'Alle volwassenen',
      '95%-interval',
      '2e helft 2017',
      '1e helft 2018',
    ]);
    const cells = (row: HTMLElement) =>
      [...row.querySelectorAll('th, td')].map((c) => c.textContent);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(cells)).toEqual([
      ['10', '20,0%', '10,0–38,0%', '30,0%', '0,0%'],
      // 2017H2 has no point after week 10: the chart stops there, so does the table.
      ['20', '55,0%', '40,0–72,0%', '', '50,0%'],
    ]);
  });

  it('draws time to a milestone with its median, says what is unavailable, and asks for another date', async () => {
    const calls = api();
    window.history.replaceState(null, '', '/gemeenten/1/dashboard');
    renderSignedIn(<DashboardPage tenantId={1} />, makeMe(['regisseur']));
    await screen.findByRole('heading', { name: 'Tijd tot een mijlpaal' }, { timeout: 5000 });
    expect(screen.getByText(/Mediaan 20 weken \(95%-interval 14 tot niet bereikt\)/)).toBeTruthy();
    expect(screen.getByText(/Niet beschikbaar.*Betaald werk/)).toBeTruthy();
    const panel = screen.getByRole('img', { name: /Trapgrafiek/ }).closest('section')!;
    fireEvent.click(within(panel).getByRole('button', { name: 'Tabel' }));
    const rows = within(within(panel).getByRole('table')).getAllByRole('row');
    expect(rows[1]!.textContent).toBe('1020,0%10,0–38,0%');

    fireEvent.change(screen.getByRole('textbox', { name: /^Peildatum/ }), {
      target: { value: '1-7-2026' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Toon cijfers' }));
    await screen.findByText(/Peildatum 01-07-2026/, {}, { timeout: 5000 });
    expect(window.location.search).toBe('?peildatum=2026-07-01');
    expect(calls.map((c) => c.url.searchParams.get('on'))).toContain('2026-07-01');
  });

  it('speaks English when the user chose it, with the English labels of the pack', async () => {
    api();
    window.localStorage.setItem('regie.lang', 'en');
    window.history.replaceState(null, '', '/gemeenten/1/dashboard');
    renderSignedIn(<DashboardPage tenantId={1} />, makeMe(['beleid']));
    const tile = (
      await screen.findByRole(
        'heading',
        { name: 'Participation statement signed', level: 4 },
        { timeout: 5000 },
      )
    ).closest('article')!;
    expect(within(tile).getByText('At risk')).toBeTruthy();
    expect(tile.textContent).toContain('Target 80%');
    expect(screen.getByRole('heading', { name: 'Indicators per theme' })).toBeTruthy();
    expect(screen.getByText(/Reference date 23-11-2026 .* data as of 9 changes$/)).toBeTruthy();
    fireEvent.click(within(tile).getByRole('button', { name: 'Table' }));
    expect(within(tile).getByText('2nd half 2017')).toBeTruthy();
    window.localStorage.removeItem('regie.lang');
  });
});
