// Pure helpers of the dashboard: how a count, a share and its interval are
// written, which cells a tile and a drill-down show.
import type {
  Count,
  Indicator,
  IndicatorCell,
  IndicatorView,
  TargetStatus,
} from '../api/indicators';
import type { Translate } from '../i18n/i18n';
import type { Lang, MessageKey } from '../i18n/translate';
import { countryLabel } from './displayNames';

/** The drill-downs the server computes, in menu order. */
export const BREAKDOWNS = [
  'cohort',
  'wijk',
  'kern',
  'geslacht',
  'leeftijd',
  'nationaliteit',
  'cohort,wijk',
] as const;
export type BreakdownCode = (typeof BREAKDOWNS)[number];

export function isShown(count: Count): count is { value: number } {
  return 'value' in count;
}

/** A count as text: "1.234" (nl) / "1,234" (en), or "<5" / "x" when withheld. */
export function countText(count: Count, lang: Lang): string {
  return isShown(count)
    ? count.value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')
    : count.text;
}

/** A percentage with `digits` decimals and the language's decimal sign: "42,5%". */
export function percentText(value: number, lang: Lang, digits = 0): string {
  const text = value.toFixed(digits);
  return `${lang === 'nl' ? text.replace('.', ',') : text}%`;
}

/** "42% (31–54%)": the share with its 95% interval; null when withheld or without data. */
export function shareText(cell: IndicatorCell, lang: Lang, digits = 0): string | null {
  if (cell.percent === null) return null;
  const value = percentText(cell.percent, lang, digits);
  if (!cell.interval) return value;
  const lower = percentText(cell.interval.lower, lang, digits).replace('%', '');
  return `${value} (${lower}–${percentText(cell.interval.upper, lang, digits)})`;
}

/** The one cell of the indicator's total. */
export function totalCell(indicator: Indicator): IndicatorCell | null {
  return indicator.breakdowns.find((b) => b.breakdown === 'totaal')?.cells[0] ?? null;
}

export function breakdownCells(indicator: Indicator, code: string): IndicatorCell[] {
  return indicator.breakdowns.find((b) => b.breakdown === code)?.cells ?? [];
}

export interface ThemeGroup {
  /** The pack's theme, or the domain code when the pack names no theme. */
  theme: string;
  isDomain: boolean;
  indicators: Indicator[];
}

/** Indicators grouped by theme, in the order the packs list them. */
export function groupByTheme(indicators: readonly Indicator[]): ThemeGroup[] {
  const groups: ThemeGroup[] = [];
  for (const indicator of indicators) {
    const isDomain = !indicator.theme;
    const theme = indicator.theme || indicator.domain;
    let group = groups.find((g) => g.theme === theme && g.isDomain === isDomain);
    if (!group) {
      group = { theme, isDomain, indicators: [] };
      groups.push(group);
    }
    group.indicators.push(indicator);
  }
  return groups;
}

export interface TrendPoint {
  cohort: string;
  percent: number | null;
  lower: number | null;
  upper: number | null;
  cell: IndicatorCell;
}

/** The share per housing cohort (oldest first), without the "onbekend" cohort. */
export function cohortTrend(indicator: Indicator): TrendPoint[] {
  return breakdownCells(indicator, 'cohort')
    .filter((c) => c.values[0] !== 'onbekend')
    .map((cell) => ({
      cohort: cell.values[0] ?? '',
      percent: cell.percent,
      lower: cell.interval?.lower ?? null,
      upper: cell.interval?.upper ?? null,
      cell,
    }))
    .sort((a, b) => a.cohort.localeCompare(b.cohort));
}

/** Whether any figure of the view was withheld (the explanation is then shown). */
export function hasWithheld(view: IndicatorView): boolean {
  const withheld = (c: Count) => !isShown(c);
  return (
    withheld(view.persons) ||
    view.indicators.some((i) =>
      i.breakdowns.some((b) =>
        b.cells.some(
          (c) =>
            withheld(c.satisfied) ||
            withheld(c.not_satisfied) ||
            withheld(c.within_window) ||
            withheld(c.total),
        ),
      ),
    ) ||
    view.ladder.quarters.some((q) => q.distribution.some(withheld))
  );
}

/** CSS modifier of a target status; the status is always written out next to it. */
export function statusTone(status: TargetStatus | null): string {
  switch (status) {
    case 'op_koers':
      return 'good';
    case 'risico':
      return 'warning';
    case 'uit_koers':
      return 'bad';
    default:
      return 'neutral';
  }
}

/** Days as weeks for the time-to-event axis and median: 70 -> 10. */
export function weeks(days: number): number {
  return Math.round((days / 7) * 10) / 10;
}

const COHORT = /^(\d{4})H([12])$/;

/** A housing cohort in words: "2017H2" -> "2e helft 2017"; "onbekend" -> "Onbekend". */
export function cohortLabel(t: Translate, code: string): string {
  const m = COHORT.exec(code);
  if (m) return t(m[2] === '1' ? 'dashboard.cohort.h1' : 'dashboard.cohort.h2', { year: m[1]! });
  return code === 'onbekend' ? t('dashboard.value.unknown') : code;
}

/**
 * A value of a breakdown dimension in words: cohorts, sexes, age bands and
 * nationality groups are codes; neighbourhoods and village cores are names
 * (their "onbekend" is translated).
 */
export function dimensionValueLabel(
  t: Translate,
  lang: Lang,
  dimension: string,
  value: string,
): string {
  if (dimension === 'cohort') return cohortLabel(t, value);
  if (value === 'onbekend') return t('dashboard.value.unknown');
  switch (dimension) {
    case 'geslacht': {
      const key = `enum.sex.${value}` as MessageKey;
      const label = t(key);
      return label === key ? value : label;
    }
    case 'leeftijd':
      return t('dashboard.value.ageBand', { band: value });
    case 'nationaliteit':
      if (value === 'overig') return t('dashboard.value.otherNationality');
      return /^[A-Z]{2}$/.test(value) ? countryLabel(value, lang, value) : value;
    case 'totaal':
      return t('dashboard.dimension.totaal');
    default:
      return value;
  }
}

const SNAPSHOT = /^tenant_changes:(\d+)$/;

/**
 * The data snapshot a figure was computed on, in words: the server's
 * "tenant_changes:42" (the municipality's change counter) is
 * "gegevensstand na 42 wijzigingen"; another form is shown as it is.
 */
export function snapshotText(t: Translate, lang: Lang, snapshot: string): string {
  const m = SNAPSHOT.exec(snapshot);
  if (!m) return t('dashboard.snapshot.other', { snapshot });
  const count = Number(m[1]).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  return t('dashboard.snapshot.changes', { count });
}
