import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { Household } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatTimestamp } from '../../lib/dates';
import { enumLabel } from '../../lib/enumLabel';

export function HouseholdDetails({ household }: { household: Household }) {
  const { t } = useI18n();
  const orgs = household.involved_organisations;
  return (
    <DataList className="regie-details">
      <DataListItem>
        <DataListKey>{t('household.regisseur')}</DataListKey>
        <DataListValue>{household.regisseur}</DataListValue>
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
