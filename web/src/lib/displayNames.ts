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

/**
 * "Arabisch" for "ar" (ISO 639-1, or 639-3 such as "prs"), in the UI
 * language; the code itself when the browser does not know it.
 */
export function languageLabel(code: string, lang: Lang): string {
  if (!/^[a-z]{2,3}$/i.test(code)) return code;
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }).of(code);
    return name && name.toLowerCase() !== code.toLowerCase() ? name : code;
  } catch {
    return code;
  }
}

/** "Arabisch, Engels" for ["ar", "en"]. */
export function languageList(codes: readonly string[], lang: Lang): string {
  return codes.map((c) => languageLabel(c, lang)).join(', ');
}
