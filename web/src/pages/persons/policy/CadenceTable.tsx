import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { CadenceItem } from '../../../api/policyTypes';
import { SourceNote } from '../../../components/policy/SourceNote';
import { StatusBadge } from '../../../components/policy/StatusBadge';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/dates';
import { domainLabel, formatPeriod, localText, reasonLabel } from '../../../lib/milestones';

/** Recurring appointments ("minimaal eens per 3 maanden contact") and how they went. */
export function CadenceTable({
  tenantId,
  items,
  labelledBy,
}: {
  tenantId: number;
  items: readonly CadenceItem[];
  labelledBy: string;
}) {
  const { t, lang } = useI18n();
  const date = (d: string | null) => (d ? formatDate(d) : t('milestones.noDate'));
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table regie-cadences" aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('cadences.col.label')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('milestones.col.domain')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('cadences.col.every')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('cadences.col.last')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('cadences.col.next')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('milestones.col.status')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="regie-numeric">
              {t('cadences.col.met')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="regie-numeric">
              {t('cadences.col.late')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((c) => {
            const reason = reasonLabel(t, c.reason);
            return (
              <TableRow key={`${c.pack.id}:${c.id}`} data-cadence={c.id}>
                <TableHeaderCell scope="row">
                  {localText(c.label, lang)}
                  <SourceNote tenantId={tenantId} pack={c.pack} source={c.source} />
                </TableHeaderCell>
                <TableCell>{domainLabel(t, c.domain)}</TableCell>
                <TableCell>{t('cadences.every', { period: formatPeriod(t, c.every) })}</TableCell>
                <TableCell className="regie-nowrap">{date(c.last)}</TableCell>
                <TableCell className="regie-nowrap">
                  {c.stopped
                    ? t('cadences.stoppedOn', { date: formatDate(c.stopped) })
                    : date(c.next_due)}
                </TableCell>
                <TableCell>
                  <StatusBadge status={c.status} />
                  {reason ? <span className="regie-cell-note">{reason}</span> : null}
                </TableCell>
                <TableCell className="regie-numeric">{c.met}</TableCell>
                <TableCell className="regie-numeric">{c.late}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
