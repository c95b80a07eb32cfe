// The tables of the dashboard: the same numbers as its charts, for screen
// readers, keyboard users and anyone who wants to copy a figure.
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { IndicatorCell, LadderQuarter, Survival } from '../../api/indicators';
import { useI18n } from '../../i18n/i18n';
import type { Translate } from '../../i18n/i18n';
import { enumLabel } from '../../lib/enumLabel';
import type { TrendPoint } from '../../lib/indicators';
import { cohortLabel, dimensionValueLabel, percentText, shareText } from '../../lib/indicators';
import { survivalCohorts, survivalRows, weeksText } from '../../lib/survival';
import { CountValue, StatusBadge } from './figures';

function Scroll({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    // Wide tables scroll sideways; focusable so keyboard users can scroll.
    <div className="regie-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table className="regie-table regie-figures-table">
        <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
        {children}
      </Table>
    </div>
  );
}

function Share({ cell }: { cell: IndicatorCell }) {
  const { t, lang } = useI18n();
  return <>{shareText(cell, lang, 1) ?? t('dashboard.withheldShort')}</>;
}

export function TrendTable({
  points,
  caption,
}: {
  points: readonly TrendPoint[];
  caption: string;
}) {
  const { t } = useI18n();
  return (
    <Scroll caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('dashboard.dimension.cohort')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('dashboard.shareInterval')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('dashboard.counts.satisfied')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('dashboard.counts.notSatisfied')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('dashboard.counts.withinWindow')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {points.map((p) => (
          <TableRow key={p.cohort}>
            <TableHeaderCell scope="row">{cohortLabel(t, p.cohort)}</TableHeaderCell>
            <TableCell>
              <Share cell={p.cell} />
            </TableCell>
            <TableCell>
              <CountValue count={p.cell.satisfied} />
            </TableCell>
            <TableCell>
              <CountValue count={p.cell.not_satisfied} />
            </TableCell>
            <TableCell>
              <CountValue count={p.cell.within_window} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Scroll>
  );
}

interface CellsProps {
  cells: readonly IndicatorCell[];
  /** The dimensions of the values (one, or two for a crossed breakdown): code and column header. */
  dimensions: readonly { code: string; label: string }[];
  caption: string;
  deadline: boolean;
}

/** The cells of a drill-down: one row per group. */
export function CellsTable({ cells, dimensions, caption, deadline }: CellsProps) {
  const { t, lang } = useI18n();
  const value = (i: number, v: string) =>
    dimensionValueLabel(t, lang, dimensions[i]?.code ?? '', v);
  return (
    <Scroll caption={caption}>
      <TableHeader>
        <TableRow>
          {dimensions.map((d) => (
            <TableHeaderCell key={d.code} scope="col">
              {d.label}
            </TableHeaderCell>
          ))}
          <TableHeaderCell scope="col">{t('dashboard.shareInterval')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('dashboard.counts.satisfied')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('dashboard.counts.notSatisfied')}</TableHeaderCell>
          {deadline ? (
            <>
              <TableHeaderCell scope="col">{t('dashboard.counts.withinWindow')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('dashboard.counts.anchorMissing')}</TableHeaderCell>
            </>
          ) : null}
          <TableHeaderCell scope="col">{t('dashboard.counts.total')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('dashboard.status.title')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {cells.map((c) => (
          <TableRow key={c.values.join('|')}>
            {c.values.map((v, i) =>
              i === 0 ? (
                <TableHeaderCell key={i} scope="row">
                  {value(i, v)}
                </TableHeaderCell>
              ) : (
                <TableCell key={i}>{value(i, v)}</TableCell>
              ),
            )}
            <TableCell className="regie-nowrap">
              <Share cell={c} />
            </TableCell>
            <TableCell>
              <CountValue count={c.satisfied} />
            </TableCell>
            <TableCell>
              <CountValue count={c.not_satisfied} />
            </TableCell>
            {deadline ? (
              <>
                <TableCell>
                  <CountValue count={c.within_window} />
                </TableCell>
                <TableCell>
                  <CountValue count={c.anchor_missing} />
                </TableCell>
              </>
            ) : null}
            <TableCell>
              <CountValue count={c.total} />
            </TableCell>
            <TableCell>
              <StatusBadge status={c.target_status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Scroll>
  );
}

/**
 * Kaplan-Meier curves as "share reached after n weeks": the total with its
 * band, then every cohort the chart draws (empty after a curve's last point).
 */
export function SurvivalTable({ survival, caption }: { survival: Survival; caption: string }) {
  const { t, lang } = useI18n();
  const cohorts = survivalCohorts(survival);
  const rows = survivalRows(survival);
  const share = (value: number | null) => (value === null ? '' : percentText(value, lang, 1));
  return (
    <Scroll caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('dashboard.survival.weeks')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('dashboard.survival.total')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('dashboard.survival.band')}</TableHeaderCell>
          {cohorts.map((c) => (
            <TableHeaderCell key={c.cohort} scope="col">
              {cohortLabel(t, c.cohort)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.t}>
            <TableHeaderCell scope="row">{weeksText(row.t, lang)}</TableHeaderCell>
            <TableCell>{share(row.total?.reached ?? null)}</TableCell>
            <TableCell className="regie-nowrap">
              {row.total
                ? `${percentText(row.total.lower, lang, 1).replace('%', '')}–${percentText(row.total.upper, lang, 1)}`
                : ''}
            </TableCell>
            {row.cohorts.map((value, i) => (
              <TableCell key={cohorts[i]!.cohort}>{share(value)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Scroll>
  );
}

export const RUNGS = [0, 1, 2, 3, 4, 5, 6] as const;

/** "Trede 4: Onbetaald werk"; rung 0 is "nothing recorded yet". */
export function rungLabel(t: Translate, rung: number): string {
  return rung === 0
    ? t('dashboard.ladder.noRung')
    : `${t('dashboard.ladder.rung', { rung })}: ${enumLabel(t, 'ladderRung', String(rung))}`;
}

export function LadderTable({
  quarters,
  caption,
}: {
  quarters: readonly LadderQuarter[];
  caption: string;
}) {
  const { t } = useI18n();
  return (
    <Scroll caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('dashboard.ladder.quarter')}</TableHeaderCell>
          {RUNGS.map((r) => (
            <TableHeaderCell key={r} scope="col">
              {rungLabel(t, r)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {quarters.map((q) => (
          <TableRow key={q.label}>
            <TableHeaderCell scope="row">{q.label}</TableHeaderCell>
            {q.distribution.map((c, r) => (
              <TableCell key={r}>
                <CountValue count={c} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Scroll>
  );
}

export function TransitionsTable({
  quarter,
  caption,
}: {
  quarter: LadderQuarter;
  caption: string;
}) {
  const { t } = useI18n();
  return (
    <Scroll caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('dashboard.ladder.fromTo')}</TableHeaderCell>
          {RUNGS.map((r) => (
            <TableHeaderCell key={r} scope="col">
              {t('dashboard.ladder.rung', { rung: r })}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {quarter.transitions.map((row, from) => (
          <TableRow key={from}>
            <TableHeaderCell scope="row">
              {t('dashboard.ladder.rung', { rung: from })}
            </TableHeaderCell>
            {row.map((c, to) => (
              <TableCell key={to} className={from === to ? 'regie-diagonal' : undefined}>
                <CountValue count={c} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Scroll>
  );
}
