// The indicator figures of a municipality (GET .../indicators) and their
// exports. The server decides what the caller sees: a regisseur exact
// counts, the beleid role suppressed ones ("<5", "x"); exports are always
// suppressed.
import { request } from './client';
import { tenantPath } from './regie';

/** A count as published: a number, or withheld with its reason. */
export type Count =
  { value: number } | { text: string; state: 'below_threshold' | 'complementary' };

export type TargetStatus =
  'geen_streefwaarde' | 'geen_gegevens' | 'op_koers' | 'risico' | 'uit_koers';

export type DimensionCode =
  'totaal' | 'cohort' | 'wijk' | 'kern' | 'geslacht' | 'leeftijd' | 'nationaliteit';

export interface IndicatorCell {
  values: string[];
  satisfied: Count;
  not_satisfied: Count;
  within_window: Count;
  anchor_missing: Count;
  total: Count;
  /** 0-100, null when withheld or nobody's deadline has passed. */
  percent: number | null;
  interval: { lower: number; upper: number } | null;
  target_status: TargetStatus | null;
}

export interface IndicatorBreakdown {
  /** "totaal", "wijk", "cohort,wijk". */
  breakdown: string;
  dimensions: DimensionCode[];
  cells: IndicatorCell[];
}

export interface Indicator {
  id: string;
  label: { nl: string; en: string };
  domain: string;
  theme: string;
  pack: { id: string; version: number };
  deadline: boolean;
  target_percent: number | null;
  judgement: { status: TargetStatus; rule: { nl: string; en: string } } | null;
  breakdowns: IndicatorBreakdown[];
}

export interface CurvePoint {
  /** Days since housing. */
  t: number;
  s: number;
  lower: number;
  upper: number;
}

export interface Curve {
  n: Count;
  points: CurvePoint[];
  median: { days: number | null; lower: number | null; upper: number | null };
}

export interface Survival {
  measure: string;
  available: boolean;
  missing_events: string[];
  total: Curve;
  by_cohort: { cohort: string; curve: Curve }[];
}

export interface LadderQuarter {
  label: string;
  end: string;
  /** Rungs 0 (none recorded) to 6. */
  distribution: Count[];
  /** transitions[from][to] since the previous quarter. */
  transitions: Count[][];
  up: Count;
  down: Count;
  same: Count;
  first_rung: Count;
}

export interface IndicatorView {
  audience: 'case_team' | 'beleid' | 'export';
  suppressed: boolean;
  stamp: { reference_date: string; packs: { id: string; version: number }[]; snapshot: string };
  labels: Record<DimensionCode, string[]>;
  persons: Count;
  indicators: Indicator[];
  survival: Survival[];
  ladder: { available: boolean; quarters: LadderQuarter[] };
}

export function getIndicators(
  tenantId: number,
  on: string | null,
  signal?: AbortSignal,
): Promise<IndicatorView> {
  const query = on ? `?on=${encodeURIComponent(on)}` : '';
  return request<IndicatorView>(`${tenantPath(tenantId)}/indicators${query}`, { signal });
}

export interface ExportChoice {
  format: 'csv' | 'xlsx';
  on: string | null;
  indicator?: string;
  breakdown?: string;
}

/** The download link of an export (the browser sends the session cookie). */
export function indicatorsExportHref(tenantId: number, choice: ExportChoice): string {
  const params = new URLSearchParams({ format: choice.format });
  if (choice.on) params.set('on', choice.on);
  if (choice.indicator) params.set('indicator', choice.indicator);
  if (choice.breakdown) params.set('breakdown', choice.breakdown);
  return `${tenantPath(tenantId)}/indicators/export?${params.toString()}`;
}
