// The Kaplan-Meier curves of the dashboard as the table and the tooltip read
// them: "share that reached the milestone" (1 - S(t)) per time, for the
// total and for every housing cohort the chart draws.
import type { Curve, Survival } from '../api/indicators';
import type { Lang } from '../i18n/translate';
import { percentText, weeks } from './indicators';

/** The share reached (0-100) on day `t` of a step curve; null after its last point. */
export function reachedAt(curve: Curve, t: number): number | null {
  const last = curve.points[curve.points.length - 1];
  if (!last || t > last.t) return null;
  let s = 1;
  for (const p of curve.points) {
    if (p.t > t) break;
    s = p.s;
  }
  return 100 * (1 - s);
}

export interface SurvivalRow {
  /** Days since housing. */
  t: number;
  /** The total's share reached and its band (0-100), or null after its last point. */
  total: { reached: number; lower: number; upper: number } | null;
  /** Per cohort of `survivalCohorts`, in that order. */
  cohorts: (number | null)[];
}

/** The cohorts the chart draws: those with at least one point. */
export function survivalCohorts(survival: Survival): Survival['by_cohort'] {
  return survival.by_cohort.filter((c) => c.curve.points.length > 0);
}

/** One row per time at which any drawn curve steps, oldest first. */
export function survivalRows(survival: Survival): SurvivalRow[] {
  const cohorts = survivalCohorts(survival);
  const times = [
    ...new Set([
      ...survival.total.points.map((p) => p.t),
      ...cohorts.flatMap((c) => c.curve.points.map((p) => p.t)),
    ]),
  ].sort((a, b) => a - b);
  const total = survival.total.points;
  return times.map((t) => {
    const last = [...total].reverse().find((p) => p.t <= t);
    const reached = reachedAt(survival.total, t);
    return {
      t,
      total:
        reached === null
          ? null
          : {
              reached,
              // The band of S(t) turned round: 1 - upper is the lower share.
              lower: last ? 100 * (1 - last.upper) : 0,
              upper: last ? 100 * (1 - last.lower) : 0,
            },
      cohorts: cohorts.map((c) => reachedAt(c.curve, t)),
    };
  });
}

/** Weeks with the language's decimal sign: 12.3 -> "12,3" (nl). */
export function weeksText(days: number, lang: Lang): string {
  return weeks(days).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** What ECharts hands an axis tooltip, as far as it is read here. */
export interface TooltipParam {
  seriesIndex?: number;
  seriesName?: string;
  marker?: unknown;
  value?: unknown;
}

/**
 * The chart's tooltip: "Weken sinds huisvesting: 12,3" and the share per
 * drawn line ("Alle volwassenen: 45,3%"), in the UI language; the band's
 * two helper series (`skip` of them, first) are left out.
 */
export function survivalTooltip(
  params: TooltipParam | TooltipParam[],
  lang: Lang,
  weeksLabel: string,
  skip: number,
): string {
  const list = (Array.isArray(params) ? params : [params]).filter(
    (p) => (p.seriesIndex ?? 0) >= skip && Array.isArray(p.value),
  );
  const first = list[0]?.value as [number, number] | undefined;
  if (!first) return '';
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  const lines = [`${escapeHtml(weeksLabel)}: ${first[0].toLocaleString(locale)}`];
  for (const p of list) {
    const [, y] = p.value as [number, number];
    const marker = typeof p.marker === 'string' ? p.marker : '';
    lines.push(`${marker}${escapeHtml(p.seriesName ?? '')}: ${percentText(y, lang, 1)}`);
  }
  return lines.join('<br/>');
}
