import { Alert, Paragraph } from '@utrecht/component-library-react';
import { getHousehold, getPerson } from '../../api/regie';
import { AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { canChangePersons } from '../../lib/householdAccess';
import { personName } from '../../lib/personName';
import { useResource } from '../../lib/useResource';
import { paths } from '../../router/routes';
import { PersonForm } from './PersonForm';

type Props =
  | { tenantId: number; householdId: number; personId?: undefined }
  | { tenantId: number; personId: number; householdId?: undefined };

/** "Persoon toevoegen" (with householdId) and "Persoon bewerken" (with personId). */
export function PersonFormPage({ tenantId, householdId, personId }: Props) {
  const { t } = useI18n();
  const { resource, reload } = useResource(
    async (signal) => {
      const person =
        personId === undefined ? undefined : await getPerson(tenantId, personId, signal);
      const household = await getHousehold(tenantId, person?.household_id ?? householdId!, signal);
      return { person, household };
    },
    [tenantId, householdId, personId],
  );

  const data = resource.status === 'ready' ? resource.data : null;
  const title = data?.person
    ? t('personForm.editTitle', { name: personName(t, data.person) })
    : data
      ? t('personForm.createTitle', { household: data.household.name })
      : t(personId === undefined ? 'personForm.createTitleShort' : 'personForm.editTitleShort');

  return (
    <>
      {data?.person ? (
        <Paragraph className="regie-back">
          <AppLink href={paths.person(tenantId, data.person.id)}>
            {t('common.backToNamed', { name: personName(t, data.person) })}
          </AppLink>
        </Paragraph>
      ) : data ? (
        <Paragraph className="regie-back">
          <AppLink href={paths.household(tenantId, data.household.id)}>
            {t('common.backToHouseholdNamed', { name: data.household.name })}
          </AppLink>
        </Paragraph>
      ) : null}
      <PageHeading title={title} />
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {data?.household.archived ? (
        <Alert type="warning">
          <Paragraph>{t('householdForm.archived')}</Paragraph>
        </Alert>
      ) : null}
      {data && !data.household.archived && !canChangePersons(data.household) ? (
        <Alert type="warning">
          <Paragraph>{t('personForm.cannotEdit')}</Paragraph>
        </Alert>
      ) : null}
      {data && canChangePersons(data.household) ? (
        <PersonForm household={data.household} person={data.person} onReload={reload} />
      ) : null}
    </>
  );
}
