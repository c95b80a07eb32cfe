// A person's fields as text for reading (the person page). A field the
// server left out is `undefined`: the caller shows it as "afgeschermd".
import type { Person } from '../api/types';
import type { Translate } from '../i18n/i18n';
import type { Lang } from '../i18n/translate';
import { formatDate } from './dates';
import { countryLabel, languageList } from './displayNames';
import { enumLabel } from './enumLabel';
import type { EnumGroup } from './enumLabel';
import type { PersonField } from './personForm';

const ENUMS: Partial<Record<PersonField, EnumGroup>> = {
  sex: 'sex',
  role: 'role',
  literacy: 'literacy',
  highest_education: 'education',
  inburgeringsplicht: 'inburgering',
};

const DATES = new Set<PersonField>(['birth_date', 'permit_date', 'koppeling_date', 'housing_date']);

/** The text for one field; '' for a visible field without a value; undefined when hidden. */
export function personFieldText(
  t: Translate,
  lang: Lang,
  p: Person,
  field: PersonField,
): string | undefined {
  if (field.startsWith('address/')) {
    if (p.address === undefined) return undefined;
    const part = field.slice('address/'.length) as keyof NonNullable<Person['address']>;
    return p.address[part] ?? '';
  }
  const value = p[field as keyof Person];
  if (value === undefined) return undefined;
  if (value === null || value === '') return '';
  const group = ENUMS[field];
  if (group) return enumLabel(t, group, String(value));
  if (DATES.has(field)) return formatDate(String(value));
  if (field === 'nationality') return countryLabel(String(value), lang, t('person.stateless'));
  if (field === 'languages') return languageList(value as string[], lang);
  if (field === 'family_reunification') return t(value ? 'common.yes' : 'common.no');
  return String(value);
}
