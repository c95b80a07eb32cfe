import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { listOrganisations } from '../../api/regie';
import { listHouseholdSignals } from '../../api/signals';
import type { Signal } from '../../api/signals';
import type { Household } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { usePageMessageSlot } from '../../lib/pageMessages';
import { useFocusedMessage, useReturnFocus } from '../../lib/focus';
import { useResource } from '../../lib/useResource';
import { SignalForm } from '../signals/SignalForm';
import { SignalsTable } from '../signals/SignalsTable';

/**
 * "Signalen" of a household: everyone involved sees the signals as the server
 * filters them and may file one (the server says so in may_file); the
 * regisseur and the routed organisation act on them.
 */
export function SignalsSection({ household }: { household: Household }) {
  const { t } = useI18n();
  const { tenant_id: tenantId, id: householdId } = household;
  const { resource, reload } = useResource(
    (signal) => listHouseholdSignals(tenantId, householdId, signal),
    [tenantId, householdId],
  );
  const regisseur = household.access.relationship === 'regisseur';
  const organisations = useResource(
    (signal) => (regisseur ? listOrganisations(tenantId, signal) : Promise.resolve([])),
    [tenantId, regisseur],
  );
  const [adding, setAdding] = useState(false);
  // Cancelling the form takes focus back to the button that opened it.
  const addButtonRef = useReturnFocus<HTMLButtonElement>(adding);
  const {
    message,
    show: setMessage,
    clear: clearMessage,
    ref: messageRef,
  } = useFocusedMessage<string>();
  const slot = usePageMessageSlot();
  const show = (text: string) => {
    setMessage(text);
    slot.claim();
  };
  const formHeadingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (adding) formHeadingRef.current?.focus();
  }, [adding]);
  const data = resource.status === 'ready' ? resource.data : null;
  const orgs = organisations.resource.status === 'ready' ? organisations.resource.data : [];
  const onChanged = () => {
    show(t('signals.changed'));
    reload();
  };

  return (
    <section aria-labelledby="signalen" className="regie-signals-section">
      <Heading2 id="signalen">{t('signals.heading')}</Heading2>
      {message && slot.visible ? (
        <div ref={messageRef} tabIndex={-1} className="regie-focus-target">
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {data && data.items.length === 0 ? <Paragraph>{t('signals.none')}</Paragraph> : null}
      {data && data.items.length > 0 ? (
        <SignalsTable
          tenantId={tenantId}
          signals={data.items}
          showHousehold={false}
          organisations={orgs}
          labelledBy="signalen"
          onChanged={onChanged}
          onOpenAction={() => {
            clearMessage();
            slot.claim();
          }}
        />
      ) : null}
      {data?.may_file && !household.archived && !adding ? (
        <Button
          ref={addButtonRef}
          appearance="secondary-action-button"
          onClick={() => {
            clearMessage();
            slot.claim();
            setAdding(true);
          }}
        >
          {t('signals.add')}
        </Button>
      ) : null}
      {data?.may_file && adding ? (
        <section aria-labelledby="signaal-indienen" className="regie-confirm-panel">
          <Heading3 id="signaal-indienen" ref={formHeadingRef} tabIndex={-1} className="regie-h3">
            {t('signals.addHeading')}
          </Heading3>
          <SignalForm
            tenantId={tenantId}
            householdId={householdId}
            persons={household.persons}
            organisations={regisseur ? orgs : null}
            onSaved={(s: Signal) => {
              setAdding(false);
              show(t('signals.saved', { organisation: s.routed_to?.name ?? '' }));
              reload();
            }}
            onCancel={() => setAdding(false)}
          />
        </section>
      ) : null}
    </section>
  );
}
