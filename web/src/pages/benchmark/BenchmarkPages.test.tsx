import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Benchmark, BenchmarkCell, BenchmarkCount } from '../../api/benchmark';
import { fakeApi, json } from '../../test/fakeApi';
import { makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { BenchmarkPage } from './BenchmarkPage';
import { RegionsPage } from './RegionsPage';

const shown = (value: number): BenchmarkCount => ({ value, text: String(value), state: 'shown' });
const small: BenchmarkCount = { value: null, text: '<5', state: 'below_threshold' };
const cell = (sat: BenchmarkCount, not: BenchmarkCount, percent: number | null): BenchmarkCell => ({
  satisfied: sat,
  not_satisfied: not,
  within_window: shown(0),
  anchor_missing: shown(0),
  total: shown(12),
  percent,
  interval: percent === null ? null : { lower: 25, upper: 75 },
  target: null,
});
const REGION = { code: 'DEMO', name: 'Regio Demo', kind: 'regio' as const };
const MEMBERSHIP = {
  region: REGION,
  joined_at: '2026-01-01T00:00:00Z',
  sharing: true,
  decided_at: '2026-02-01T10:00:00Z',
  decided_by: { id: 7, display_name: 'B. Beheer' },
};
const BENCHMARK: Benchmark = {
  region: REGION,
  on: '2026-11-23',
  own_tenant_id: 1,
  members: [
    { tenant_id: 2, code: 'GM0148', name: 'Dalfsen', own: false, persons: shown(40) },
    { tenant_id: 1, code: 'GM0523', name: 'Hardinxveld-Giessendam', own: true, persons: shown(30) },
  ],
  total: { persons: shown(70) },
  cohorts: ['2017H2'],
  indicators: [
    {
      id: 'plan13',
      pack_id: 'nl',
      label_nl: 'Plan binnen 13 weken',
      label_en: 'Plan within 13 weeks',
      domain: 'd',
      theme: 'Regie',
      deadline: true,
      target_percent: 80,
      members: [
        { tenant_id: 2, total: cell(shown(6), shown(6), 50), cohorts: {} },
        { tenant_id: 1, total: cell(small, shown(8), null), cohorts: {} },
      ],
      region: { total: cell(shown(9), shown(14), 39), cohorts: {} },
    },
  ],
  reference: {
    source: {
      title: 'Uitvraag G40 Stedennetwerk Inburgering (Reacties 32/40)',
      publisher: 'EenVandaag',
      date: '2018-01',
      section: 'Bijlage 1',
      respondents: '32 van de 40 G40-steden',
      data: 'data/g40-2018/',
    },
    statements: [
      {
        statement: 1,
        text_nl: 'De integratie gaat goed.',
        n: 32,
        answers: [
          { answer: 'eens', count: 16 },
          { answer: 'oneens', count: 16 },
        ],
      },
    ],
  },
};

describe('BenchmarkPage', () => {
  it('shows the own municipality beside the others and the regional total, with the G40 source', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/regions': () => json({ items: [MEMBERSHIP] }),
      'GET /api/v1/tenants/1/benchmark': () => json(BENCHMARK),
    });
    renderSignedIn(<BenchmarkPage tenantId={1} />, makeMe(['beleid']));
    const section = await screen.findByRole('region', { name: 'Plan binnen 13 weken' });
    const table = within(section).getByRole('table');
    const own = within(table).getByRole('row', { name: /Hardinxveld-Giessendam/ });
    expect(own.className).toContain('regie-row-own');
    expect(own.textContent).toContain('(uw gemeente)');
    expect(own.textContent).toContain('<5 / …');
    expect(within(table).getByRole('row', { name: /Dalfsen/ }).textContent).toContain('50%');
    expect(within(table).getByRole('row', { name: /Totaal Regio Demo/ }).textContent).toContain(
      '39%',
    );
    expect(screen.getByText(/Aantallen van 1 tot en met 4 staan als "<5"/)).toBeTruthy();
    expect(screen.getByTestId('g40-source').textContent).toContain('EenVandaag');
    expect(screen.getByRole('table', { name: /Stelling 1/ }).textContent).toContain('16 / 32');
  });
});

describe('RegionsPage', () => {
  it('lets beheer stop sharing and shows the decision', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/regions': () => json({ items: [MEMBERSHIP] }),
      'PUT /api/v1/tenants/1/regions/DEMO/sharing': () => json({ ...MEMBERSHIP, sharing: false }),
    });
    renderSignedIn(<RegionsPage tenantId={1} />, makeMe(['beheer']));
    const row = await screen.findByRole('row', { name: /Regio Demo/ });
    expect(row.textContent).toContain('B. Beheer');
    fireEvent.click(within(row).getByRole('button', { name: 'Stoppen met delen met Regio Demo' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ sharing: false });
    // The list is read again: focus goes to the confirmation.
    const done = await screen.findByText(
      'Uw gemeente deelt haar cijfers niet meer met Regio Demo.',
    );
    await waitFor(() => expect(document.activeElement).toBe(done.closest('.regie-focus-target')));
  });
});
