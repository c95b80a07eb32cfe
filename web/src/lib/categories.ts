import { CATEGORIES } from '../api/types';
import type { Category } from '../api/types';
import type { Translate } from '../i18n/i18n';
import { enumLabel } from './enumLabel';

/** "Basisgegevens, Contactgegevens": Dutch labels in the fixed category order. */
export function categoryList(t: Translate, categories: readonly Category[]): string {
  return CATEGORIES.filter((c) => categories.includes(c))
    .map((c) => enumLabel(t, 'category', c))
    .join(', ');
}

/** Short labels for dense tables (the audit log); "alle" for every category. */
export function shortCategoryList(t: Translate, categories: readonly Category[]): string {
  const present = CATEGORIES.filter((c) => categories.includes(c));
  if (present.length === CATEGORIES.length) return t('audit.allCategories');
  return present.map((c) => enumLabel(t, 'categoryShort', c)).join(', ');
}
