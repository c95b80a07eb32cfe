import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { errorText } from '../lib/errorText';

/** An error answer of the API (or no answer at all), in the UI language. */
export function ProblemAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t, lang } = useI18n();
  return (
    <Alert type="error" className="regie-problem">
      <Heading2 className="regie-alert-heading">{t('errors.title')}</Heading2>
      <Paragraph>{errorText(error, lang, t)}</Paragraph>
      {children}
    </Alert>
  );
}
