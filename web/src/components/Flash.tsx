import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/translate';
import { patchHistoryState, useLocation } from '../router/router';

/** Navigation state that shows a confirmation on the next page. */
export function flash(key: MessageKey): Record<string, unknown> {
  return { flash: key };
}

/**
 * The confirmation a previous page left (e.g. "saved"). Shown once: it is
 * removed from the history entry, so a reload does not repeat it.
 */
export function Flash() {
  const { t } = useI18n();
  const { state } = useLocation();
  const [message] = useState(() =>
    typeof state.flash === 'string' ? (state.flash as MessageKey) : null,
  );
  useEffect(() => {
    if (message) patchHistoryState({ flash: null });
  }, [message]);
  if (!message) return null;
  return (
    <Alert type="ok" className="regie-flash">
      <Paragraph>{t(message)}</Paragraph>
    </Alert>
  );
}
