import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { listOrganisationReferrals } from '../../api/referrals';
import type { ReferralDirection } from '../../api/referrals';
import { CheckboxField, SelectField } from '../../components/form/fields';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useFocusedMessage } from '../../lib/focus';
import { useResource } from '../../lib/useResource';
import { ReferralsTable } from './ReferralsTable';

/**
 * "Verwijzingen" (regisseur, begeleider, partner): the referrals to my
 * organisation (to accept or reject) or from it, newest first, with the
 * actions the server allows on each.
 */
export function ReferralsPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const [direction, setDirection] = useState<ReferralDirection>('incoming');
  const [openOnly, setOpenOnly] = useState(true);
  const changed = useFocusedMessage<string>();
  const { resource, reload } = useResource(
    (signal) => listOrganisationReferrals(tenantId, direction, openOnly, signal),
    [tenantId, direction, openOnly],
  );
  const referrals = resource.status === 'ready' ? resource.data : null;
  return (
    <>
      <PageHeading title={t('referrals.pageTitle')} />
      <Paragraph>{t('referrals.pageIntro')}</Paragraph>
      <SelectField
        name="direction"
        label={t('referrals.direction')}
        value={direction}
        options={[
          { value: 'incoming', label: t('referrals.incoming') },
          { value: 'outgoing', label: t('referrals.outgoing') },
        ]}
        onChange={(v) => setDirection(v === 'outgoing' ? 'outgoing' : 'incoming')}
      />
      <CheckboxField
        name="open"
        label={t('referrals.openOnly')}
        checked={openOnly}
        onChange={setOpenOnly}
      />
      {changed.message ? (
        <div ref={changed.ref} tabIndex={-1} className="regie-focus-target">
          <Alert type="ok">
            <Paragraph>{changed.message}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {referrals ? (
        <Paragraph className="regie-status" role="status" id="verwijzingen-lijst">
          {referrals.length === 0
            ? t('referrals.none')
            : t('referrals.count', { count: referrals.length })}
        </Paragraph>
      ) : null}
      {referrals && referrals.length > 0 ? (
        <ReferralsTable
          tenantId={tenantId}
          referrals={referrals}
          showHousehold
          labelledBy="verwijzingen-lijst"
          onChanged={() => {
            changed.show(t('referrals.changed'));
            reload();
          }}
        />
      ) : null}
    </>
  );
}
