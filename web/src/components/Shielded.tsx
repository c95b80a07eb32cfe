import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * In place of a value the server left out because the user may not see its
 * data category. In tables a dash (read as "afgeschermd"); elsewhere the word
 * itself. The explanation is the title for mouse users and part of the
 * accessible text for screen readers.
 */
export function Shielded({ variant = 'word' }: { variant?: 'dash' | 'word' }) {
  const { t } = useI18n();
  const why = t('access.shieldedWhy');
  if (variant === 'dash') {
    return (
      <span className="regie-shielded" title={`${t('access.shielded')}: ${why}`}>
        <span aria-hidden="true">—</span>
        <span className="regie-visually-hidden">{t('access.shielded')}</span>
      </span>
    );
  }
  return (
    <span className="regie-shielded regie-shielded--word" title={why}>
      {t('access.shielded')}
      <span className="regie-visually-hidden">: {why}</span>
    </span>
  );
}

/** A field the server left out (not visible to this user) shows a dash read as "afgeschermd". */
export function shown<T>(value: T | undefined, render: (v: T) => ReactNode): ReactNode {
  return value === undefined ? <Shielded variant="dash" /> : render(value);
}
