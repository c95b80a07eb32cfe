import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/client';
import { listAssessments } from '../../../api/assessments';
import type { Assessment } from '../../../api/assessments';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/translate';
import { recordScope } from '../../../lib/assessmentForm';
import { useResource } from '../../../lib/useResource';
import { FermWerkOverview, LadderOverview, ZrmOverview } from './AssessmentCharts';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentsTable } from './AssessmentsTable';
import { VoidAssessmentPanel } from './VoidAssessmentPanel';

type Mode = { name: 'list' } | { name: 'add' } | { name: 'void'; assessment: Assessment };

interface Props {
  tenantId: number;
  personId: number;
  /** Regisseur or begeleider of a household that is not archived. */
  canRecord: boolean;
  /** Called after a rung or outcome may have been recorded or voided as a policy event too. */
  onEventsChanged?: () => void;
}

/**
 * "Metingen": the ZRM, the participatieladder and the Ferm Werk outcome over
 * time, each chart with a table of the same data, and the history of every
 * assessment. A user the server refuses (403: none of the categories shared)
 * does not see the section at all.
 */
export function AssessmentsSection({ tenantId, personId, canRecord, onEventsChanged }: Props) {
  const { t } = useI18n();
  const { resource, reload } = useResource(
    (signal) => listAssessments(tenantId, personId, signal),
    [tenantId, personId],
  );
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

  if (
    resource.status === 'error' &&
    resource.error instanceof ApiError &&
    resource.error.status === 403
  )
    return null;

  const finished = (message: MessageKey, eventsChanged: boolean) => {
    setMode({ name: 'list' });
    setDone(message);
    reload();
    if (eventsChanged) onEventsChanged?.();
  };
  const data = resource.status === 'ready' ? resource.data : null;
  const domainCodes = data ? data.zrm_domains.map((d) => d.code) : [];
  const hiddenDomains = data ? data.zrm_domains.filter((d) => !d.visible).length : 0;
  const scope = data ? recordScope(data) : null;

  return (
    <section aria-labelledby="metingen" className="regie-assessments-section">
      <Heading2 id="metingen">{t('assessments.heading')}</Heading2>
      <Paragraph>{t('assessments.intro')}</Paragraph>
      {done ? (
        <div ref={doneRef} tabIndex={-1} className="regie-focus-target">
          <Alert type="ok">
            <Paragraph>{t(done)}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {data ? (
        <>
          {hiddenDomains > 0 ? (
            <Paragraph className="regie-shielded-legend">
              {t('assessments.hiddenDomains', { count: hiddenDomains })}
            </Paragraph>
          ) : null}
          {!data.ladder_visible ? (
            <Paragraph className="regie-shielded-legend">{t('assessments.ladderHidden')}</Paragraph>
          ) : null}
          {hiddenDomains < data.zrm_domains.length ? (
            <ZrmOverview items={data.items} domains={domainCodes} />
          ) : null}
          {data.ladder_visible ? (
            <>
              <LadderOverview items={data.items} />
              <FermWerkOverview items={data.items} />
            </>
          ) : null}
          <Heading3 id="alle-metingen" className="regie-h3">
            {t('assessments.history.heading')}
          </Heading3>
          {data.items.length === 0 ? (
            <Paragraph>{t('assessments.none')}</Paragraph>
          ) : (
            <AssessmentsTable
              items={data.items}
              labelledBy="alle-metingen"
              onVoid={
                canRecord
                  ? (assessment) => {
                      setDone(null);
                      setMode({ name: 'void', assessment });
                    }
                  : undefined
              }
            />
          )}
        </>
      ) : null}
      {mode.name === 'void' ? (
        <VoidAssessmentPanel
          key={mode.assessment.id}
          tenantId={tenantId}
          personId={personId}
          assessment={mode.assessment}
          onVoided={(a) => finished('assessments.voidDone', a.kind !== 'zrm')}
          onCancel={() => setMode({ name: 'list' })}
        />
      ) : null}
      {canRecord && scope && scope.kinds.length > 0 && mode.name !== 'add' ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            setDone(null);
            setMode({ name: 'add' });
          }}
        >
          {t('assessments.add')}
        </Button>
      ) : null}
      {canRecord && scope && mode.name === 'add' ? (
        <section aria-labelledby="meting-vastleggen" className="regie-confirm-panel">
          <Heading3 id="meting-vastleggen" ref={formHeadingRef} tabIndex={-1} className="regie-h3">
            {t('assessments.addHeading')}
          </Heading3>
          <AssessmentForm
            tenantId={tenantId}
            personId={personId}
            scope={scope}
            onSaved={(a) =>
              finished(
                a.event_recorded ? 'assessments.savedWithEvent' : 'assessments.saved',
                !!a.event_recorded,
              )
            }
            onCancel={() => setMode({ name: 'list' })}
          />
        </section>
      ) : null}
    </section>
  );
}
