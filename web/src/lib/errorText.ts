import { ApiError } from '../api/client';
import type { Translate } from '../i18n/i18n';
import type { Lang } from '../i18n/translate';
import { localMessage } from './fieldErrors';

/** The message to show for a failed request, in the UI language. */
export function errorText(error: unknown, lang: Lang, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.problem) return localMessage(error.problem, lang);
    if (error.code === 'network') return t('errors.network');
    return t('errors.unexpected', { status: error.status });
  }
  return t('errors.unexpected', { status: '-' });
}
