import { Alert, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { getHousehold } from '../../api/regie';
import type { Household } from '../../api/types';
import { BreakGlassBanner } from '../../components/BreakGlassBanner';
import { Flash } from '../../components/Flash';
import { AppButtonLink, AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { breakGlassExpiry } from '../../lib/breakGlass';
import { canChangePersons } from '../../lib/householdAccess';
import { canBreakGlass } from '../../lib/roles';
import { PageMessagesContext, usePageMessages } from '../../lib/pageMessages';
import { useResource } from '../../lib/useResource';
import { paths } from '../../router/routes';
import { useMe } from '../../session/session';
import { AccessPanel } from './AccessPanel';
import { ArchivePanel } from './ArchivePanel';
import { ContactsSection } from './ContactsSection';
import { canHandOver, HandoverPanel } from './HandoverPanel';
import { HouseholdDetails } from './HouseholdDetails';
import { PersonsTable } from './PersonsTable';
import { ReferralsSection } from './ReferralsSection';
import { SignalsSection } from './SignalsSection';

/** When an opening of this household by break-the-glass ends, if known. */
export function breakGlassEnd(household: Household): string | null {
  return (
    household.access.break_glass_expires_at ?? breakGlassExpiry(household.tenant_id, household.id)
  );
}

/** A refusal because the user has no relationship: regisseur and partner may open it anyway. */
function NoRelationship({ tenantId, householdId }: { tenantId: number; householdId: number }) {
  const { t } = useI18n();
  const { roles } = useMe().user;
  return (
    <Alert type="warning" className="regie-problem">
      <Heading2 className="regie-alert-heading">{t('breakGlass.noRelationshipHeading')}</Heading2>
      <Paragraph>{t('breakGlass.noRelationship')}</Paragraph>
      {canBreakGlass(roles) ? (
        <Paragraph>
          <AppLink href={paths.breakGlass(tenantId, householdId)}>{t('breakGlass.open')}</AppLink>
        </Paragraph>
      ) : null}
    </Alert>
  );
}

/** The page's own confirmations (archived, reopened, handed over) in PageMessagesContext. */
const PAGE_MESSAGE = 'household';

/** Who may archive may reopen: the household's own regisseur. */
function canReopen(household: Household): boolean {
  return (
    household.archived &&
    household.access.relationship === 'regisseur' &&
    !household.access.break_glass
  );
}

function Actions({ household }: { household: Household }) {
  const { t } = useI18n();
  const { tenant_id: tenantId, id, access } = household;
  const assign = access.relationship === 'regisseur';
  const addPerson = canChangePersons(household);
  if (household.archived || (!access.can_edit && !assign && !addPerson)) return null;
  return (
    <ButtonGroup className="regie-page-actions">
      {access.can_edit ? (
        <AppButtonLink
          href={paths.householdEdit(tenantId, id)}
          appearance="secondary-action-button"
        >
          {t('household.edit')}
        </AppButtonLink>
      ) : null}
      {addPerson ? (
        <AppButtonLink href={paths.personNew(tenantId, id)} appearance="primary-action-button">
          {t('household.addPerson')}
        </AppButtonLink>
      ) : null}
      {assign ? (
        <AppButtonLink
          href={paths.householdAssignments(tenantId, id)}
          appearance="secondary-action-button"
        >
          {t('assignments.open')}
        </AppButtonLink>
      ) : null}
    </ButtonGroup>
  );
}

export function HouseholdPage({
  tenantId,
  householdId,
}: {
  tenantId: number;
  householdId: number;
}) {
  const { t } = useI18n();
  const { resource, reload, replace } = useResource(
    (signal) => getHousehold(tenantId, householdId, signal),
    [tenantId, householdId],
  );
  const [justArchived, setJustArchived] = useState(false);
  const [justTransferred, setJustTransferred] = useState(false);
  // One confirmation at a time: a section's form claims the page's message.
  const messages = usePageMessages();
  const claimPage = messages.claim;
  const confirmationRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (justArchived || justTransferred) confirmationRef.current?.focus();
  }, [justArchived, justTransferred]);

  const onArchived = (household: Household) => {
    replace(household);
    setJustArchived(true);
    claimPage(PAGE_MESSAGE);
  };

  const household = resource.status === 'ready' ? resource.data : null;
  const error = resource.status === 'error' ? resource.error : null;
  const noRelationship = error instanceof ApiError && error.code === 'no_relationship';
  return (
    <PageMessagesContext.Provider value={messages}>
      <Paragraph className="regie-back">
        <AppLink href={paths.households(tenantId)}>{t('household.backToList')}</AppLink>
      </Paragraph>
      <PageHeading title={household?.name ?? t('household.title')} />
      {household?.access.break_glass ? (
        <BreakGlassBanner expiresAt={breakGlassEnd(household)} />
      ) : null}
      <Flash />
      {resource.status === 'loading' ? <Loading /> : null}
      {noRelationship ? <NoRelationship tenantId={tenantId} householdId={householdId} /> : null}
      {error && !noRelationship ? <ProblemAlert error={error} /> : null}
      {household ? (
        <>
          {(justArchived || justTransferred) && messages.owner === PAGE_MESSAGE ? (
            <div ref={confirmationRef} tabIndex={-1} className="regie-focus-target">
              <Alert type="ok">
                <Paragraph>
                  {t(
                    justTransferred
                      ? 'handover.done'
                      : household.archived
                        ? 'archive.done'
                        : 'reopen.done',
                  )}
                </Paragraph>
              </Alert>
            </div>
          ) : null}
          <HouseholdDetails household={household} />
          <Actions household={household} />
          <section aria-labelledby="personen">
            <Heading2 id="personen">
              {t('household.persons', { count: household.persons.length })}
            </Heading2>
            {household.persons.length === 0 ? (
              <Paragraph>
                {t(
                  canChangePersons(household)
                    ? 'household.noPersons'
                    : 'household.noPersonsVisible',
                )}
              </Paragraph>
            ) : (
              <PersonsTable
                tenantId={tenantId}
                persons={household.persons}
                editable={canChangePersons(household)}
                labelledBy="personen"
              />
            )}
          </section>
          {household.access.relationship !== 'vrijwilliger' ? (
            <section aria-labelledby="plan-van-aanpak">
              <Heading2 id="plan-van-aanpak">{t('plan.heading')}</Heading2>
              <Paragraph>
                <AppLink href={paths.householdPlan(tenantId, household.id)}>
                  {t('plan.open')}
                </AppLink>
              </Paragraph>
            </section>
          ) : null}
          <ContactsSection household={household} />
          <SignalsSection household={household} />
          {household.access.relationship !== 'vrijwilliger' ? (
            <ReferralsSection household={household} />
          ) : null}
          <AccessPanel access={household.access} />
          {canHandOver(household) ? (
            <HandoverPanel
              household={household}
              onTransferred={() => {
                setJustTransferred(true);
                claimPage(PAGE_MESSAGE);
                reload();
              }}
            />
          ) : null}
          {household.access.can_edit || canReopen(household) ? (
            // A new panel for the other mode: closed, with an empty reason.
            <ArchivePanel
              key={household.archived ? 'reopen' : 'archive'}
              household={household}
              onArchived={onArchived}
              onReload={reload}
            />
          ) : null}
        </>
      ) : null}
    </PageMessagesContext.Provider>
  );
}
