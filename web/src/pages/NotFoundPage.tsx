import { Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../components/links';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';

export function NotFoundPage({ homeHref }: { homeHref: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink href={homeHref}>{t('notFound.home')}</AppLink>
      </Paragraph>
    </>
  );
}
