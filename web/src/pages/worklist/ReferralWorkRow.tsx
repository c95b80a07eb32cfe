import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReferralWorkItem } from '../../api/referrals';
import { AppLink } from '../../components/links';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/dates';
import { listedPersonName } from '../../lib/personName';
import { paths } from '../../router/routes';
import { DaysLateCell } from './DaysLateCell';

/** A referral on the worklist: awaiting my organisation's answer, or my late proposal. */
export function ReferralWorkRow({
  tenantId,
  on,
  item,
}: {
  tenantId: number;
  on: string;
  item: ReferralWorkItem;
}) {
  const { t } = useI18n();
  const other = item.direction === 'incoming' ? item.from_organisation : item.to_organisation;
  return (
    <TableRow data-item={`referral-${item.id}`}>
      <TableCell>
        <AppLink href={paths.referrals(tenantId)}>{item.household.name}</AppLink>
      </TableCell>
      <TableCell>{item.persons.map((p) => listedPersonName(t, p)).join(', ')}</TableCell>
      <TableHeaderCell scope="row">
        {t(`referrals.work.${item.direction}`, { organisation: other.name ?? '' })}
        <span className="regie-cell-note">
          {t('enum.workKind.referral')} ·{' '}
          {item.package.map((c) => t(`enum.category.${c}`)).join(', ')}
        </span>
        {item.overdue ? (
          <span className="regie-badge regie-badge--warning">{t('referrals.overdue')}</span>
        ) : null}
      </TableHeaderCell>
      {/* A referral has no life domain; the organisation is named in its description. */}
      <TableCell />
      <TableCell className="regie-nowrap">{formatDate(item.due_date)}</TableCell>
      <DaysLateCell item={item} on={on} />
    </TableRow>
  );
}
