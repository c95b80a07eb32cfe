import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { listSharingBases } from '../../api/access';
import { listHouseholdReferrals, listReferralTemplates } from '../../api/referrals';
import type { Referral } from '../../api/referrals';
import { listOrganisations } from '../../api/regie';
import type { Household, SharingBasis } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { usePageMessageSlot } from '../../lib/pageMessages';
import { useFocusedMessage, useReturnFocus } from '../../lib/focus';
import { useResource } from '../../lib/useResource';
import { useMe } from '../../session/session';
import { ReferralForm } from '../referrals/ReferralForm';
import { ReferralsTable } from '../referrals/ReferralsTable';

/**
 * "Verwijzingen" of a household: the referrals as the server filters them;
 * the regisseur and assigned begeleiders refer (the server says so in
 * may_refer), from a warm-handover template or freely.
 */
export function ReferralsSection({ household }: { household: Household }) {
  const { t } = useI18n();
  const { user } = useMe();
  const { tenant_id: tenantId, id: householdId } = household;
  const { resource, reload } = useResource(
    (signal) => listHouseholdReferrals(tenantId, householdId, signal),
    [tenantId, householdId],
  );
  const data = resource.status === 'ready' ? resource.data : null;
  const mayRefer = Boolean(data?.may_refer) && !household.archived;
  const [adding, setAdding] = useState(false);
  // Cancelling the form takes focus back to the button that opened it.
  const addButtonRef = useReturnFocus<HTMLButtonElement>(adding);
  // What the form needs, read only once the caller opens it.
  const extras = useResource(
    async (signal) => {
      if (!adding) return null;
      const [organisations, templates] = await Promise.all([
        listOrganisations(tenantId, signal),
        listReferralTemplates(tenantId, signal),
      ]);
      // Without the bases the form still works; the server checks coverage.
      let bases: SharingBasis[] | null = [];
      try {
        const lists = await Promise.all(
          household.persons.map((p) => listSharingBases(tenantId, p.id, signal)),
        );
        bases = lists.flat();
      } catch {
        bases = null;
      }
      return { organisations, templates, bases };
    },
    [tenantId, adding, household.persons],
  );
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
  const ready = extras.resource.status === 'ready' ? extras.resource.data : null;

  return (
    <section aria-labelledby="verwijzingen" className="regie-referrals-section">
      <Heading2 id="verwijzingen">{t('referrals.heading')}</Heading2>
      {message && slot.visible ? (
        <div ref={messageRef} tabIndex={-1} className="regie-focus-target">
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {data && data.items.length === 0 ? <Paragraph>{t('referrals.none')}</Paragraph> : null}
      {data && data.items.length > 0 ? (
        <ReferralsTable
          tenantId={tenantId}
          referrals={data.items}
          showHousehold={false}
          labelledBy="verwijzingen"
          onOpenAction={() => {
            clearMessage();
            slot.claim();
          }}
          onChanged={() => {
            show(t('referrals.changed'));
            reload();
          }}
        />
      ) : null}
      {mayRefer && !adding ? (
        <Button
          ref={addButtonRef}
          appearance="secondary-action-button"
          onClick={() => {
            clearMessage();
            slot.claim();
            setAdding(true);
          }}
        >
          {t('referrals.add')}
        </Button>
      ) : null}
      {mayRefer && adding ? (
        <section aria-labelledby="verwijzing-maken" className="regie-confirm-panel">
          <Heading3 id="verwijzing-maken" ref={formHeadingRef} tabIndex={-1} className="regie-h3">
            {t('referrals.addHeading')}
          </Heading3>
          {extras.resource.status === 'loading' ? <Loading /> : null}
          {extras.resource.status === 'error' ? (
            <ProblemAlert error={extras.resource.error} />
          ) : null}
          {ready ? (
            <ReferralForm
              tenantId={tenantId}
              householdId={householdId}
              persons={household.persons}
              organisations={ready.organisations}
              ownOrganisationId={user.organisation.id}
              templates={ready.templates}
              bases={ready.bases}
              onSaved={(r: Referral) => {
                setAdding(false);
                show(t('referrals.saved', { organisation: r.to_organisation.name ?? '' }));
                reload();
              }}
              onCancel={() => setAdding(false)}
            />
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
