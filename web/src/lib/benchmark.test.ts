import { describe, expect, it } from 'vitest';
import type { Benchmark, BenchmarkCell, BenchmarkCount } from '../api/benchmark';
import { barRows, countsText, hasSuppressed, intervalText, percentText } from './benchmark';

const shown = (value: number): BenchmarkCount => ({ value, text: String(value), state: 'shown' });
const small: BenchmarkCount = { value: null, text: '<5', state: 'below_threshold' };

function cell(sat: BenchmarkCount, not: BenchmarkCount, percent: number | null): BenchmarkCell {
  return {
    satisfied: sat,
    not_satisfied: not,
    within_window: shown(0),
    anchor_missing: shown(0),
    total: shown(10),
    percent,
    interval: percent === null ? null : { lower: percent - 20.4, upper: percent + 19.6 },
    target: null,
  };
}

describe('benchmark display', () => {
  it('shows a percentage with its interval, and counts as published', () => {
    const c = cell(shown(6), shown(6), 50);
    expect(percentText(c)).toBe('50%');
    expect(intervalText(c)).toBe('30–70%');
    expect(countsText(c)).toBe('6 / 12');
  });

  it('withholds the percentage and the denominator of a suppressed count', () => {
    const c = cell(small, shown(7), null);
    expect(percentText(c)).toBe('–');
    expect(intervalText(c)).toBe('');
    expect(countsText(c)).toBe('<5 / …');
    expect(hasSuppressed([{ total: c, cohorts: {} }])).toBe(true);
    expect(hasSuppressed([{ total: cell(shown(5), shown(5), 50), cohorts: {} }])).toBe(false);
  });

  it('lists the members, own one marked, then the regional total', () => {
    const benchmark = {
      own_tenant_id: 2,
      members: [
        { tenant_id: 1, code: 'GM1', name: 'Alfa', own: false, persons: shown(20) },
        { tenant_id: 2, code: 'GM2', name: 'Beta', own: true, persons: shown(30) },
      ],
    } as unknown as Benchmark;
    const indicator = {
      members: [
        { tenant_id: 1, total: cell(shown(6), shown(6), 50), cohorts: {} },
        { tenant_id: 2, total: cell(small, shown(9), null), cohorts: {} },
      ],
      region: { total: cell(shown(9), shown(15), 37.5), cohorts: {} },
    } as unknown as Benchmark['indicators'][number];
    const rows = barRows(benchmark, indicator, 'Regio');
    expect(rows.map((r) => [r.label, r.own, r.regional, r.percent])).toEqual([
      ['Alfa', false, false, 50],
      ['Beta', true, false, null],
      ['Regio', false, true, 37.5],
    ]);
  });
});
