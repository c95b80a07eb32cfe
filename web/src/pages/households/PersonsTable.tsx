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
import { shown } from '../../components/Shielded';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/dates';
import { countryLabel } from '../../lib/displayNames';
import { enumLabel } from '../../lib/enumLabel';
import { personName } from '../../lib/personName';
import { paths } from '../../router/routes';

/**
 * The persons of a household with the fields this user may see; a field of
 * a category the user may not see shows a dash read as "afgeschermd".
 */
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
            const name = personName(t, p);
            return (
              <TableRow key={p.id}>
                <TableHeaderCell scope="row">
                  <AppLink href={paths.person(tenantId, p.id)}>{name}</AppLink>
                </TableHeaderCell>
                <TableCell>{shown(p.role, (r) => enumLabel(t, 'role', r))}</TableCell>
                <TableCell>{shown(p.birth_date, formatDate)}</TableCell>
                <TableCell>
                  {shown(p.nationality, (n) => countryLabel(n, lang, t('person.stateless')))}
                </TableCell>
                <TableCell className="regie-nowrap">
                  {shown(p.bsn, (bsn) => bsn ?? t('common.none'))}
                </TableCell>
                {editable ? (
                  <TableCell>
                    <AppLink href={paths.personEdit(tenantId, p.id)}>
                      {t('household.editPerson')}{' '}
                      <span className="regie-visually-hidden">{name}</span>
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
