import {
  Alert,
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { listRegions, setRegionSharing } from '../../api/benchmark';
import type { RegionMembership } from '../../api/benchmark';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { formatDateTime } from '../../lib/dates';
import { useFocusedMessage } from '../../lib/focus';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';

function SharingButton({
  tenantId,
  membership,
  onDone,
}: {
  tenantId: number;
  membership: RegionMembership;
  onDone: (membership: RegionMembership) => void;
}) {
  const { t } = useI18n();
  const { saving, error, submit } = useSubmit(
    () => setRegionSharing(tenantId, membership.region.code, !membership.sharing),
    onDone,
  );
  return (
    <>
      <Button
        appearance={membership.sharing ? 'secondary-action-button' : 'primary-action-button'}
        disabled={saving}
        onClick={submit}
      >
        {membership.sharing
          ? t('regions.stop', { name: membership.region.name })
          : t('regions.start', { name: membership.region.name })}
      </Button>
      {error ? <ProblemAlert error={error} /> : null}
    </>
  );
}

/**
 * "Regio's" (beheer): the regions the municipality belongs to and whether
 * it shares its aggregated, suppressed indicators with each. Opting out
 * stops sharing at once.
 */
export function RegionsPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const { resource, reload } = useResource((signal) => listRegions(tenantId, signal), [tenantId]);
  // The list reloads after a change: focus goes to its confirmation.
  const done = useFocusedMessage<string>();
  const changed = (m: RegionMembership) => {
    done.show(t(m.sharing ? 'regions.started' : 'regions.stopped', { name: m.region.name }));
    reload();
  };
  return (
    <>
      <PageHeading title={t('regions.title')} />
      <Paragraph>{t('regions.intro')}</Paragraph>
      {done.message ? (
        <div ref={done.ref} tabIndex={-1} className="regie-focus-target">
          <Alert type="ok">
            <Paragraph>{done.message}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {resource.status === 'ready' && resource.data.length === 0 ? (
        <Paragraph>{t('regions.empty')}</Paragraph>
      ) : null}
      {resource.status === 'ready' && resource.data.length > 0 ? (
        <div className="regie-table-scroll">
          <Table className="regie-table">
            <TableCaption className="regie-visually-hidden">{t('regions.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('regions.col.region')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('regions.col.sharing')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('regions.col.decided')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('regions.col.action')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {resource.data.map((m) => (
                <TableRow key={m.region.code} data-region={m.region.code}>
                  <TableHeaderCell scope="row">
                    {m.region.name}
                    <span className="regie-cell-note">
                      {t(`regions.kind.${m.region.kind}` as MessageKey)}
                    </span>
                  </TableHeaderCell>
                  <TableCell>
                    {m.sharing ? t('regions.shares') : t('regions.doesNotShare')}
                  </TableCell>
                  <TableCell>
                    {m.decided_at
                      ? t('regions.decided', {
                          date: formatDateTime(m.decided_at),
                          name: m.decided_by?.display_name ?? t('regions.system'),
                        })
                      : '–'}
                  </TableCell>
                  <TableCell>
                    <SharingButton tenantId={tenantId} membership={m} onDone={changed} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}
