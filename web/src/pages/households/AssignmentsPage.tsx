import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { listUsers } from '../../api/access';
import { getHousehold, setAssignments } from '../../api/regie';
import type { Household, User, UserRef } from '../../api/types';
import { CancelLink } from '../../components/CancelLink';
import { flash } from '../../components/Flash';
import { CheckboxGroupField } from '../../components/form/CheckboxGroupField';
import { FormShell } from '../../components/form/FormShell';
import { AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { navigate } from '../../router/router';
import { paths } from '../../router/routes';

const FIELDS = ['begeleiders', 'vrijwilligers'] as const;

/** The users of a role, plus those assigned now who no longer have it (so they can be removed). */
function choices(users: readonly User[], assigned: readonly UserRef[]) {
  const options = users.map((u) => ({
    value: u.id,
    label: (
      <>
        {u.display_name} <span className="regie-muted">({u.organisation.name})</span>
      </>
    ),
  }));
  for (const a of assigned) {
    if (!users.some((u) => u.id === a.id))
      options.push({ value: a.id, label: <>{a.display_name}</> });
  }
  return options;
}

interface Data {
  household: Household;
  begeleiders: User[];
  vrijwilligers: User[];
}

function AssignmentsForm({ data, onReload }: { data: Data; onReload: () => void }) {
  const { t } = useI18n();
  const { household } = data;
  const [begeleiders, setBegeleiders] = useState(() => household.begeleiders.map((u) => u.id));
  const [vrijwilligers, setVrijwilligers] = useState(() =>
    household.vrijwilligers.map((u) => u.id),
  );
  const { saving, error, submit } = useSubmit(
    () =>
      setAssignments(household.tenant_id, household.id, household.version, {
        begeleiders,
        vrijwilligers,
      }),
    () =>
      navigate(paths.household(household.tenant_id, household.id), {
        state: flash('assignments.saved'),
      }),
  );
  return (
    <FormShell
      fields={FIELDS}
      label={(field) =>
        t(field === 'begeleiders' ? 'household.begeleiders' : 'household.vrijwilligers')
      }
      submitLabel={t('assignments.submit')}
      cancel={<CancelLink href={paths.household(household.tenant_id, household.id)} />}
      intro={false}
      saving={saving}
      error={error}
      onSubmit={submit}
      onReload={onReload}
    >
      <CheckboxGroupField
        name="begeleiders"
        legend={t('household.begeleiders')}
        description={t('assignments.begeleidersDescription')}
        empty={t('assignments.noBegeleiders')}
        options={choices(data.begeleiders, household.begeleiders)}
        value={begeleiders}
        onChange={setBegeleiders}
      />
      <CheckboxGroupField
        name="vrijwilligers"
        legend={t('household.vrijwilligers')}
        description={t('assignments.vrijwilligersDescription')}
        empty={t('assignments.noVrijwilligers')}
        options={choices(data.vrijwilligers, household.vrijwilligers)}
        value={vrijwilligers}
        onChange={setVrijwilligers}
      />
    </FormShell>
  );
}

/** "Betrokkenen toewijzen": the regisseur assigns begeleiders and vrijwilligers. */
export function AssignmentsPage({
  tenantId,
  householdId,
}: {
  tenantId: number;
  householdId: number;
}) {
  const { t } = useI18n();
  const { resource, reload } = useResource(
    async (signal): Promise<Data> => {
      const [household, begeleiders, vrijwilligers] = await Promise.all([
        getHousehold(tenantId, householdId, signal),
        listUsers(tenantId, 'begeleider', signal),
        listUsers(tenantId, 'vrijwilliger', signal),
      ]);
      return { household, begeleiders, vrijwilligers };
    },
    [tenantId, householdId],
  );
  const data = resource.status === 'ready' ? resource.data : null;
  const household = data?.household;
  return (
    <>
      {household ? (
        <Paragraph className="regie-back">
          <AppLink href={paths.household(tenantId, householdId)}>
            {t('common.backToHouseholdNamed', { name: household.name })}
          </AppLink>
        </Paragraph>
      ) : null}
      <PageHeading
        title={
          household ? t('assignments.titleNamed', { name: household.name }) : t('assignments.title')
        }
      />
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {household && (household.archived || household.access.relationship !== 'regisseur') ? (
        <Alert type="warning">
          <Paragraph>
            {t(household.archived ? 'householdForm.archived' : 'assignments.onlyRegisseur')}
          </Paragraph>
        </Alert>
      ) : null}
      {data && !data.household.archived && data.household.access.relationship === 'regisseur' ? (
        <>
          <Paragraph>{t('assignments.intro')}</Paragraph>
          <AssignmentsForm data={data} onReload={reload} />
        </>
      ) : null}
    </>
  );
}
