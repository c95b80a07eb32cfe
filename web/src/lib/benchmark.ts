// Display helpers of the regional benchmark: suppressed counts stay as the
// server wrote them ("<5", "x"); a percentage is shown only when the server
// gave one, always with its 95% interval.
import type {
  BenchmarkCell,
  BenchmarkFigures,
  BenchmarkIndicator,
  Benchmark,
} from '../api/benchmark';

export function percentText(cell: BenchmarkCell | null): string {
  if (!cell || cell.percent === null) return '–';
  return `${cell.percent.toFixed(0)}%`;
}

export function intervalText(cell: BenchmarkCell | null): string {
  if (!cell || cell.percent === null || !cell.interval) return '';
  return `${cell.interval.lower.toFixed(0)}–${cell.interval.upper.toFixed(0)}%`;
}

/** "satisfied / denominator" as published, e.g. "12 / 30" or "<5 / 9". */
export function countsText(cell: BenchmarkCell | null): string {
  if (!cell) return '–';
  const denominator =
    cell.satisfied.state === 'shown' && cell.not_satisfied.state === 'shown'
      ? String((cell.satisfied.value ?? 0) + (cell.not_satisfied.value ?? 0))
      : '…';
  return `${cell.satisfied.text} / ${denominator}`;
}

export function hasSuppressed(figures: readonly (BenchmarkFigures | null)[]): boolean {
  return figures.some(
    (f) =>
      !!f?.total &&
      (['satisfied', 'not_satisfied', 'within_window', 'anchor_missing', 'total'] as const).some(
        (k) => f.total![k].state !== 'shown',
      ),
  );
}

export interface BarRow {
  key: string;
  label: string;
  own: boolean;
  regional: boolean;
  percent: number | null;
  lower: number | null;
  upper: number | null;
}

/** The rows of an indicator's table and chart: each member, then the region. */
export function barRows(
  benchmark: Benchmark,
  indicator: BenchmarkIndicator,
  regionLabel: string,
): BarRow[] {
  const rows: BarRow[] = [];
  for (const m of benchmark.members) {
    const figures = indicator.members.find((f) => f.tenant_id === m.tenant_id);
    const cell = figures?.total ?? null;
    rows.push({
      key: String(m.tenant_id),
      label: m.name,
      own: m.tenant_id === benchmark.own_tenant_id,
      regional: false,
      percent: cell?.percent ?? null,
      lower: cell?.interval?.lower ?? null,
      upper: cell?.interval?.upper ?? null,
    });
  }
  const total = indicator.region.total;
  rows.push({
    key: 'region',
    label: regionLabel,
    own: false,
    regional: true,
    percent: total?.percent ?? null,
    lower: total?.interval?.lower ?? null,
    upper: total?.interval?.upper ?? null,
  });
  return rows;
}
