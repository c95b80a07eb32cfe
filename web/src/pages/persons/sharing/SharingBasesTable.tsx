import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { SharingBasis } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import { categoryList } from '../../../lib/categories';
import { formatDate, formatTimestamp } from '../../../lib/dates';
import { enumLabel } from '../../../lib/enumLabel';
import { basisStatus } from '../../../lib/sharingForm';

interface Props {
  bases: readonly SharingBasis[];
  labelledBy: string;
  /** Offered for active and not yet active bases; without it nothing can be withdrawn. */
  onWithdraw?: (basis: SharingBasis) => void;
}

export function SharingBasesTable({ bases, labelledBy, onWithdraw }: Props) {
  const { t } = useI18n();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('sharing.organisation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('sharing.categories')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('sharing.purpose')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('sharing.legalBasis')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('sharing.col.period')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('sharing.col.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">
              <span className="regie-visually-hidden">{t('household.col.actions')}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {bases.map((b) => {
            const status = basisStatus(b);
            return (
              <TableRow key={b.id} className={status === 'active' ? undefined : 'regie-row-muted'}>
                <TableHeaderCell scope="row">{b.organisation.name}</TableHeaderCell>
                <TableCell>{categoryList(t, b.categories)}</TableCell>
                <TableCell>{b.purpose}</TableCell>
                <TableCell>
                  {enumLabel(t, 'legalBasis', b.legal_basis)}
                  {b.consent_text ? (
                    <span className="regie-cell-note">
                      {t('sharing.consentTextShort')}: {b.consent_text}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell className="regie-nowrap">
                  {b.expires
                    ? t('sharing.period', { from: formatDate(b.given), to: formatDate(b.expires) })
                    : t('sharing.periodOpen', { from: formatDate(b.given) })}
                </TableCell>
                <TableCell>
                  {status === 'withdrawn'
                    ? t('sharing.status.withdrawnOn', { date: formatTimestamp(b.withdrawn_at) })
                    : t(`sharing.status.${status}`)}
                  {b.recorded_by ? (
                    <span className="regie-cell-note">
                      {t('sharing.recordedBy', { name: b.recorded_by.display_name })}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell>
                  {onWithdraw && (status === 'active' || status === 'pending') ? (
                    <Button
                      appearance="secondary-action-button"
                      hint="danger"
                      data-basis={b.id}
                      onClick={() => onWithdraw(b)}
                    >
                      {t('sharing.withdraw')}{' '}
                      <span className="regie-visually-hidden">{b.organisation.name}</span>
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
