import { Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../components/links';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';

/** A page the user's roles do not allow (the server would refuse it too). */
export function ForbiddenPage({ homeHref }: { homeHref: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('forbidden.title')} />
      <Paragraph>{t('forbidden.text')}</Paragraph>
      <Paragraph>
        <AppLink href={homeHref}>{t('forbidden.home')}</AppLink>
      </Paragraph>
    </>
  );
}
