import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorCell } from '../api/indicators';
import {
  cohortTrend,
  countText,
  groupByTheme,
  percentText,
  shareText,
  totalCell,
} from './indicators';

function cell(
  values: string[],
  percent: number | null,
  interval: [number, number] | null,
): IndicatorCell {
  return {
    values,
    satisfied: { value: 10 },
    not_satisfied: { value: 12 },
    within_window: { text: '<5', state: 'below_threshold' },
    anchor_missing: { value: 0 },
    total: { value: 25 },
    percent,
    interval: interval ? { lower: interval[0], upper: interval[1] } : null,
    target_status: 'risico',
  };
}

function indicator(id: string, theme: string, cohorts: IndicatorCell[] = []): Indicator {
  return {
    id,
    label: { nl: id, en: id },
    domain: 'werk_inkomen',
    theme,
    pack: { id: 'dalfsen-2017', version: 1 },
    deadline: true,
    target_percent: 80,
    judgement: null,
    breakdowns: [
      {
        breakdown: 'totaal',
        dimensions: ['totaal'],
        cells: [cell(['totaal'], 42.3, [31.2, 54.4])],
      },
      { breakdown: 'cohort', dimensions: ['cohort'], cells: cohorts },
    ],
  };
}

describe('indicator figures', () => {
  it('writes a share with its interval in the language of the page', () => {
    const total = totalCell(indicator('a', 'x'))!;
    expect(shareText(total, 'nl')).toBe('42% (31–54%)');
    expect(shareText(total, 'nl', 1)).toBe('42,3% (31,2–54,4%)');
    expect(shareText(total, 'en', 1)).toBe('42.3% (31.2–54.4%)');
    expect(shareText(cell(['x'], null, null), 'nl')).toBeNull();
    expect(percentText(80, 'nl')).toBe('80%');
  });

  it('shows withheld counts as the server wrote them', () => {
    expect(countText({ value: 1234 }, 'nl')).toBe('1.234');
    expect(countText({ text: '<5', state: 'below_threshold' }, 'nl')).toBe('<5');
    expect(countText({ text: 'x', state: 'complementary' }, 'en')).toBe('x');
  });

  it('groups by theme in pack order and orders the cohort trend, without "onbekend"', () => {
    const groups = groupByTheme([
      indicator('a', 'Werk'),
      indicator('b', 'Taal'),
      indicator('c', 'Werk'),
    ]);
    expect(groups.map((g) => [g.theme, g.indicators.map((i) => i.id)])).toEqual([
      ['Werk', ['a', 'c']],
      ['Taal', ['b']],
    ]);
    const trend = cohortTrend(
      indicator('a', 'Werk', [
        cell(['2018H1'], 50, [40, 60]),
        cell(['onbekend'], null, null),
        cell(['2017H2'], 30, [20, 41]),
      ]),
    );
    expect(trend.map((p) => [p.cohort, p.percent, p.lower, p.upper])).toEqual([
      ['2017H2', 30, 20, 41],
      ['2018H1', 50, 40, 60],
    ]);
  });
});
