import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Signal } from '../../api/signals';
import type { Organisation } from '../../api/types';
import { AppLink } from '../../components/links';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatTimestamp } from '../../lib/dates';
import { paths } from '../../router/routes';
import { SignalActions } from './SignalActions';

interface Props {
  tenantId: number;
  signals: readonly Signal[];
  /** The page over many households names the household; the section does not. */
  showHousehold: boolean;
  organisations: readonly Organisation[];
  labelledBy: string;
  onChanged: (signal: Signal) => void;
  /** An action's form opened in a row. */
  onOpenAction?: () => void;
}

/**
 * Signals with state, urgency, deadline (escalated when passed) and what the
 * server let through: description and result only when present.
 */
export function SignalsTable({
  tenantId,
  signals,
  showHousehold,
  organisations,
  labelledBy,
  onChanged,
  onOpenAction,
}: Props) {
  const { t } = useI18n();
  const descriptions = signals.some((s) => s.description !== undefined);
  const results = signals.some((s) => s.result !== undefined && s.result !== '');
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table regie-fit-table regie-signals" aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('signals.col.filed')}</TableHeaderCell>
            {showHousehold ? (
              <TableHeaderCell scope="col">{t('signals.col.household')}</TableHeaderCell>
            ) : null}
            <TableHeaderCell scope="col">{t('signals.col.category')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('signals.col.urgency')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('signals.col.state')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('signals.col.due')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('signals.col.routedTo')}</TableHeaderCell>
            {descriptions ? (
              <TableHeaderCell scope="col">{t('signals.col.description')}</TableHeaderCell>
            ) : null}
            {results ? (
              <TableHeaderCell scope="col">{t('signals.col.result')}</TableHeaderCell>
            ) : null}
            <TableHeaderCell scope="col">{t('signals.col.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {signals.map((s) => (
            <TableRow key={s.id} data-signal={s.id}>
              <TableCell className="regie-nowrap">{formatTimestamp(s.filed_at)}</TableCell>
              {showHousehold ? (
                <TableCell className="regie-break-anywhere">
                  <AppLink href={paths.household(tenantId, s.household.id)}>
                    {s.household.name}
                  </AppLink>
                </TableCell>
              ) : null}
              <TableHeaderCell scope="row">
                {s.category ? (
                  t(`signals.category.${s.category}`)
                ) : (
                  <span className="regie-muted">{t('signals.hidden')}</span>
                )}
              </TableHeaderCell>
              <TableCell>{t(`signals.urgency.${s.urgency}`)}</TableCell>
              <TableCell>{t(`signals.state.${s.state}`)}</TableCell>
              <TableCell>
                <span className="regie-nowrap">{formatDate(s.due_date)}</span>
                {s.escalated ? (
                  <span className="regie-badge regie-badge--warning">{t('signals.escalated')}</span>
                ) : null}
              </TableCell>
              <TableCell className="regie-break-anywhere">{s.routed_to?.name ?? ''}</TableCell>
              {descriptions ? (
                <TableCell className="regie-pre-line regie-break-anywhere">
                  {s.description ?? <span className="regie-muted">{t('signals.hidden')}</span>}
                </TableCell>
              ) : null}
              {results ? (
                <TableCell className="regie-pre-line regie-break-anywhere">
                  {s.result ?? ''}
                </TableCell>
              ) : null}
              <TableCell className="regie-actions-cell">
                <SignalActions
                  tenantId={tenantId}
                  signal={s}
                  organisations={organisations}
                  onChanged={onChanged}
                  onOpen={onOpenAction}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
