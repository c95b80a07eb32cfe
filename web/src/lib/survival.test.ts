import { describe, expect, it } from 'vitest';
import type { Curve, Survival } from '../api/indicators';
import { reachedAt, survivalRows, survivalTooltip } from './survival';

const median = { days: null, lower: null, upper: null };

function curve(points: [number, number][]): Curve {
  return {
    n: { value: 10 },
    points: points.map(([t, s]) => ({ t, s, lower: s - 0.1, upper: s + 0.1 })),
    median,
  };
}

const SURVIVAL: Survival = {
  measure: 'betaald_werk',
  available: true,
  missing_events: [],
  total: curve([
    [7, 0.9],
    [14, 0.8],
    [21, 0.6],
  ]),
  by_cohort: [
    { cohort: '2017H2', curve: curve([[14, 0.5]]) },
    { cohort: '2018H1', curve: curve([[21, 0.75]]) },
    { cohort: 'onbekend', curve: curve([]) },
  ],
};

describe('survival table', () => {
  it('reads a step curve: nothing before the first step, nothing after the last', () => {
    const c = curve([
      [7, 0.9],
      [21, 0.6],
    ]);
    expect(reachedAt(c, 3)).toBe(0);
    expect(reachedAt(c, 14)).toBeCloseTo(10);
    expect(reachedAt(c, 21)).toBeCloseTo(40);
    expect(reachedAt(c, 28)).toBeNull();
  });

  it('has a row per step of any drawn curve and a column per drawn cohort', () => {
    const rows = survivalRows(SURVIVAL);
    expect(rows.map((r) => r.t)).toEqual([7, 14, 21]);
    expect(rows.map((r) => r.cohorts.map((v) => (v === null ? null : Math.round(v))))).toEqual([
      [0, 0],
      [50, 0],
      [null, 25],
    ]);
    expect(rows[1]!.total).toEqual({
      reached: expect.closeTo(20) as number,
      lower: expect.closeTo(10) as number,
      upper: expect.closeTo(30) as number,
    });
  });
});

describe('survival tooltip', () => {
  it('writes weeks and shares in the UI language and leaves out the band', () => {
    const params = [
      { seriesIndex: 0, seriesName: 'series0', value: [12.3, 30] },
      { seriesIndex: 1, seriesName: 'series1', value: [12.3, 20] },
      { seriesIndex: 2, seriesName: 'Alle volwassenen', marker: '<i></i>', value: [12.3, 45.28] },
      { seriesIndex: 3, seriesName: '2e helft <2017>', value: [12.3, 50] },
    ];
    expect(survivalTooltip(params, 'nl', 'Weken sinds huisvesting', 2)).toBe(
      'Weken sinds huisvesting: 12,3<br/><i></i>Alle volwassenen: 45,3%<br/>2e helft &lt;2017&gt;: 50,0%',
    );
    expect(survivalTooltip(params[2]!, 'en', 'Weeks since housing', 2)).toBe(
      'Weeks since housing: 12.3<br/><i></i>Alle volwassenen: 45.3%',
    );
    expect(survivalTooltip([], 'nl', 'Weken', 2)).toBe('');
  });
});
