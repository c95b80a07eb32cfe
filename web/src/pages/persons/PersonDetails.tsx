import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import type { Person } from '../../api/types';
import { Shielded } from '../../components/Shielded';
import { useI18n } from '../../i18n/i18n';
import { categoryList } from '../../lib/categories';
import { personFieldText } from '../../lib/personDisplay';
import { hiddenFields } from '../../lib/personForm';
import { personFieldLabel } from './PersonFields';
import { PERSON_SECTIONS } from './personFormSections';

/**
 * A person's data as the user may see it: every field in its section, the
 * ones of categories the user may not see as "afgeschermd".
 */
export function PersonDetails({ person }: { person: Person }) {
  const { t, lang } = useI18n();
  const hidden = hiddenFields(person);
  const exempt = person.inburgeringsplicht === 'vrijgesteld';
  return (
    <>
      {hidden.size > 0 ? (
        <Paragraph className="regie-shielded-legend">
          <span className="regie-shielded regie-shielded--word">{t('access.shielded')}</span>:{' '}
          {t('access.shieldedWhy')}{' '}
          {person.visible_categories
            ? t('access.visibleCategories', {
                categories: categoryList(t, person.visible_categories) || t('access.noCategories'),
              })
            : null}
        </Paragraph>
      ) : null}
      {PERSON_SECTIONS.map((section) => (
        <section key={section.id} aria-labelledby={`sectie-${section.id}`}>
          <Heading2 id={`sectie-${section.id}`}>{t(`personForm.sections.${section.id}`)}</Heading2>
          <DataList className="regie-details regie-details--aligned">
            {section.fields
              // The exemption reason belongs to an exemption; hidden, it is shielded like the duty.
              .filter((spec) => spec.name !== 'exemption_reason' || exempt || hidden.has(spec.name))
              .map((spec) => {
                const text = personFieldText(t, lang, person, spec.name);
                return (
                  <DataListItem key={spec.name}>
                    <DataListKey>{personFieldLabel(t, spec.name)}</DataListKey>
                    <DataListValue>
                      {text === undefined ? <Shielded /> : text || t('person.empty')}
                    </DataListValue>
                  </DataListItem>
                );
              })}
          </DataList>
        </section>
      ))}
    </>
  );
}
