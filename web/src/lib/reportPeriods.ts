// Half-year periods of the progress report: "2026H1" is 1 January to 30
// June 2026, "2026H2" 1 July to 31 December; the report is due after the
// period has ended.

export interface Period {
  year: number;
  half: 1 | 2;
}

const PERIOD = /^(\d{4})H([12])$/;

export function parsePeriod(text: string): Period | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), half: m[2] === '1' ? 1 : 2 };
}

export function periodCode(p: Period): string {
  return `${p.year}H${p.half}`;
}

/** The last half-year that ended before `today` (ISO date): the report now due. */
export function duePeriod(today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month <= 6 ? { year: year - 1, half: 2 } : { year, half: 1 };
}

/** `count` half-years ending with the current one (newest first), for the period picker. */
export function recentPeriods(today: string, count: number): string[] {
  const due = duePeriod(today);
  let p: Period = due.half === 1 ? { year: due.year, half: 2 } : { year: due.year + 1, half: 1 };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(periodCode(p));
    p = p.half === 2 ? { year: p.year, half: 1 } : { year: p.year - 1, half: 2 };
  }
  return out;
}

/** The periods to offer: recent ones plus any the server has, newest first, no doubles. */
export function periodChoices(today: string, stored: readonly string[]): string[] {
  const all = new Set([...recentPeriods(today, 6), ...stored.filter((s) => parsePeriod(s))]);
  return [...all].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** The last day of a half-year (ISO date): 30 June or 31 December. */
export function periodLastDay(p: Period): string {
  return p.half === 1 ? `${p.year}-06-30` : `${p.year}-12-31`;
}

/**
 * Whether the half-year `code` has ended on `today` (ISO date), its last day
 * included: only then can its report be made final (the server refuses
 * earlier with `period_not_ended`). An unreadable code counts as ended, so
 * the server decides.
 */
export function periodEnded(code: string, today: string): boolean {
  const p = parsePeriod(code);
  return p === null || today > periodLastDay(p);
}
