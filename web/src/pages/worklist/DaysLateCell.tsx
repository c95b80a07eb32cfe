import { TableCell } from '@utrecht/component-library-react';
import type { Worklist } from '../../api/policyTypes';
import { useI18n } from '../../i18n/i18n';
import { daysLate, isOverdue } from '../../lib/worklist';

/** "Dagen te laat": the number for a late item, "nog niet" for one that is not due yet. */
export function DaysLateCell({ item, on }: { item: Worklist['items'][number]; on: string }) {
  const { t } = useI18n();
  const days = daysLate(item, on);
  return (
    <TableCell className="regie-numeric">
      {days !== null ? (
        days
      ) : isOverdue(item, on) ? (
        ''
      ) : (
        <span className="regie-muted">{t('worklist.notYet')}</span>
      )}
    </TableCell>
  );
}
