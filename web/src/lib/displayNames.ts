// Names of countries for ISO codes, from the browser's Intl data.
import type { Lang } from '../i18n/translate';

/** "Syrië (SY)"; the code alone when the browser does not know it. */
export function countryLabel(code: string, lang: Lang, stateless: string): string {
  if (code === 'XX') return `${stateless} (XX)`;
  try {
    const name = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
