import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import {
  finaliseReport,
  getReport,
  listReports,
  reportDownloadHref,
  saveReportText,
} from '../../api/reports';
import type { ProgressReport, ReportText } from '../../api/reports';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime, todayIso } from '../../lib/dates';
import { snapshotText } from '../../lib/indicators';
import {
  duePeriod,
  parsePeriod,
  periodChoices,
  periodCode,
  periodEnded,
  periodLastDay,
} from '../../lib/reportPeriods';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import type { Submission } from '../../lib/useSubmit';

function textKey(t: Pick<ReportText, 'section' | 'organisation_id'>): string {
  return `${t.section}-${t.organisation_id}`;
}

/** One narrative text with its editor; saves against the version it was loaded at. */
function TextEditor({
  tenantId,
  period,
  text,
  editable,
  onSaved,
  onConflict,
}: {
  tenantId: number;
  period: string;
  text: ReportText;
  editable: boolean;
  onSaved: (saved: ReportText) => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(text.text);
  const [saved, setSaved] = useState(false);
  const save = useSubmit(
    () => saveReportText(tenantId, period, { ...text, text: draft }),
    (result) => {
      setSaved(true);
      onSaved(result);
    },
  );
  const conflict = save.error instanceof ApiError && save.error.code === 'report_version_conflict';
  const textInvalid =
    save.error instanceof ApiError && !!save.error.problem?.errors?.some((e) => e.field === 'text');
  const id = `tekst-${textKey(text)}`;
  const label =
    text.organisation_id === 0
      ? t('reports.ownText')
      : t('reports.partnerText', { name: text.organisation_name ?? '' });
  const meta =
    text.version > 0 && text.saved_by
      ? t('reports.savedBy', {
          version: text.version,
          name: text.saved_by.display_name,
          at: formatDateTime(text.saved_at),
        })
      : t('reports.notWritten');
  if (!editable)
    return (
      <div className="regie-report-text">
        <h3 className="utrecht-heading-3">{label}</h3>
        {text.text ? (
          text.text.split(/\n{2,}/).map((p, i) => <Paragraph key={i}>{p}</Paragraph>)
        ) : (
          <Paragraph>{t('reports.notWritten')}</Paragraph>
        )}
        <Paragraph className="regie-muted">{meta}</Paragraph>
      </div>
    );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.submit();
      }}
    >
      <FormField>
        <FormLabel htmlFor={id}>{label}</FormLabel>
        <Paragraph id={`${id}-meta`} className="regie-muted">
          {meta}
        </Paragraph>
        <Textarea
          id={id}
          name={id}
          rows={6}
          value={draft}
          invalid={textInvalid}
          aria-describedby={`${id}-meta`}
          onChange={(e) => {
            setSaved(false);
            setDraft(e.target.value);
          }}
        />
      </FormField>
      {conflict ? (
        <Alert type="warning">
          <Paragraph>{t('reports.conflict')}</Paragraph>
          <Button appearance="secondary-action-button" onClick={onConflict}>
            {t('reports.reload')}
          </Button>
        </Alert>
      ) : save.error ? (
        <ProblemAlert error={save.error} label={(f) => (f === 'text' ? label : undefined)} />
      ) : null}
      {saved ? <Paragraph role="status">{t('reports.saved')}</Paragraph> : null}
      <Button type="submit" appearance="secondary-action-button" busy={save.saving}>
        {t('reports.save')}
      </Button>
    </form>
  );
}

/** The sections without any text yet, in report order. */
function emptySections(report: ProgressReport): ProgressReport['sections'] {
  return report.sections.filter((s) => s.texts.every((x) => x.text.trim() === ''));
}

/**
 * Making the report final: offered only once the half-year has ended; the
 * confirmation names the sections that would go in empty.
 */
function FinaliseSection({
  report,
  today,
  finalise,
  confirming,
  setConfirming,
}: {
  report: ProgressReport;
  today: string;
  finalise: Submission;
  confirming: boolean;
  setConfirming: (on: boolean) => void;
}) {
  const { t } = useI18n();
  const period = parsePeriod(report.period);
  const ended = periodEnded(report.period, today);
  const empty = emptySections(report);
  return (
    <section aria-labelledby="definitief">
      <h2 id="definitief" className="utrecht-heading-2">
        {t('reports.finaliseHeading')}
      </h2>
      <Paragraph>{t('reports.finaliseHelp')}</Paragraph>
      {/* The server's refusal (e.g. period_not_ended) in its own words. */}
      {finalise.error ? <ProblemAlert error={finalise.error} /> : null}
      {!ended && period ? (
        <Paragraph className="regie-finalise-not-yet">
          {t('reports.notEnded', { date: formatDate(periodLastDay(period)) })}
        </Paragraph>
      ) : confirming ? (
        <>
          {empty.length > 0 ? (
            <Alert type="warning">
              <Paragraph>
                {t('reports.emptySections', {
                  sections: empty.map((s) => t(`reports.section.${s.section}`)).join(', '),
                })}
              </Paragraph>
            </Alert>
          ) : null}
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              busy={finalise.saving}
              onClick={finalise.submit}
            >
              {t('reports.finaliseConfirm')}
            </Button>
            <Button appearance="secondary-action-button" onClick={() => setConfirming(false)}>
              {t('reports.cancel')}
            </Button>
          </ButtonGroup>
        </>
      ) : (
        <Button appearance="primary-action-button" onClick={() => setConfirming(true)}>
          {t('reports.finalise')}
        </Button>
      )}
    </section>
  );
}

