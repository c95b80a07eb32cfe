import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { SignalWorkItem } from '../../api/signals';
import { AppLink } from '../../components/links';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/dates';
import { paths } from '../../router/routes';
import { DaysLateCell } from './DaysLateCell';

/** A signal on the worklist: its household, subject, urgency and deadline. */
export function SignalWorkRow({
  tenantId,
  on,
  item,
}: {
  tenantId: number;
  on: string;
  item: SignalWorkItem;
}) {
  const { t } = useI18n();
  return (
    <TableRow data-item={`signal-${item.id}`}>
      <TableCell>
        <AppLink href={paths.household(tenantId, item.household.id)}>{item.household.name}</AppLink>
      </TableCell>
      <TableCell />
      <TableHeaderCell scope="row">
        {t(`signals.category.${item.category}`)}
        <span className="regie-cell-note">
          {t('enum.workKind.signal')} · {t(`signals.state.${item.state}`)} ·{' '}
          {t(`signals.urgency.${item.urgency}`)}
          {item.routed_to.name
            ? ` · ${t('worklist.routedTo', { organisation: item.routed_to.name })}`
            : ''}
        </span>
        {item.escalated ? (
          <span className="regie-badge regie-badge--warning">{t('signals.escalated')}</span>
        ) : null}
      </TableHeaderCell>
      {/* A signal has a subject, not a life domain. */}
      <TableCell />
      <TableCell className="regie-nowrap">{formatDate(item.due_date)}</TableCell>
      <DaysLateCell item={item} on={on} />
    </TableRow>
  );
}
