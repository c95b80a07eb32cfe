import { useI18n } from '../i18n/i18n';
import { AppButtonLink } from './links';

export function CancelLink({ href }: { href: string }) {
  const { t } = useI18n();
  return (
    <AppButtonLink href={href} appearance="subtle-button">
      {t('common.cancel')}
    </AppButtonLink>
  );
}
