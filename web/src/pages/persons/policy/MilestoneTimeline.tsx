import { Alert, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { getTimeline } from '../../../api/policy';
import { CheckboxField } from '../../../components/form/fields';
import { Loading } from '../../../components/Loading';
import { ReferenceDateForm } from '../../../components/policy/ReferenceDateForm';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useI18n } from '../../../i18n/i18n';
import { formatDate, todayIso } from '../../../lib/dates';
import { groupByBand, notApplicableCount } from '../../../lib/milestones';
import { useResource } from '../../../lib/useResource';
import { CadenceTable } from './CadenceTable';
import { MilestoneTable } from './MilestoneTable';

function bandHeadingId(key: string): string {
  return `periode-${key.replace('+', 'plus')}`;
}

interface Props {
  tenantId: number;
  personId: number;
  /** Changes after an event was recorded or voided: the timeline loads again. */
  revision: number;
}

/**
 * "Mijlpalen": the milestones of the packs the municipality applies, on a
 * reference date, grouped by the period after housing of seed 000 §5.3,
 * and the recurring appointments. A caller who does not see a person date
 * the packs count from (`dates_withheld`) gets today only and without what
 * is due from that date: the page says so instead of offering a reference
 * date the server refuses.
 */
export function MilestoneTimeline({ tenantId, personId, revision }: Props) {
  const { t } = useI18n();
  // Null: the server's today, so that a caller held to today is not refused
  // when the browser's date differs from the server's (around midnight).
  const [on, setOn] = useState<string | null>(null);
  const [showNotApplicable, setShowNotApplicable] = useState(false);
  const { resource } = useResource(
    (signal) => getTimeline(tenantId, personId, on, signal),
    [tenantId, personId, on, revision],
  );
  const data = resource.status === 'ready' ? resource.data : null;
  // Remembered while the timeline loads again, so the form does not flash.
  const [withheld, setWithheld] = useState(false);
  if (data && data.dates_withheld !== withheld) setWithheld(data.dates_withheld);
  const forbidden =
    resource.status === 'error' &&
    resource.error instanceof ApiError &&
    resource.error.status === 403;
  const groups = data ? groupByBand(data.milestones, showNotApplicable) : [];
  const cadences = data
    ? data.cadences.filter((c) => showNotApplicable || c.status !== 'niet_van_toepassing')
    : [];
  const hidden = data ? notApplicableCount([...data.milestones, ...data.cadences]) : 0;

  return (
    <section aria-labelledby="mijlpalen" className="regie-timeline">
      <Heading2 id="mijlpalen">{t('milestones.heading')}</Heading2>
      <Paragraph>{t('milestones.intro')}</Paragraph>
      {withheld ? (
        <Paragraph className="regie-notice regie-dates-withheld">
          {t('milestones.datesWithheld')}
        </Paragraph>
      ) : (
        <ReferenceDateForm value={on ?? todayIso()} onChange={setOn} />
      )}
      {resource.status === 'loading' ? <Loading /> : null}
      {forbidden ? <Paragraph>{t('milestones.forbidden')}</Paragraph> : null}
      {resource.status === 'error' && !forbidden ? <ProblemAlert error={resource.error} /> : null}
      {data ? (
        <>
          <Paragraph className="regie-status" role="status">
            {t('milestones.stateOn', { date: formatDate(data.on) })}{' '}
            {data.housing_date
              ? t('milestones.housedOn', { date: formatDate(data.housing_date) })
              : data.dates_withheld
                ? null
                : t('milestones.notHoused')}
          </Paragraph>
          {data.unknown_events.length > 0 ? (
            <Alert type="info" className="regie-notice regie-unknown-events">
              <Paragraph>
                {t('milestones.unknownEvents', { events: data.unknown_events.join(', ') })}
              </Paragraph>
            </Alert>
          ) : null}
          {hidden > 0 ? (
            <CheckboxField
              name="toon_niet_van_toepassing"
              label={t('milestones.showNotApplicable', { count: hidden })}
              checked={showNotApplicable}
              onChange={setShowNotApplicable}
            />
          ) : null}
          {groups.length === 0 ? <Paragraph>{t('milestones.none')}</Paragraph> : null}
          {groups.map((group) => (
            <div key={group.key} className="regie-band">
              <Heading3 id={bandHeadingId(group.key)} className="regie-h3">
                {t(`milestones.band.${group.key}`)}
              </Heading3>
              <MilestoneTable
                tenantId={tenantId}
                items={group.items}
                labelledBy={bandHeadingId(group.key)}
              />
            </div>
          ))}
          {cadences.length > 0 ? (
            <>
              <Heading3 id="terugkerende-afspraken" className="regie-h3">
                {t('cadences.heading')}
              </Heading3>
              <CadenceTable
                tenantId={tenantId}
                items={cadences}
                labelledBy="terugkerende-afspraken"
              />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
