import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { getPack, listPacks, listPersonEvents } from '../../../api/policy';
import type { PersonEvent } from '../../../api/policyTypes';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/translate';
import { recordableEvents } from '../../../lib/eventForm';
import type { EventOption } from '../../../lib/eventForm';
import { useResource } from '../../../lib/useResource';
import { EventForm } from './EventForm';
import { EventsTable } from './EventsTable';
import { VoidEventPanel } from './VoidEventPanel';

type Mode = { name: 'list' } | { name: 'add' } | { name: 'void'; event: PersonEvent };

/**
 * The events the tenant's activated packs let one record. A user who may
 * not read the packs can still record an event by its id.
 */
async function loadOptions(tenantId: number, signal: AbortSignal): Promise<EventOption[]> {
  try {
    const packs = (await listPacks(tenantId, signal)).filter(
      (p) => p.applicable && p.activations.length > 0,
    );
    const details = await Promise.all(packs.map((p) => getPack(tenantId, p.id, signal)));
    return recordableEvents(details);
  } catch (error) {
    if (signal.aborted) throw error;
    return [];
  }
}

interface Props {
  tenantId: number;
  personId: number;
  /** Regisseur or begeleider of a household that is not archived. */
  canRecord: boolean;
  /** Called after an event was recorded or voided. */
  onChanged: () => void;
  /** Loads the events again when it changes (events recorded elsewhere on the page). */
  revision?: number;
}

/** "Gebeurtenissen": what happened to the person and when, as recorded; the milestones follow from it. */
export function EventsSection({ tenantId, personId, canRecord, onChanged, revision = 0 }: Props) {
  const { t } = useI18n();
  const { resource, reload } = useResource(
    (signal) => listPersonEvents(tenantId, personId, signal),
    [tenantId, personId, revision],
  );
  const options = useResource(
    (signal) => (canRecord ? loadOptions(tenantId, signal) : Promise.resolve([])),
    [tenantId, canRecord],
  ).resource;
  const [mode, setMode] = useState<Mode>({ name: 'list' });
  const [done, setDone] = useState<MessageKey | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const formHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  useEffect(() => {
    if (mode.name === 'add') formHeadingRef.current?.focus();
  }, [mode]);

  const finished = (message: MessageKey) => {
    setMode({ name: 'list' });
    setDone(message);
    reload();
    onChanged();
  };
  const events = resource.status === 'ready' ? resource.data : null;

  return (
    <section aria-labelledby="gebeurtenissen" className="regie-events-section">
      <Heading2 id="gebeurtenissen">{t('events.heading')}</Heading2>
      <Paragraph>{t('events.intro')}</Paragraph>
      {done ? (
        <div ref={doneRef} tabIndex={-1} className="regie-focus-target">
          <Alert type="ok">
            <Paragraph>{t(done)}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {events && events.length === 0 ? <Paragraph>{t('events.none')}</Paragraph> : null}
      {events && events.length > 0 ? (
        <EventsTable
          events={events}
          labelledBy="gebeurtenissen"
          onVoid={
            canRecord
              ? (event) => {
                  setDone(null);
                  setMode({ name: 'void', event });
                }
              : undefined
          }
        />
      ) : null}
      {mode.name === 'void' ? (
        <VoidEventPanel
          key={mode.event.id}
          tenantId={tenantId}
          personId={personId}
          event={mode.event}
          onVoided={() => finished('events.voidDone')}
          onCancel={() => setMode({ name: 'list' })}
        />
      ) : null}
      {canRecord && events && mode.name !== 'add' ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            setDone(null);
            setMode({ name: 'add' });
          }}
        >
          {t('events.add')}
        </Button>
      ) : null}
      {canRecord && mode.name === 'add' ? (
        <section aria-labelledby="gebeurtenis-vastleggen" className="regie-confirm-panel">
          <Heading3
            id="gebeurtenis-vastleggen"
            ref={formHeadingRef}
            tabIndex={-1}
            className="regie-h3"
          >
            {t('events.addHeading')}
          </Heading3>
          {options.status === 'loading' ? <Loading /> : null}
          {options.status !== 'loading' ? (
            <EventForm
              tenantId={tenantId}
              personId={personId}
              options={options.status === 'ready' ? options.data : []}
              onSaved={() => finished('events.saved')}
              onCancel={() => setMode({ name: 'list' })}
            />
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
