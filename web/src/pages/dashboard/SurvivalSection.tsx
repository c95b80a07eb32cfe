import { Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import type { Curve, Survival } from '../../api/indicators';
import type { ChartOption } from '../../components/charts/EChart';
import { CHART_COLOURS, EChart } from '../../components/charts/EChart';
import { SelectField } from '../../components/form/fields';
import { useI18n } from '../../i18n/i18n';
import type { Translate } from '../../i18n/i18n';
import type { Lang } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/translate';
import { cohortLabel, weeks } from '../../lib/indicators';
import { survivalCohorts, survivalTooltip } from '../../lib/survival';
import type { TooltipParam } from '../../lib/survival';
import { ChartPanel } from './ChartPanel';
import { CountValue } from './figures';
import { SurvivalTable } from './tables';

// The band's two helper series come first; the tooltip leaves them out.
const BAND_SERIES = 2;

// Kaplan-Meier as "share that reached the event", 1 - S(t), in percent:
// the question the policy officer asks ("how many have work after a year?").
function reached(curve: Curve, pick: (p: Curve['points'][number]) => number): [number, number][] {
  return [[0, 0], ...curve.points.map((p): [number, number] => [weeks(p.t), 100 * (1 - pick(p))])];
}

function option(survival: Survival, t: Translate, lang: Lang): ChartOption {
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  const total = survival.total;
  const series: ChartOption['series'] = [
    // The 95% band of the total: its lower edge, then its width stacked on it.
    {
      type: 'line',
      step: 'end',
      data: reached(total, (p) => p.upper),
      stack: 'band',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      silent: true,
    },
    {
      type: 'line',
      step: 'end',
      data: total.points.length
        ? [
            [0, 0],
            ...total.points.map((p): [number, number] => [weeks(p.t), 100 * (p.upper - p.lower)]),
          ]
        : [],
      stack: 'band',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: { color: CHART_COLOURS[0], opacity: 0.15 },
      silent: true,
    },
    {
      type: 'line',
      step: 'end',
      name: t('dashboard.survival.total'),
      data: reached(total, (p) => p.s),
      symbol: 'none',
      lineStyle: { width: 3, color: CHART_COLOURS[0] },
      itemStyle: { color: CHART_COLOURS[0] },
    },
    ...survivalCohorts(survival).map((c, i) => ({
      type: 'line' as const,
      step: 'end' as const,
      name: cohortLabel(t, c.cohort),
      data: reached(c.curve, (p) => p.s),
      symbol: 'none',
      lineStyle: {
        width: 1.5,
        color: CHART_COLOURS[(i + 1) % CHART_COLOURS.length],
        type: i + 1 >= CHART_COLOURS.length ? ('dashed' as const) : ('solid' as const),
      },
      itemStyle: { color: CHART_COLOURS[(i + 1) % CHART_COLOURS.length] },
    })),
  ];
  return {
    grid: { left: 48, right: 16, top: 40, bottom: 40 },
    legend: { top: 0, type: 'plain' },
    tooltip: {
      trigger: 'axis',
      formatter: (params) =>
        survivalTooltip(
          params as TooltipParam | TooltipParam[],
          lang,
          t('dashboard.survival.weeks'),
          BAND_SERIES,
        ),
    },
    xAxis: {
      type: 'value',
      name: t('dashboard.survival.weeks'),
      nameLocation: 'middle',
      nameGap: 26,
      axisLabel: { formatter: (value: number) => value.toLocaleString(locale) },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series,
  };
}

function MedianText({ curve }: { curve: Curve }) {
  const { t, lang } = useI18n();
  const m = curve.median;
  const w = (d: number | null) =>
    d === null ? t('dashboard.survival.notReached') : weeks(d).toLocaleString(lang);
  if (m.days === null) return <>{t('dashboard.survival.medianNotReached')}</>;
  return (
    <>
      {t('dashboard.survival.median', { median: w(m.days), lower: w(m.lower), upper: w(m.upper) })}
    </>
  );
}

/** Time from housing to a milestone: Kaplan-Meier curves per measure. */
export function SurvivalSection({ survival }: { survival: readonly Survival[] }) {
  const { t, lang } = useI18n();
  const available = survival.filter((s) => s.available);
  const [measure, setMeasure] = useState(available[0]?.measure ?? '');
  const chosen = available.find((s) => s.measure === measure) ?? available[0];
  const chartOption = useMemo(() => (chosen ? option(chosen, t, lang) : null), [chosen, t, lang]);
  const missing = survival.filter((s) => !s.available);
  const measureLabel = (code: string) => t(`dashboard.survival.measure.${code}` as MessageKey);
  return (
    <section aria-labelledby="tijd-tot" className="regie-dashboard-section">
      <h2 id="tijd-tot" className="utrecht-heading-2">
        {t('dashboard.survival.title')}
      </h2>
      <Paragraph>{t('dashboard.survival.intro')}</Paragraph>
      {chosen && chartOption ? (
        <>
          <SelectField
            name="measure"
            label={t('dashboard.survival.measureLabel')}
            value={chosen.measure}
            options={available.map((s) => ({ value: s.measure, label: measureLabel(s.measure) }))}
            onChange={setMeasure}
          />
          <ChartPanel
            title={measureLabel(chosen.measure)}
            description={
              <Paragraph className="regie-chart-note">
                {t('dashboard.survival.persons')}: <CountValue count={chosen.total.n} /> ·{' '}
                <MedianText curve={chosen.total} />
              </Paragraph>
            }
            chart={
              <EChart
                option={chartOption}
                height={320}
                label={t('dashboard.survival.chartLabel', {
                  measure: measureLabel(chosen.measure),
                })}
              />
            }
            table={
              <SurvivalTable
                survival={chosen}
                caption={t('dashboard.survival.tableCaption', {
                  measure: measureLabel(chosen.measure),
                })}
              />
            }
          />
        </>
      ) : (
        <Paragraph>{t('dashboard.survival.none')}</Paragraph>
      )}
      {missing.length > 0 ? (
        <Paragraph className="regie-chart-note">
          {t('dashboard.survival.unavailable', {
            measures: missing.map((s) => measureLabel(s.measure)).join(', '),
          })}
        </Paragraph>
      ) : null}
    </section>
  );
}
