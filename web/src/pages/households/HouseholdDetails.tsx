import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { Household, UserRef } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatTimestamp } from '../../lib/dates';
import { enumLabel } from '../../lib/enumLabel';

function People({ people, none }: { people: readonly UserRef[] | undefined; none: string }) {
  if (!people || people.length === 0) return <>{none}</>;
  return (
    <UnorderedList>
      {people.map((p) => (
        <UnorderedListItem key={p.id}>{p.display_name}</UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

export function HouseholdDetails({ household }: { household: Household }) {
  const { t } = useI18n();
  const orgs = household.involved_organisations;
  return (
    <DataList className="regie-details">
      <DataListItem>
        <DataListKey>{t('household.regisseur')}</DataListKey>
        <DataListValue>
          {household.regisseur?.display_name ?? t('household.noRegisseur')}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('household.begeleiders')}</DataListKey>
        <DataListValue>
          <People people={household.begeleiders} none={t('household.nobody')} />
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('household.vrijwilligers')}</DataListKey>
        <DataListValue>
          <People people={household.vrijwilligers} none={t('household.nobody')} />
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('household.organisations')}</DataListKey>
        <DataListValue>
          {orgs.length === 0 ? (
            t('household.noOrganisations')
          ) : (
            <UnorderedList>
              {orgs.map((o) => (
                <UnorderedListItem key={o.id}>
                  {o.name} ({enumLabel(t, 'organisationKind', o.kind)})
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>{t('household.status')}</DataListKey>
        <DataListValue>
          {household.archived
            ? t('household.archivedOn', { date: formatTimestamp(household.archived_at) })
            : t('household.active')}
        </DataListValue>
      </DataListItem>
      {household.archived ? (
        <DataListItem>
          <DataListKey>{t('household.archiveReason')}</DataListKey>
          <DataListValue>{household.archive_reason}</DataListValue>
        </DataListItem>
      ) : null}
      <DataListItem>
        <DataListKey>{t('household.updatedAt')}</DataListKey>
        <DataListValue>{formatTimestamp(household.updated_at)}</DataListValue>
      </DataListItem>
    </DataList>
  );
}
