// How long to wait after too many attempts (429 Retry-After), in words.
import type { Translate } from '../i18n/i18n';

/** 125 -> "2 minuten en 5 seconden", 60 -> "1 minuut", 8 -> "8 seconden". */
export function formatWait(totalSeconds: number, t: Translate): string {
  const s = Math.max(1, Math.ceil(totalSeconds));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  const m = minutes === 1 ? t('time.minute') : t('time.minutes', { count: minutes });
  const sec = seconds === 1 ? t('time.second') : t('time.seconds', { count: seconds });
  if (minutes === 0) return sec;
  if (seconds === 0) return m;
  return t('time.and', { first: m, second: sec });
}
