import {
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { LADDER_RUNGS, ZRM_SCORES } from '../../../api/assessments';
import type { Assessment } from '../../../api/assessments';
import { LineChart } from '../../../components/charts/LineChart';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/dates';
import {
  fermWerkSeries,
  ladderSeries,
  seriesDates,
  zrmSeries,
} from '../../../lib/assessmentSeries';
import { domainLabel, outcomeLabel, rungLabel, scoreLabel } from './labels';

/**
 * The ZRM over time: a line per domain that has scores, and the same data
 * as a table (a row per domain, a column per date) right below it.
 */
export function ZrmOverview({
  items,
  domains,
}: {
  items: readonly Assessment[];
  domains: readonly string[];
}) {
  const { t } = useI18n();
  const series = zrmSeries(items, domains);
  const dates = seriesDates(series);
  return (
    <section aria-labelledby="metingen-zrm" className="regie-assessment-part">
      <Heading3 id="metingen-zrm" className="regie-h3">
        {t('assessments.zrm.heading')}
      </Heading3>
      {series.length === 0 ? (
        <Paragraph>{t('assessments.zrm.none')}</Paragraph>
      ) : (
        <>
          <LineChart
            label={t('assessments.zrm.chartLabel', {
              from: formatDate(dates[0]),
              to: formatDate(dates[dates.length - 1]),
            })}
            series={series.map((s) => ({
              id: s.domain,
              label: domainLabel(t, s.domain),
              points: s.points,
            }))}
            yTicks={ZRM_SCORES.map((v) => ({ value: v, label: scoreLabel(t, v) }))}
          />
          <div className="regie-table-scroll">
            <Table className="regie-table regie-zrm-table">
              <TableCaption>{t('assessments.zrm.tableCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('assessments.zrm.colDomain')}</TableHeaderCell>
                  {dates.map((d) => (
                    <TableHeaderCell key={d} scope="col" className="regie-nowrap">
                      {formatDate(d)}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {series.map((s) => (
                  <TableRow key={s.domain} data-domain={s.domain}>
                    <TableHeaderCell scope="row">{domainLabel(t, s.domain)}</TableHeaderCell>
                    {dates.map((d) => {
                      const p = s.points.find((x) => x.date === d);
                      return (
                        <TableCell key={d}>
                          {p ? (
                            scoreLabel(t, p.value)
                          ) : (
                            <>
                              <span aria-hidden="true">–</span>
                              <span className="regie-visually-hidden">
                                {t('assessments.zrm.notScored')}
                              </span>
                            </>
                          )}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

/** The participatieladder: the rung as a step line, and per date the rung and the rungs present. */
export function LadderOverview({ items }: { items: readonly Assessment[] }) {
  const { t } = useI18n();
  const points = ladderSeries(items);
  return (
    <section aria-labelledby="metingen-ladder" className="regie-assessment-part">
      <Heading3 id="metingen-ladder" className="regie-h3">
        {t('assessments.ladder.heading')}
      </Heading3>
      {points.length === 0 ? (
        <Paragraph>{t('assessments.ladder.none')}</Paragraph>
      ) : (
        <>
          <LineChart
            label={t('assessments.ladder.chartLabel', {
              from: formatDate(points[0]!.date),
              to: formatDate(points[points.length - 1]!.date),
            })}
            step
            series={[
              {
                id: 'trede',
                label: t('assessments.ladder.series'),
                points: points.map((p) => ({ date: p.date, value: p.rung })),
              },
            ]}
            yTicks={LADDER_RUNGS.map((v) => ({ value: v, label: rungLabel(t, v) }))}
          />
          <div className="regie-table-scroll">
            <Table className="regie-table regie-ladder-table">
              <TableCaption>{t('assessments.ladder.tableCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('assessments.ladder.colDate')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('assessments.ladder.colRung')}</TableHeaderCell>
                  <TableHeaderCell scope="col">
                    {t('assessments.ladder.colPresent')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {points.map((p) => (
                  <TableRow key={p.date}>
                    <TableHeaderCell scope="row" className="regie-nowrap">
                      {formatDate(p.date)}
                    </TableHeaderCell>
                    <TableCell>{rungLabel(t, p.rung)}</TableCell>
                    <TableCell>
                      {p.present.length === 0 ? (
                        t('assessments.presentNone')
                      ) : (
                        <ul className="regie-compact-list">
                          {p.present.map((r) => (
                            <li key={r}>{rungLabel(t, r)}</li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

/** The Ferm Werk outcomes that count, oldest first; nothing when there are none. */
export function FermWerkOverview({ items }: { items: readonly Assessment[] }) {
  const { t } = useI18n();
  const outcomes = fermWerkSeries(items);
  if (outcomes.length === 0) return null;
  return (
    <section aria-labelledby="metingen-ferm-werk" className="regie-assessment-part">
      <Heading3 id="metingen-ferm-werk" className="regie-h3">
        {t('assessments.ferm.heading')}
      </Heading3>
      <div className="regie-table-scroll">
        <Table className="regie-table regie-ferm-table">
          <TableCaption>{t('assessments.ferm.tableCaption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('assessments.ferm.colDate')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('assessments.ferm.colOutcome')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('assessments.ferm.colAssessor')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {outcomes.map((o, i) => (
              <TableRow key={`${o.date}-${i}`}>
                <TableHeaderCell scope="row" className="regie-nowrap">
                  {formatDate(o.date)}
                </TableHeaderCell>
                <TableCell>{outcomeLabel(t, o.outcome)}</TableCell>
                <TableCell>{o.assessor || o.recordedBy || t('common.none')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
