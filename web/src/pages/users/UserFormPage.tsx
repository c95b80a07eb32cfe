import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { listUsers } from '../../api/access';
import { ApiError } from '../../api/client';
import { listOrganisations } from '../../api/regie';
import type { UserCreated } from '../../api/types';
import { AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useResource } from '../../lib/useResource';
import { paths } from '../../router/routes';
import { EnrolmentLink } from './EnrolmentLink';
import { ResetEnrolmentPanel } from './ResetEnrolmentPanel';
import { UserCreateForm } from './UserCreateForm';
import { UserEditForm } from './UserEditForm';

function Back({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  return (
    <Paragraph className="regie-back">
      <AppLink href={paths.users(tenantId)}>{t('users.back')}</AppLink>
    </Paragraph>
  );
}

function CreateUser({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const { resource } = useResource((signal) => listOrganisations(tenantId, signal), [tenantId]);
  const [created, setCreated] = useState<UserCreated | null>(null);
  return (
    <>
      <Back tenantId={tenantId} />
      <PageHeading title={t('users.createTitle')} />
      {created ? (
        <EnrolmentLink name={created.user.display_name} url={created.enrolment_url} />
      ) : (
        <>
          {resource.status === 'loading' ? <Loading /> : null}
          {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
          {resource.status === 'ready' ? (
            <UserCreateForm
              tenantId={tenantId}
              organisations={resource.data}
              onCreated={setCreated}
            />
          ) : null}
        </>
      )}
    </>
  );
}

function EditUser({ tenantId, userId }: { tenantId: number; userId: number }) {
  const { t } = useI18n();
  // The contract has no GET of one user: take it from the tenant's list.
  const { resource, reload } = useResource(
    async (signal) => {
      const user = (await listUsers(tenantId, undefined, signal)).find((u) => u.id === userId);
      if (!user) throw new ApiError(404, 'not_found', null);
      return user;
    },
    [tenantId, userId],
  );
  const user = resource.status === 'ready' ? resource.data : null;
  const notFound =
    resource.status === 'error' &&
    resource.error instanceof ApiError &&
    resource.error.status === 404;
  return (
    <>
      <Back tenantId={tenantId} />
      <PageHeading
        title={user ? t('users.editTitleNamed', { name: user.display_name }) : t('users.editTitle')}
      />
      {resource.status === 'loading' ? <Loading /> : null}
      {notFound ? <Paragraph>{t('users.notFound')}</Paragraph> : null}
      {resource.status === 'error' && !notFound ? <ProblemAlert error={resource.error} /> : null}
      {user ? (
        <>
          <UserEditForm key={user.version} tenantId={tenantId} user={user} onReload={reload} />
          <ResetEnrolmentPanel tenantId={tenantId} user={user} />
        </>
      ) : null}
    </>
  );
}

/** "Nieuwe gebruiker" (without userId) and "Gebruiker bewerken" (beheer). */
export function UserFormPage({ tenantId, userId }: { tenantId: number; userId?: number }) {
  return userId === undefined ? (
    <CreateUser tenantId={tenantId} />
  ) : (
    <EditUser tenantId={tenantId} userId={userId} />
  );
}
