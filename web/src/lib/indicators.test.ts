import { describe, expect, it } from 'vitest';
import type { Indicator, IndicatorCell } from '../api/indicators';
import { translate } from '../i18n/translate';
import type { MessageKey, Params } from '../i18n/translate';
import {
  cohortLabel,
  cohortTrend,
  countText,
  dimensionValueLabel,
  groupByTheme,
  percentText,
  shareText,
  snapshotText,
  totalCell,
} from './indicators';

const nl = (key: MessageKey, params?: Params) => translate('nl', key, params);
const en = (key: MessageKey, params?: Params) => translate('en', key, params);

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

describe('codes of the figures in words', () => {
  it('names a housing cohort by its half-year', () => {
    expect(cohortLabel(nl, '2017H2')).toBe('2e helft 2017');
    expect(cohortLabel(nl, '2018H1')).toBe('1e helft 2018');
    expect(cohortLabel(en, '2017H2')).toBe('2nd half 2017');
    expect(cohortLabel(nl, 'onbekend')).toBe('Onbekend');
    expect(cohortLabel(nl, '2017Q3')).toBe('2017Q3');
  });

  it('names the values of every dimension, and leaves names as they are', () => {
    expect(dimensionValueLabel(nl, 'nl', 'geslacht', 'man')).toBe('Man');
    expect(dimensionValueLabel(en, 'en', 'geslacht', 'vrouw')).toBe('Female');
    expect(dimensionValueLabel(nl, 'nl', 'geslacht', 'y')).toBe('y');
    expect(dimensionValueLabel(nl, 'nl', 'cohort', '2017H2')).toBe('2e helft 2017');
    expect(dimensionValueLabel(nl, 'nl', 'leeftijd', '18-26')).toBe('18-26 jaar');
    expect(dimensionValueLabel(nl, 'nl', 'nationaliteit', 'overig')).toBe(
      'Overige nationaliteiten',
    );
    expect(dimensionValueLabel(nl, 'nl', 'nationaliteit', 'SY')).toMatch(/\(SY\)$/);
    expect(dimensionValueLabel(nl, 'nl', 'wijk', 'Centrum')).toBe('Centrum');
    expect(dimensionValueLabel(nl, 'nl', 'wijk', 'onbekend')).toBe('Onbekend');
  });

  it('tells the data snapshot as a number of changes', () => {
    expect(snapshotText(nl, 'nl', 'tenant_changes:1042')).toBe(
      'gegevensstand na 1.042 wijzigingen',
    );
    expect(snapshotText(en, 'en', 'tenant_changes:9')).toBe('data as of 9 changes');
    expect(snapshotText(nl, 'nl', 'iets anders')).toBe('gegevensstand: iets anders');
  });
});
