import type { PackRef, SourceRef } from '../../api/policyTypes';
import { useI18n } from '../../i18n/i18n';
import { canReadPolicy } from '../../lib/roles';
import { paths } from '../../router/routes';
import { useMe } from '../../session/session';
import { AppLink } from '../links';

/**
 * Where a rule comes from, in small text: the pack and its version (a link
 * to the pack for those who may read packs) and the document and section.
 */
export function SourceNote({
  tenantId,
  pack,
  source,
  note,
}: {
  tenantId: number;
  pack?: Pick<PackRef, 'id' | 'version'>;
  source: SourceRef;
  note?: string;
}) {
  const { t } = useI18n();
  const { user } = useMe();
  const packText = pack ? t('policy.packVersion', { id: pack.id, version: pack.version }) : '';
  return (
    <>
      <span className="regie-cell-note regie-source">
        {pack ? (
          <>
            {canReadPolicy(user.roles) ? (
              <AppLink href={paths.pack(tenantId, pack.id)}>{packText}</AppLink>
            ) : (
              packText
            )}
            {' · '}
          </>
        ) : null}
        {t('policy.source', {
          document: source.document,
          section: source.section || t('policy.noSection'),
        })}
      </span>
      {/* A block of its own: never inside a paragraph. */}
      {note ? (
        <details className="regie-cell-note regie-source__note">
          <summary>{t('policy.note')}</summary>
          {note}
        </details>
      ) : null}
    </>
  );
}
