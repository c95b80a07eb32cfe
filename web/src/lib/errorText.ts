import { ApiError } from '../api/client';
import type { Translate } from '../i18n/i18n';
import type { Lang } from '../i18n/translate';
import { localMessage } from './fieldErrors';
import { formatWait } from './wait';

/**
 * The message to show for a failed request, in the UI language. Mostly the
 * server's own text; the UI words a few answers itself: a failed login the
 * same way whatever the cause (never whether an account exists), and a 429
 * with the wait the server asks for.
 */
export function errorText(error: unknown, lang: Lang, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfter !== null && error.retryAfter > 0
        ? t('errors.tooManyAttemptsWait', { wait: formatWait(error.retryAfter, t) })
        : t('errors.tooManyAttempts');
    }
    if (error.code === 'login_failed') return t('login.failed');
    if (error.code === 'totp_invalid') return t('login.codeInvalid');
    if (error.code === 'csrf_failed') return t('errors.csrf');
    if (error.problem) return localMessage(error.problem, lang);
    if (error.code === 'network') return t('errors.network');
    return t('errors.unexpected', { status: error.status });
  }
  return t('errors.unexpected', { status: '-' });
}
