import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Person } from '../../api/types';
import { AppLink } from '../../components/links';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/dates';
import { countryLabel } from '../../lib/displayNames';
import { enumLabel } from '../../lib/enumLabel';
import { paths } from '../../router/routes';

export function PersonsTable({
  tenantId,
  persons,
  editable,
  labelledBy,
}: {
  tenantId: number;
  persons: readonly Person[];
  editable: boolean;
  /** The id of the heading that names the table. */
  labelledBy: string;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" aria-labelledby={labelledBy}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('household.col.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('household.col.role')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('household.col.birthDate')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('household.col.nationality')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('household.col.bsn')}</TableHeaderCell>
            {editable ? (
              <TableHeaderCell scope="col">
                <span className="regie-visually-hidden">{t('household.col.actions')}</span>
              </TableHeaderCell>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {persons.map((p) => {
            const name = `${p.given_names} ${p.family_name}`;
            return (
              <TableRow key={p.id}>
                <TableHeaderCell scope="row">{name}</TableHeaderCell>
                <TableCell>{enumLabel(t, 'role', p.role)}</TableCell>
                <TableCell>{formatDate(p.birth_date)}</TableCell>
                <TableCell>{countryLabel(p.nationality, lang, t('person.stateless'))}</TableCell>
                <TableCell className="regie-nowrap">{p.bsn ?? t('common.none')}</TableCell>
                {editable ? (
                  <TableCell>
                    <AppLink href={paths.personEdit(tenantId, p.id)}>
                      {t('household.editPerson')}
                      <span className="regie-visually-hidden"> {name}</span>
                    </AppLink>
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
