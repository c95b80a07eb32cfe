import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { HouseholdSummary } from '../../api/types';
import { AppLink } from '../../components/links';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/dates';
import { paths } from '../../router/routes';

export function HouseholdTable({
  tenantId,
  items,
  caption,
}: {
  tenantId: number;
  items: readonly HouseholdSummary[];
  caption: string;
}) {
  const { t } = useI18n();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table">
        <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('list.col.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('list.col.regisseur')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="regie-numeric">
              {t('list.col.members')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t('list.col.wijk')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('list.col.kern')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('list.col.housingDate')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((h) => (
            <TableRow key={h.id}>
              <TableCell>
                <AppLink href={paths.household(tenantId, h.id)}>{h.name}</AppLink>
                {h.archived ? (
                  <span className="regie-badge">{t('household.archivedBadge')}</span>
                ) : null}
              </TableCell>
              <TableCell>{h.regisseur}</TableCell>
              <TableCell className="regie-numeric">{h.member_count}</TableCell>
              <TableCell>{h.wijk}</TableCell>
              <TableCell>{h.kern}</TableCell>
              <TableCell>{formatDate(h.housing_date)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
