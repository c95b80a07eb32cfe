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
import { shown } from '../../components/Shielded';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/dates';
import { enumLabel } from '../../lib/enumLabel';
import { paths } from '../../router/routes';

function regisseurName(value: HouseholdSummary['regisseur']): string {
  return typeof value === 'string' ? value : (value?.display_name ?? '');
}

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
            <TableHeaderCell scope="col">{t('list.col.relationship')}</TableHeaderCell>
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
            <TableRow
              key={h.id}
              className={h.relationship === 'break_glass' ? 'regie-row-warning' : undefined}
            >
              <TableCell>
                <AppLink href={paths.household(tenantId, h.id)}>{h.name}</AppLink>
                {h.archived ? (
                  <span className="regie-badge">{t('household.archivedBadge')}</span>
                ) : null}
              </TableCell>
              <TableCell>{shown(h.relationship, (r) => enumLabel(t, 'relationship', r))}</TableCell>
              <TableCell>{shown(h.regisseur, regisseurName)}</TableCell>
              <TableCell className="regie-numeric">{shown(h.member_count, String)}</TableCell>
              <TableCell>{shown(h.wijk, (v) => v)}</TableCell>
              <TableCell>{shown(h.kern, (v) => v)}</TableCell>
              <TableCell>{shown(h.housing_date, formatDate)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
