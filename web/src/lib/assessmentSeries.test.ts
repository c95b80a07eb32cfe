import { describe, expect, it } from 'vitest';
import type { Assessment } from '../api/assessments';
import { fermWerkSeries, ladderSeries, seriesDates, zrmSeries } from './assessmentSeries';

let nextId = 1;
function a(over: Partial<Assessment> & Pick<Assessment, 'kind' | 'date'>): Assessment {
  return {
    id: nextId++,
    person_id: 9,
    assessor: '',
    recorded_by: { id: 7, display_name: 'R. de Vries' },
    recorded_at: '2026-11-01T10:00:00Z',
    voided: false,
    voided_at: null,
    void_reason: '',
    ...over,
  };
}

const items: Assessment[] = [
  a({ kind: 'zrm', date: '2026-06-01', zrm: [{ domain: 'justitie', score: 3 }] }),
  a({
    kind: 'zrm',
    date: '2026-03-01',
    zrm: [
      { domain: 'financien', score: 1 },
      { domain: 'justitie', score: 2 },
    ],
  }),
  a({
    kind: 'zrm',
    date: '2026-09-01',
    zrm: [{ domain: 'financien', score: 5 }],
    voided: true,
  }),
  a({ kind: 'zrm', date: '2026-06-01', zrm: [{ domain: 'justitie', score: 4 }] }),
  a({ kind: 'participatieladder', date: '2026-04-01', rung: 2, rungs_present: [1, 2] }),
  a({ kind: 'participatieladder', date: '2026-02-01', rung: 1, rungs_present: [] }),
  a({ kind: 'participatieladder', date: '2026-05-01', rung: 5, voided: true }),
  a({ kind: 'ferm_werk', date: '2026-07-01', outcome: 'C', assessor: 'Ferm Werk' }),
  a({ kind: 'ferm_werk', date: '2026-08-01', outcome: 'A', voided: true }),
];

describe('assessment series', () => {
  it('gives a ZRM line per scored domain in instrument order, by date, without voided ones', () => {
    const series = zrmSeries(items, ['financien', 'huisvesting', 'justitie']);
    expect(series).toEqual([
      { domain: 'financien', points: [{ date: '2026-03-01', value: 1 }] },
      {
        domain: 'justitie',
        points: [
          { date: '2026-03-01', value: 2 },
          // Two on one date: the later recorded one counts.
          { date: '2026-06-01', value: 4 },
        ],
      },
    ]);
    expect(seriesDates(series)).toEqual(['2026-03-01', '2026-06-01']);
    expect(zrmSeries(items, []).map((s) => s.domain)).toEqual(['financien', 'justitie']);
  });

  it('gives the ladder rung per date with the rungs present', () => {
    expect(ladderSeries(items)).toEqual([
      { date: '2026-02-01', rung: 1, present: [] },
      { date: '2026-04-01', rung: 2, present: [1, 2] },
    ]);
  });

  it('lists the Ferm Werk outcomes that count', () => {
    expect(fermWerkSeries(items)).toEqual([
      { date: '2026-07-01', outcome: 'C', assessor: 'Ferm Werk', recordedBy: 'R. de Vries' },
    ]);
  });
});
