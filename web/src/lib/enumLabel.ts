// Labels of the API's enum codes; every code has a key `enum.<group>.<code>`
// in both catalogues (checked by i18n.test.ts).
import type { Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/translate';

export type EnumGroup =
  | 'sex'
  | 'literacy'
  | 'education'
  | 'role'
  | 'inburgering'
  | 'organisationKind'
  | 'userRole'
  | 'relationship'
  | 'category'
  | 'categoryShort'
  | 'legalBasis'
  | 'outcome'
  | 'assessmentKind'
  | 'zrmDomain'
  | 'zrmScore'
  | 'ladderRung'
  | 'fermWerkOutcome'
  | 'domain';

export function enumLabel(t: Translate, group: EnumGroup, code: string): string {
  return t(`enum.${group}.${code}` as MessageKey);
}

export function enumOptions(t: Translate, group: EnumGroup, codes: readonly string[]) {
  return codes.map((code) => ({ value: code, label: enumLabel(t, group, code) }));
}
