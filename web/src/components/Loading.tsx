import { Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <Paragraph role="status" className="regie-loading">
      {t('common.loading')}
    </Paragraph>
  );
}
