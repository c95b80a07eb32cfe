import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { listOrganisations } from '../../api/regie';
import { listMySignals } from '../../api/signals';
import { CheckboxField } from '../../components/form/fields';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useFocusedMessage } from '../../lib/focus';
import { useResource } from '../../lib/useResource';
import { SignalsTable } from './SignalsTable';

/**
 * "Signalen" (receiving organisations: regisseur, begeleider, partner): the
 * signals routed to my organisation or filed by me, newest first, with the
 * actions the server allows on each.
 */
export function SignalsPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const [openOnly, setOpenOnly] = useState(true);
  const changed = useFocusedMessage<string>();
  const { resource, reload } = useResource(
    (signal) => listMySignals(tenantId, openOnly, signal),
    [tenantId, openOnly],
  );
  const organisations = useResource((signal) => listOrganisations(tenantId, signal), [tenantId]);
  const signals = resource.status === 'ready' ? resource.data : null;
  return (
    <>
      <PageHeading title={t('signals.pageTitle')} />
      <Paragraph>{t('signals.pageIntro')}</Paragraph>
      <CheckboxField
        name="open"
        label={t('signals.openOnly')}
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
      {signals ? (
        <Paragraph className="regie-status" role="status" id="signalen-lijst">
          {signals.length === 0 ? t('signals.none') : t('signals.count', { count: signals.length })}
        </Paragraph>
      ) : null}
      {signals && signals.length > 0 ? (
        <SignalsTable
          tenantId={tenantId}
          signals={signals}
          showHousehold
          organisations={
            organisations.resource.status === 'ready' ? organisations.resource.data : []
          }
          labelledBy="signalen-lijst"
          onChanged={() => {
            changed.show(t('signals.changed'));
            reload();
          }}
        />
      ) : null}
    </>
  );
}
