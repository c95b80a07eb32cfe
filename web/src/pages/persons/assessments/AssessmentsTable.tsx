import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Assessment } from '../../../api/assessments';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, formatTimestamp } from '../../../lib/dates';
import { kindLabel, resultLines } from './labels';

interface Props {
  items: readonly Assessment[];
  labelledBy: string;
  /**
   * Offered for assessments that still count and that the user sees whole (voiding
   * needs every category the assessment touches); without it nothing can be voided.
   */
  onVoid?: (assessment: Assessment) => void;
}

/** Every assessment the user may see, voided ones struck through with who voided them and why. */
export function AssessmentsTable({ items, labelledBy, onVoid }: Props) {
  const { t } = useI18n();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table regie-assessments" aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('assessments.col.date')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('assessments.col.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('assessments.col.result')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('assessments.col.assessor')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('assessments.col.recordedBy')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('assessments.col.status')}</TableHeaderCell>
            {onVoid ? (
              <TableHeaderCell scope="col">
                <span className="regie-visually-hidden">{t('household.col.actions')}</span>
              </TableHeaderCell>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((a) => {
            const kind = kindLabel(t, a.kind);
            const struck = a.voided ? 'regie-struck' : undefined;
            const [first, ...rest] = resultLines(t, a);
            return (
              <TableRow
                key={a.id}
                data-assessment={a.id}
                className={a.voided ? 'regie-row-muted regie-row-voided' : undefined}
              >
                <TableCell className={`regie-nowrap ${struck ?? ''}`.trim()}>
                  {formatDate(a.date)}
                </TableCell>
                <TableHeaderCell scope="row">
                  <span className={struck}>{kind}</span>
                </TableHeaderCell>
                <TableCell>
                  <span className={struck}>{first}</span>
                  {rest.map((line) => (
                    <span key={line} className="regie-cell-note">
                      {line}
                    </span>
                  ))}
                </TableCell>
                <TableCell className={struck}>
                  {a.assessor || a.recorded_by?.display_name || t('common.none')}
                </TableCell>
                <TableCell>
                  {a.recorded_by?.display_name ?? t('common.none')}
                  <span className="regie-cell-note">{formatTimestamp(a.recorded_at)}</span>
                </TableCell>
                <TableCell>
                  {a.voided ? (
                    <>
                      {a.voided_at
                        ? t('assessments.voidedOn', { date: formatTimestamp(a.voided_at) })
                        : t('assessments.voided')}
                      {a.void_reason ? (
                        <span className="regie-cell-note">
                          {t('assessments.voidReason', { reason: a.void_reason })}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    t('assessments.valid')
                  )}
                </TableCell>
                {onVoid ? (
                  <TableCell>
                    {!a.voided && !a.hidden_domains ? (
                      <Button
                        appearance="subtle-button"
                        hint="danger"
                        className="regie-nowrap"
                        data-void={a.id}
                        onClick={() => onVoid(a)}
                      >
                        {t('assessments.void')}{' '}
                        <span className="regie-visually-hidden">
                          {t('assessments.voidWhich', { kind, date: formatDate(a.date) })}
                        </span>
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
