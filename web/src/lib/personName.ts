import type { Person } from '../api/types';
import type { Translate } from '../i18n/i18n';

/** "Amina Haddad"; a person whose name is not visible to the user is "Persoon 12 (naam afgeschermd)". */
export function personName(t: Translate, p: Person): string {
  const name = [p.given_names, p.family_name].filter(Boolean).join(' ').trim();
  return name || t('person.nameShielded', { id: p.id });
}

/**
 * The name of a person as a list names it (`{"id","name"}`): the server
 * sends an empty name when the caller may not see it, so such a person
 * never gets an empty link or cell.
 */
export function listedPersonName(t: Translate, p: { id: number; name: string }): string {
  return p.name.trim() || t('person.nameShielded', { id: p.id });
}
