import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import type { HouseholdAccess } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { enumLabel } from '../../lib/enumLabel';
import { categoryList } from '../../lib/categories';

/** "Toegang": how the user stands to this household and which data categories that shows. */
export function AccessPanel({ access }: { access: HouseholdAccess }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="toegang" className="regie-access">
      <Heading2 id="toegang">{t('access.heading')}</Heading2>
      <DataList className="regie-details">
        <DataListItem>
          <DataListKey>{t('access.relationship')}</DataListKey>
          <DataListValue>{enumLabel(t, 'relationship', access.relationship)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('access.categories')}</DataListKey>
          <DataListValue>
            {access.categories.length === 0
              ? t('access.noCategories')
              : categoryList(t, access.categories)}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('access.canEdit')}</DataListKey>
          <DataListValue>{t(access.can_edit ? 'common.yes' : 'common.no')}</DataListValue>
        </DataListItem>
      </DataList>
      <Paragraph className="regie-muted">{t('access.explain')}</Paragraph>
    </section>
  );
}
