import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { listUsers } from '../../api/access';
import type { User } from '../../api/types';
import { Flash } from '../../components/Flash';
import { AppButtonLink, AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { enumLabel } from '../../lib/enumLabel';
import { useResource } from '../../lib/useResource';
import { paths } from '../../router/routes';

function UserTable({ tenantId, users }: { tenantId: number; users: readonly User[] }) {
  const { t } = useI18n();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table">
        <TableCaption className="regie-visually-hidden">{t('users.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('users.col.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('users.username')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('users.organisation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('users.roles')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('users.col.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">
              <span className="regie-visually-hidden">{t('household.col.actions')}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((u) => (
            <TableRow key={u.id} className={u.active ? undefined : 'regie-row-muted'}>
              <TableHeaderCell scope="row">{u.display_name}</TableHeaderCell>
              <TableCell>{u.username}</TableCell>
              <TableCell>{u.organisation.name}</TableCell>
              <TableCell>{u.roles.map((r) => enumLabel(t, 'userRole', r)).join(', ')}</TableCell>
              <TableCell>
                {!u.active
                  ? t('users.status.inactive')
                  : u.totp_enabled
                    ? t('users.status.active')
                    : t('users.status.enrolling')}
              </TableCell>
              <TableCell>
                {u.managed === false ? (
                  t('users.managedElsewhere')
                ) : (
                  <AppLink href={paths.userEdit(tenantId, u.id)}>
                    {t('users.edit')}{' '}
                    <span className="regie-visually-hidden">{u.display_name}</span>
                  </AppLink>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** "Gebruikers" (beheer): the users whose organisation serves this municipality. */
export function UserListPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const { resource } = useResource((signal) => listUsers(tenantId, undefined, signal), [tenantId]);
  return (
    <>
      <PageHeading title={t('users.title')} />
      <Flash />
      <div className="regie-page-actions">
        <AppButtonLink href={paths.userNew(tenantId)} appearance="primary-action-button">
          {t('users.new')}
        </AppButtonLink>
      </div>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {resource.status === 'ready' && resource.data.length === 0 ? (
        <Paragraph>{t('users.empty')}</Paragraph>
      ) : null}
      {resource.status === 'ready' && resource.data.length > 0 ? (
        <UserTable tenantId={tenantId} users={resource.data} />
      ) : null}
    </>
  );
}
