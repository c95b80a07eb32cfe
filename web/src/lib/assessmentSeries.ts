// The assessments of a person as series over time, for the charts and their
// tables: only assessments that still count (not voided), oldest first. Two
// of one kind on the same date: the later recorded one counts.
import type { Assessment, AssessmentKind } from '../api/assessments';

export interface SeriesPoint {
  /** ISO date. */
  date: string;
  value: number;
}

export interface DomainSeries {
  domain: string;
  points: SeriesPoint[];
}

export interface LadderPoint {
  date: string;
  rung: number;
  present: number[];
}

export interface OutcomePoint {
  date: string;
  outcome: string;
  /** Who assessed; empty when it was the user who recorded it. */
  assessor: string;
  recordedBy: string | null;
}

/** The assessments of `kind` that count, by date (stable: recording order within a date). */
export function countingOf(items: readonly Assessment[], kind: AssessmentKind): Assessment[] {
  return items
    .filter((a) => a.kind === kind && !a.voided)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.date < y.a.date ? -1 : x.a.date > y.a.date ? 1 : x.i - y.i))
    .map(({ a }) => a);
}

/**
 * One series per ZRM domain that has a score, in the order of `domains`
 * (the instrument's order; domains not in it follow in order of appearance).
 */
export function zrmSeries(
  items: readonly Assessment[],
  domains: readonly string[],
): DomainSeries[] {
  const byDomain = new Map<string, Map<string, number>>();
  for (const a of countingOf(items, 'zrm')) {
    for (const { domain, score } of a.zrm ?? []) {
      const points = byDomain.get(domain) ?? new Map<string, number>();
      points.set(a.date, score);
      byDomain.set(domain, points);
    }
  }
  const order = [...domains, ...[...byDomain.keys()].filter((d) => !domains.includes(d))];
  return order
    .filter((d) => byDomain.has(d))
    .map((domain) => ({
      domain,
      points: [...byDomain.get(domain)!].map(([date, value]) => ({ date, value })),
    }));
}

/** Every date of the series, ascending, once. */
export function seriesDates(series: readonly { points: readonly SeriesPoint[] }[]): string[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
}

/** The rung (and rungs present) per date. */
export function ladderSeries(items: readonly Assessment[]): LadderPoint[] {
  const byDate = new Map<string, LadderPoint>();
  for (const a of countingOf(items, 'participatieladder')) {
    if (a.rung === undefined) continue;
    byDate.set(a.date, { date: a.date, rung: a.rung, present: a.rungs_present ?? [] });
  }
  return [...byDate.values()];
}

/** The Ferm Werk outcomes that count, oldest first. */
export function fermWerkSeries(items: readonly Assessment[]): OutcomePoint[] {
  return countingOf(items, 'ferm_werk')
    .filter((a) => a.outcome)
    .map((a) => ({
      date: a.date,
      outcome: a.outcome!,
      assessor: a.assessor,
      recordedBy: a.recorded_by?.display_name ?? null,
    }));
}
