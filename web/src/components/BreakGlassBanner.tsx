import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/dates';

/**
 * The persistent warning on a household (and its persons) opened with
 * break-the-glass: everything seen is logged and shown to the privacy officer.
 */
export function BreakGlassBanner({ expiresAt }: { expiresAt: string | null }) {
  const { t } = useI18n();
  return (
    <Alert type="warning" className="regie-break-glass-banner">
      <Heading2 className="regie-alert-heading">{t('breakGlass.bannerHeading')}</Heading2>
      <Paragraph>
        {expiresAt
          ? t('breakGlass.bannerUntil', { time: formatDateTime(expiresAt) })
          : t('breakGlass.banner')}
      </Paragraph>
      <Paragraph>{t('breakGlass.bannerLogged')}</Paragraph>
    </Alert>
  );
}
