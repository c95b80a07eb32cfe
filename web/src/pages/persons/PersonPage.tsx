import { ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useState } from 'react';
import { getHousehold, getPerson } from '../../api/regie';
import { BreakGlassBanner } from '../../components/BreakGlassBanner';
import { Flash } from '../../components/Flash';
import { AppButtonLink, AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { canChangePersons } from '../../lib/householdAccess';
import { personName } from '../../lib/personName';
import { useResource } from '../../lib/useResource';
import { paths } from '../../router/routes';
import { breakGlassEnd } from '../households/HouseholdPage';
import { AssessmentsSection } from './assessments/AssessmentsSection';
import { IntakeSection } from './intake/IntakeSection';
import { PersonDetails } from './PersonDetails';
import { PersonPolicy } from './policy/PersonPolicy';
import { SharingSection } from './sharing/SharingSection';

/**
 * The data categories of assessments: those of the ZRM domains, and
 * werk_inkomen for the participatieladder and Ferm Werk (the default of the
 * configurable record type "assessments").
 */
const ASSESSMENT_CATEGORIES = ['basis', 'financien', 'werk_inkomen', 'gezondheid', 'justitie'];

/**
 * One person: the data the user may see, the milestones and events (for who
 * sees the inburgering category), the assessments and, for the regisseur,
 * "Gegevens delen".
 */
export function PersonPage({ tenantId, personId }: { tenantId: number; personId: number }) {
  const { t } = useI18n();
  const { resource } = useResource(
    async (signal) => {
      const person = await getPerson(tenantId, personId, signal);
      const household = await getHousehold(tenantId, person.household_id, signal);
      return { person, household };
    },
    [tenantId, personId],
  );
  const data = resource.status === 'ready' ? resource.data : null;
  const name = data ? personName(t, data.person) : null;
  const access = data?.household.access;
  const editable = !!data && canChangePersons(data.household);
  // Events and milestones are data category inburgering; the regisseur and
  // the begeleider of the household record events (docs/api-contract.md).
  const seesInburgering = !!data?.person.visible_categories?.includes('inburgering');
  const canRecord =
    !!data &&
    !data.household.archived &&
    (access?.relationship === 'regisseur' || access?.relationship === 'begeleider');
  // Assessments: not for volunteers (names only) nor without any of their
  // categories, so that no request is made only to be refused (and logged).
  const mayReadAssessments =
    !!data &&
    access?.relationship !== 'vrijwilliger' &&
    access?.relationship !== 'none' &&
    (data.person.visible_categories ?? ASSESSMENT_CATEGORIES).some((c) =>
      ASSESSMENT_CATEGORIES.includes(c),
    );
  // An assessment recorded as a policy event too changes the milestones.
  const [policyRevision, setPolicyRevision] = useState(0);
  const eventsChanged = useCallback(() => setPolicyRevision((r) => r + 1), []);

  return (
    <>
      {data ? (
        <Paragraph className="regie-back">
          <AppLink href={paths.household(tenantId, data.household.id)}>
            {t('common.backToHouseholdNamed', { name: data.household.name })}
          </AppLink>
        </Paragraph>
      ) : null}
      <PageHeading title={name ?? t('person.title')} />
      {data && access?.break_glass ? (
        <BreakGlassBanner expiresAt={breakGlassEnd(data.household)} />
      ) : null}
      <Flash />
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {data && name ? (
        <>
          {editable ? (
            <ButtonGroup className="regie-page-actions">
              <AppButtonLink
                href={paths.personEdit(tenantId, personId)}
                appearance="secondary-action-button"
              >
                {t('person.edit')}
              </AppButtonLink>
            </ButtonGroup>
          ) : null}
          <PersonDetails person={data.person} />
          {seesInburgering ? (
            <PersonPolicy
              tenantId={tenantId}
              personId={personId}
              canRecord={canRecord}
              revision={policyRevision}
            />
          ) : null}
          {mayReadAssessments ? <IntakeSection tenantId={tenantId} personId={personId} /> : null}
          {mayReadAssessments ? (
            <AssessmentsSection
              tenantId={tenantId}
              personId={personId}
              canRecord={canRecord}
              onEventsChanged={eventsChanged}
            />
          ) : null}
          {access?.relationship === 'regisseur' ? (
            <SharingSection
              tenantId={tenantId}
              personId={personId}
              personName={name}
              readOnly={data.household.archived}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