function ReportView({
  tenantId,
  report,
  today,
  reload,
  replace,
}: {
  tenantId: number;
  report: ProgressReport;
  today: string;
  reload: () => void;
  replace: (r: ProgressReport) => void;
}) {
  const { t, lang } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const finalise = useSubmit(
    () => finaliseReport(tenantId, report.period),
    (r) => {
      setConfirming(false);
      replace(r);
    },
  );
  const final = report.status === 'definitief';
  const updateText = (saved: ReportText) =>
    replace({
      ...report,
      sections: report.sections.map((s) => ({
        ...s,
        texts: s.texts.map((x) => (textKey(x) === textKey(saved) ? saved : x)),
      })),
    });
  return (
    <>
      <dl className="regie-facts">
        <dt>{t('reports.periodDates')}</dt>
        <dd>
          {formatDate(report.first_day)} – {formatDate(report.reference_date)}
        </dd>
        <dt>{t('reports.status')}</dt>
        <dd>
          {final
            ? t('reports.final', {
                at: formatDateTime(report.finalised_at),
                name: report.finalised_by?.display_name ?? '',
              })
            : t('reports.concept')}
        </dd>
        {report.stamp ? (
          <>
            <dt>{t('reports.stamp')}</dt>
            <dd>
              {formatDate(report.stamp.reference_date)} ·{' '}
              {snapshotText(t, lang, report.stamp.snapshot)} ·{' '}
              {report.stamp.packs.map((p) => `${p.id} v${p.version}`).join(', ')}
            </dd>
          </>
        ) : null}
      </dl>
      {!report.access.all_sections ? <Paragraph>{t('reports.partnerIntro')}</Paragraph> : null}
      {report.access.export ? (
        <ButtonGroup>
          <a
            className="utrecht-button utrecht-button--secondary-action"
            href={reportDownloadHref(tenantId, report.period, 'pdf', lang)}
            download
          >
            {t('reports.downloadPdf')}
          </a>
          <a
            className="utrecht-button utrecht-button--secondary-action"
            href={reportDownloadHref(tenantId, report.period, 'html', lang)}
            download
          >
            {t('reports.downloadHtml')}
          </a>
          <a
            className="utrecht-button utrecht-button--secondary-action"
            href={reportDownloadHref(tenantId, report.period, 'xlsx', lang)}
            download
          >
            {t('reports.downloadXlsx')}
          </a>
        </ButtonGroup>
      ) : null}
      {report.sections.map((s) => (
        <section key={s.section} aria-labelledby={`onderdeel-${s.section}`}>
          <h2 id={`onderdeel-${s.section}`} className="utrecht-heading-2">
            {t(`reports.section.${s.section}`)}
          </h2>
          {s.texts.map((x) => (
            <TextEditor
              key={textKey(x)}
              tenantId={tenantId}
              period={report.period}
              text={x}
              editable={
                report.access.write && (report.access.all_sections || x.organisation_id !== 0)
              }
              onSaved={updateText}
              onConflict={reload}
            />
          ))}
        </section>
      ))}
      {report.access.finalise && !final ? (
        <FinaliseSection
          report={report}
          today={today}
          finalise={finalise}
          confirming={confirming}
          setConfirming={setConfirming}
        />
      ) : null}
    </>
  );
}

/** The half-year progress report: pick a period, write the texts, finalise, download. */
export function ReportsPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const today = todayIso();
  const [period, setPeriod] = useState(periodCode(duePeriod(today)));
  const stored = useResource((signal) => listReports(tenantId, signal), [tenantId]);
  const report = useResource((signal) => getReport(tenantId, period, signal), [tenantId, period]);
  const choices = periodChoices(
    today,
    stored.resource.status === 'ready' ? stored.resource.data.items.map((i) => i.period) : [],
  );
  return (
    <>
      <PageHeading title={t('reports.title')} />
      <Paragraph>{t('reports.intro')}</Paragraph>
      <FormField>
        <FormLabel htmlFor="periode">{t('reports.period')}</FormLabel>
        <Select
          id="periode"
          name="periode"
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
        >
          {choices.map((c) => (
            <SelectOption key={c} value={c}>
              {t(c.endsWith('H1') ? 'reports.h1' : 'reports.h2', { year: c.slice(0, 4) })}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      {report.resource.status === 'loading' ? (
        <Loading />
      ) : report.resource.status === 'error' ? (
        <ProblemAlert error={report.resource.error} />
      ) : (
        <ReportView
          key={period}
          tenantId={tenantId}
          report={report.resource.data}
          today={today}
          reload={report.reload}
          replace={report.replace}
        />
      )}
    </>
  );
}
