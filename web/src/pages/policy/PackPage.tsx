import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
} from '@utrecht/component-library-react';
import { getPack } from '../../api/policy';
import { AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { localText } from '../../lib/milestones';
import { scopeText, windowText } from '../../lib/packDisplay';
import { useResource } from '../../lib/useResource';
import { paths } from '../../router/routes';
import { PackVersionSection } from './PackVersionSection';

/** One policy pack: per version its milestones, appointments, indicators, events and code lists. */
export function PackPage({ tenantId, packId }: { tenantId: number; packId: string }) {
  const { t, lang } = useI18n();
  const { resource } = useResource(
    (signal) => getPack(tenantId, packId, signal),
    [tenantId, packId],
  );
  const pack = resource.status === 'ready' ? resource.data : null;
  return (
    <>
      <Paragraph className="regie-back">
        <AppLink href={paths.packs(tenantId)}>{t('packs.back')}</AppLink>
      </Paragraph>
      <PageHeading title={pack ? localText(pack.title, lang) : t('packs.packTitle')} />
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {pack ? (
        <>
          <DataList className="regie-details">
            <DataListItem>
              <DataListKey>{t('packs.id')}</DataListKey>
              <DataListValue>{pack.id}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('packs.col.scope')}</DataListKey>
              <DataListValue>{scopeText(t, pack)}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('packs.col.applicable')}</DataListKey>
              <DataListValue>
                {pack.applicable ? t('common.yes') : t('packs.notApplicable')}
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('packs.col.activations')}</DataListKey>
              <DataListValue>
                {pack.activations.length === 0
                  ? t('packs.notActivated')
                  : pack.activations.map((a) => windowText(t, a.from, a.to)).join('; ')}
              </DataListValue>
            </DataListItem>
          </DataList>
          {[...pack.versions]
            .sort((a, b) => a.version - b.version)
            .map((v) => (
              <PackVersionSection key={v.version} tenantId={tenantId} version={v} />
            ))}
        </>
      ) : null}
    </>
  );
}
