import { Button, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { getIndicators, indicatorsExportHref } from '../../api/indicators';
import type { IndicatorView } from '../../api/indicators';
import { FormErrorsContext } from '../../components/form/FormErrors';
import { TextField } from '../../components/form/fields';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { formatDate, parseDateInput } from '../../lib/dates';
import { enumLabel } from '../../lib/enumLabel';
import { fieldErrorsOf, NO_ERRORS } from '../../lib/fieldErrors';
import { countText, groupByTheme, hasWithheld, snapshotText } from '../../lib/indicators';
import { useResource } from '../../lib/useResource';
import { navigate, useLocation } from '../../router/router';
import { paths } from '../../router/routes';
import { DrillDown } from './DrillDown';
import { IndicatorTile } from './IndicatorTile';
import { LadderSection } from './LadderSection';
import { SurvivalSection } from './SurvivalSection';

const DATE_FIELDS = ['on'] as const;

/** The reference date of the URL (?peildatum=jjjj-mm-dd); null is today (the server's). */
export function referenceDateOf(search: string): string | null {
  const value = new URLSearchParams(search).get('peildatum');
  return value ? value : null;
}

function Figures({ tenantId, view }: { tenantId: number; view: IndicatorView }) {
  const { t, lang } = useI18n();
  const [drill, setDrill] = useState({
    indicator: view.indicators[0]?.id ?? '',
    breakdown: 'wijk',
  });
  const drillRef = useRef<HTMLHeadingElement>(null);
  const groups = useMemo(() => groupByTheme(view.indicators), [view.indicators]);
  const on = view.stamp.reference_date;
  const packs = view.stamp.packs.map((p) => `${p.id} v${p.version}`).join(', ');
  return (
    <>
      <Paragraph className="regie-stamp">
        {t('dashboard.stamp', {
          date: formatDate(on),
          packs: packs || t('dashboard.noPacks'),
          snapshot: snapshotText(t, lang, view.stamp.snapshot),
        })}
      </Paragraph>
      <Paragraph>
        {t('dashboard.persons', { count: countText(view.persons, lang) })}{' '}
        {view.suppressed ? t('dashboard.suppressedNote') : t('dashboard.exactNote')}
      </Paragraph>
      {view.suppressed && hasWithheld(view) ? (
        <Paragraph className="regie-chart-note">{t('dashboard.withheldExplanation')}</Paragraph>
      ) : null}
      <div className="regie-page-actions">
        <ButtonLink
          href={indicatorsExportHref(tenantId, { format: 'csv', on })}
          download
          appearance="secondary-action-button"
        >
          {t('dashboard.export.csv')}
        </ButtonLink>
        <ButtonLink
          href={indicatorsExportHref(tenantId, { format: 'xlsx', on })}
          download
          appearance="secondary-action-button"
        >
          {t('dashboard.export.xlsx')}
        </ButtonLink>
      </div>
      <Paragraph className="regie-chart-note">{t('dashboard.export.note')}</Paragraph>

      <section aria-labelledby="indicatoren" className="regie-dashboard-section">
        <h2 id="indicatoren" className="utrecht-heading-2">
          {t('dashboard.indicators')}
        </h2>
        {groups.length === 0 ? <Paragraph>{t('dashboard.noIndicators')}</Paragraph> : null}
        {groups.map((g) => (
          <section key={g.theme} aria-labelledby={`thema-${g.theme}`} className="regie-theme">
            <h3 id={`thema-${g.theme}`} className="utrecht-heading-3">
              {g.isDomain ? enumLabel(t, 'domain', g.theme) : g.theme}
            </h3>
            <div className="regie-tiles">
              {g.indicators.map((i) => (
                <IndicatorTile
                  key={i.id}
                  indicator={i}
                  onDrillDown={(id) => {
                    setDrill((d) => ({ ...d, indicator: id }));
                    drillRef.current?.scrollIntoView({ block: 'start' });
                    drillRef.current?.focus();
                  }}
                />
              ))}
            </div>
          </section>
        ))}
      </section>

      {view.indicators.length > 0 ? (
        <DrillDown
          ref={drillRef}
          tenantId={tenantId}
          view={view}
          indicatorId={drill.indicator}
          breakdown={drill.breakdown}
          onChange={(indicator, breakdown) => setDrill({ indicator, breakdown })}
        />
      ) : null}
      <SurvivalSection survival={view.survival} />
      {view.ladder.available ? <LadderSection quarters={view.ladder.quarters} /> : null}
    </>
  );
}

/**
 * "Dashboard" (beleid, regisseur): the municipality's indicators on a
 * reference date, with intervals, targets and trends; drill-downs; time to
 * milestones; the participatieladder; exports. What is suppressed is the
 * server's decision (beleid and every export; the regisseur sees exact counts).
 */
export function DashboardPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const location = useLocation();
  const on = referenceDateOf(location.search);
  const { resource } = useResource((signal) => getIndicators(tenantId, on, signal), [tenantId, on]);
  const [date, setDate] = useState(() => formatDate(on));
  const errors = useMemo(
    () =>
      resource.status === 'error' && resource.error instanceof ApiError
        ? fieldErrorsOf(resource.error.problem, DATE_FIELDS)
        : NO_ERRORS,
    [resource],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const iso = parseDateInput(date);
    navigate(paths.dashboard(tenantId) + (iso ? `?peildatum=${encodeURIComponent(iso)}` : ''));
  };
  return (
    <>
      <PageHeading title={t('dashboard.title')} />
      <Paragraph>{t('dashboard.intro')}</Paragraph>
      <FormErrorsContext.Provider value={errors}>
        <form
          onSubmit={submit}
          noValidate
          className="regie-filters"
          aria-label={t('dashboard.dateForm')}
        >
          <TextField
            name="on"
            label={t('dashboard.referenceDate')}
            description={t('dashboard.referenceDateHelp')}
            value={date}
            onChange={setDate}
            inputProps={{ autoComplete: 'off', className: 'regie-input-medium' }}
          />
          <Button type="submit" appearance="primary-action-button">
            {t('dashboard.show')}
          </Button>
        </form>
      </FormErrorsContext.Provider>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? (
        <ProblemAlert error={resource.error} shownFields={DATE_FIELDS} />
      ) : null}
      {resource.status === 'ready' ? (
        <Figures
          key={resource.data.stamp.reference_date}
          tenantId={tenantId}
          view={resource.data}
        />
      ) : null}
    </>
  );
}
