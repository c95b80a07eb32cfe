import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { listPacks } from '../../api/policy';
import type { PackSummary } from '../../api/policyTypes';
import { Flash } from '../../components/Flash';
import { AppButtonLink, AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { localText } from '../../lib/milestones';
import { scopeText, windowText } from '../../lib/packDisplay';
import { canManageActivations } from '../../lib/roles';
import { useResource } from '../../lib/useResource';
import { paths } from '../../router/routes';
import { useMe } from '../../session/session';

function PackTable({ tenantId, packs }: { tenantId: number; packs: readonly PackSummary[] }) {
  const { t, lang } = useI18n();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table regie-packs">
        <TableCaption className="regie-visually-hidden">{t('packs.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('packs.col.pack')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('packs.col.scope')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('packs.col.applicable')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('packs.col.versions')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('packs.col.activations')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {packs.map((p) => (
            <TableRow
              key={p.id}
              data-pack={p.id}
              className={p.applicable ? undefined : 'regie-row-muted'}
            >
              <TableHeaderCell scope="row">
                <AppLink href={paths.pack(tenantId, p.id)}>{localText(p.title, lang)}</AppLink>
                <span className="regie-cell-note">{p.id}</span>
              </TableHeaderCell>
              <TableCell>{scopeText(t, p)}</TableCell>
              <TableCell>{p.applicable ? t('common.yes') : t('packs.notApplicable')}</TableCell>
              <TableCell>
                <UnorderedList className="regie-compact-list">
                  {p.versions.map((v) => (
                    <UnorderedListItem key={v.version}>
                      {t('packs.versionValid', {
                        version: v.version,
                        window: windowText(t, v.valid_from, v.valid_to),
                      })}
                      <span className="regie-cell-note">
                        {t('policy.source', {
                          document: v.source.document,
                          section: v.source.section || t('policy.noSection'),
                        })}
                      </span>
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </TableCell>
              <TableCell>
                {p.activations.length === 0 ? (
                  t('packs.notActivated')
                ) : (
                  <UnorderedList className="regie-compact-list">
                    {p.activations.map((a) => (
                      <UnorderedListItem key={a.from}>
                        {windowText(t, a.from, a.to)}
                        {a.recorded_by ? (
                          <span className="regie-cell-note">
                            {t('packs.recordedBy', { name: a.recorded_by.display_name })}
                          </span>
                        ) : null}
                      </UnorderedListItem>
                    ))}
                  </UnorderedList>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * "Beleidsregels": the policy packs (national law, the municipality's own
 * policy) and the windows in which this municipality applies them. Beheer
 * changes the activations; beleid and regisseur read along.
 */
export function PacksPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const { user } = useMe();
  const { resource } = useResource((signal) => listPacks(tenantId, signal), [tenantId]);
  return (
    <>
      <PageHeading title={t('packs.title')} />
      <Flash />
      <Paragraph>{t('packs.intro')}</Paragraph>
      {canManageActivations(user.roles) ? (
        <div className="regie-page-actions">
          <AppButtonLink href={paths.activations(tenantId)} appearance="primary-action-button">
            {t('activations.edit')}
          </AppButtonLink>
        </div>
      ) : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {resource.status === 'ready' && resource.data.length === 0 ? (
        <Paragraph>{t('packs.empty')}</Paragraph>
      ) : null}
      {resource.status === 'ready' && resource.data.length > 0 ? (
        <PackTable tenantId={tenantId} packs={resource.data} />
      ) : null}
    </>
  );
}
