// Presentation logic of milestone timelines, the worklist and policy packs:
// grouping by period after housing (seed 000 §5.3), days overdue, periods
// and labels in the UI language.
import { BANDS } from '../api/policyTypes';
import type { Band, LocalText, MilestoneStatus } from '../api/policyTypes';
import type { Translate } from '../i18n/i18n';
import type { Lang, MessageKey } from '../i18n/translate';
import { formatDate } from './dates';

/** A pack text in the UI language; a plain string as it is; nothing as ''. */
export function localText(text: LocalText | string | null | undefined, lang: Lang): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return (lang === 'en' ? text.en : text.nl) || text.nl || text.en || '';
}

/**
 * The groups of the timeline in order: the four periods of seed 000 §5.3,
 * then applicable items without a period (no housing or due date), then
 * the items that do not apply to the person (shown only on request).
 */
export const BAND_GROUPS = [...BANDS, 'none', 'not_applicable'] as const;
export type BandGroupKey = (typeof BAND_GROUPS)[number];

interface Groupable {
  band: Band | null;
  status: MilestoneStatus;
  due_date: string | null;
}

export interface BandGroup<T> {
  key: BandGroupKey;
  items: T[];
}

export function bandGroupOf(item: Groupable): BandGroupKey {
  if (item.status === 'niet_van_toepassing') return 'not_applicable';
  return item.band && (BANDS as readonly string[]).includes(item.band) ? item.band : 'none';
}

/**
 * The items per group, groups in timeline order and without empty ones;
 * within a group by due date (items without one last), otherwise in the
 * server's order. Items that do not apply are left out unless asked for.
 */
export function groupByBand<T extends Groupable>(
  items: readonly T[],
  showNotApplicable: boolean,
): BandGroup<T>[] {
  const byKey = new Map<BandGroupKey, T[]>();
  for (const item of items) {
    const key = bandGroupOf(item);
    if (key === 'not_applicable' && !showNotApplicable) continue;
    const list = byKey.get(key) ?? [];
    list.push(item);
    byKey.set(key, list);
  }
  const order = (d: string | null) => d ?? '\uffff';
  return BAND_GROUPS.filter((key) => byKey.has(key)).map((key) => ({
    key,
    // Array.prototype.sort is stable: equal due dates keep the server's order.
    items: [...byKey.get(key)!].sort((a, b) =>
      order(a.due_date) < order(b.due_date) ? -1 : order(a.due_date) > order(b.due_date) ? 1 : 0,
    ),
  }));
}

/** How many items do not apply (behind the "toon niet van toepassing" toggle). */
export function notApplicableCount(items: readonly { status: MilestoneStatus }[]): number {
  return items.filter((i) => i.status === 'niet_van_toepassing').length;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new Date(Date.UTC(y, mo, d));
  // Date.UTC rolls 2024-13-01 over into 2025; that is not a date.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo || date.getUTCDate() !== d)
    return null;
  return Math.round(date.getTime() / 86_400_000);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); null for a bad date. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** Days past the due date on the reference date `on`; 0 when not yet due. */
export function daysOverdue(due: string, on: string): number | null {
  const days = daysBetween(due, on);
  return days === null ? null : Math.max(0, days);
}

const PERIOD = /^(\d+)\s+(day|week|month|year)s?$/;
const PERIOD_KEYS: Record<string, [MessageKey, MessageKey]> = {
  day: ['period.day', 'period.days'],
  week: ['period.week', 'period.weeks'],
  month: ['period.month', 'period.months'],
  year: ['period.year', 'period.years'],
};

/**
 * A pack period in words ("10 weeks" -> "10 weken"), a fixed date as
 * dd-mm-jjjj; anything else as the pack says it.
 */
export function formatPeriod(t: Translate, text: string): string {
  const value = text.trim();
  if (ISO_DATE.test(value)) return formatDate(value);
  const m = PERIOD.exec(value);
  if (!m) return value;
  const count = Number(m[1]);
  const [one, many] = PERIOD_KEYS[m[2]!]!;
  return count === 1 ? t(one) : t(many, { count });
}

/** A label from the catalogue when there is one, otherwise the code itself. */
export function labelOrCode(t: Translate, key: string, code: string): string {
  const text = t(key as MessageKey);
  return text === key ? code : text;
}

/** The policy domain ("werk_inkomen" -> "Werk en inkomen"); an unknown one as its code. */
export function domainLabel(t: Translate, domain: string): string {
  return domain ? labelOrCode(t, `enum.domain.${domain}`, domain) : '';
}

/** Why the engine decided a status, or '' when there is nothing to explain. */
export function reasonLabel(t: Translate, reason: string): string {
  return reason ? labelOrCode(t, `enum.milestoneReason.${reason}`, reason) : '';
}
