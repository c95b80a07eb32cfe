import { Alert, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { getHousehold } from '../../api/regie';
import type { Household } from '../../api/types';
import { Flash } from '../../components/Flash';
import { AppButtonLink, AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useResource } from '../../lib/useResource';
import { paths } from '../../router/routes';
import { ArchivePanel } from './ArchivePanel';
import { HouseholdDetails } from './HouseholdDetails';
import { PersonsTable } from './PersonsTable';

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
  const confirmationRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (justArchived) confirmationRef.current?.focus();
  }, [justArchived]);

  const onArchived = (household: Household) => {
    replace(household);
    setJustArchived(true);
  };

  const household = resource.status === 'ready' ? resource.data : null;
  return (
    <>
      <Paragraph className="regie-back">
        <AppLink href={paths.households(tenantId)}>{t('household.backToList')}</AppLink>
      </Paragraph>
      <PageHeading title={household?.name ?? t('household.title')} />
      <Flash />
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {household ? (
        <>
          {justArchived ? (
            <div ref={confirmationRef} tabIndex={-1} className="regie-focus-target">
              <Alert type="ok">
                <Paragraph>{t('archive.done')}</Paragraph>
              </Alert>
            </div>
          ) : null}
          <HouseholdDetails household={household} />
          {household.archived ? null : (
            <ButtonGroup className="regie-page-actions">
              <AppButtonLink
                href={paths.householdEdit(tenantId, householdId)}
                appearance="secondary-action-button"
              >
                {t('household.edit')}
              </AppButtonLink>
              <AppButtonLink
                href={paths.personNew(tenantId, householdId)}
                appearance="primary-action-button"
              >
                {t('household.addPerson')}
              </AppButtonLink>
            </ButtonGroup>
          )}
          <section aria-labelledby="personen">
            <Heading2 id="personen">
              {t('household.persons', { count: household.persons.length })}
            </Heading2>
            {household.persons.length === 0 ? (
              <Paragraph>{t('household.noPersons')}</Paragraph>
            ) : (
              <PersonsTable
                tenantId={tenantId}
                persons={household.persons}
                editable={!household.archived}
                labelledBy="personen"
              />
            )}
          </section>
          {household.archived ? null : (
            <ArchivePanel household={household} onArchived={onArchived} onReload={reload} />
          )}
        </>
      ) : null}
    </>
  );
}
