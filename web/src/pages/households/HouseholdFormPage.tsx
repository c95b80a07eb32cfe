import { Alert, Paragraph } from '@utrecht/component-library-react';
import { listUsers } from '../../api/access';
import { getHousehold, listOrganisations } from '../../api/regie';
import { AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useResource } from '../../lib/useResource';
import { paths } from '../../router/routes';
import { useMe } from '../../session/session';
import { HouseholdForm } from './HouseholdForm';

/** "Nieuw huishouden" (without householdId) and "Huishouden bewerken". */
export function HouseholdFormPage({
  tenantId,
  householdId,
}: {
  tenantId: number;
  householdId?: number;
}) {
  const { t } = useI18n();
  const { user } = useMe();
  const { resource, reload } = useResource(
    async (signal) => {
      const [organisations, regisseurs, household] = await Promise.all([
        listOrganisations(tenantId, signal),
        listUsers(tenantId, 'regisseur', signal),
        householdId === undefined ? undefined : getHousehold(tenantId, householdId, signal),
      ]);
      return { organisations, regisseurs, household };
    },
    [tenantId, householdId],
  );

  const editing = householdId !== undefined;
  const household = resource.status === 'ready' ? resource.data.household : undefined;
  const title = editing
    ? household
      ? t('householdForm.editTitleNamed', { name: household.name })
      : t('householdForm.editTitle')
    : t('householdForm.createTitle');
  const back = !editing
    ? { href: paths.households(tenantId), text: t('household.backToList') }
    : household
      ? {
          href: paths.household(tenantId, household.id),
          text: t('common.backToHouseholdNamed', { name: household.name }),
        }
      : null;

  return (
    <>
      {back ? (
        <Paragraph className="regie-back">
          <AppLink href={back.href}>{back.text}</AppLink>
        </Paragraph>
      ) : null}
      <PageHeading title={title} />
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {resource.status === 'ready' && household?.archived ? (
        <Alert type="warning">
          <Paragraph>{t('householdForm.archived')}</Paragraph>
        </Alert>
      ) : null}
      {resource.status === 'ready' &&
      household &&
      !household.archived &&
      !household.access.can_edit ? (
        <Alert type="warning">
          <Paragraph>{t('householdForm.cannotEdit')}</Paragraph>
        </Alert>
      ) : null}
      {resource.status === 'ready' &&
      !household?.archived &&
      household?.access.can_edit !== false ? (
        <HouseholdForm
          tenantId={tenantId}
          organisations={resource.data.organisations}
          regisseurs={resource.data.regisseurs}
          household={household}
          defaultRegisseur={user.roles.includes('regisseur') ? user.id : undefined}
          onReload={reload}
        />
      ) : null}
    </>
  );
}
