import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { MilestoneItem } from '../../../api/policyTypes';
import { SourceNote } from '../../../components/policy/SourceNote';
import { StatusBadge } from '../../../components/policy/StatusBadge';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/dates';
import { domainLabel, localText, reasonLabel } from '../../../lib/milestones';

/** The milestones of one period of the timeline. */
export function MilestoneTable({
  tenantId,
  items,
  labelledBy,
}: {
  tenantId: number;
  items: readonly MilestoneItem[];
  labelledBy: string;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table regie-milestones" aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('milestones.col.milestone')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('milestones.col.domain')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('milestones.col.due')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('milestones.col.satisfied')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('milestones.col.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((m) => {
            const reason = reasonLabel(t, m.reason);
            return (
              <TableRow key={`${m.pack.id}:${m.id}`} data-milestone={m.id}>
                <TableHeaderCell scope="row">
                  {localText(m.label, lang)}
                  <SourceNote tenantId={tenantId} pack={m.pack} source={m.source} />
                </TableHeaderCell>
                <TableCell>{domainLabel(t, m.domain)}</TableCell>
                <TableCell className="regie-nowrap">
                  {m.due_date ? formatDate(m.due_date) : t('milestones.noDate')}
                  {m.extensions > 0 ? (
                    <span className="regie-cell-note">
                      {t('milestones.extended', { count: m.extensions })}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell className="regie-nowrap">
                  {m.satisfied_date ? formatDate(m.satisfied_date) : t('milestones.notYet')}
                </TableCell>
                <TableCell>
                  <StatusBadge status={m.status} />
                  {reason ? <span className="regie-cell-note">{reason}</span> : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
