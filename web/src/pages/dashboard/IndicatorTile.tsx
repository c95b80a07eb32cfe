import { Button, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import type { Indicator } from '../../api/indicators';
import type { ChartOption } from '../../components/charts/EChart';
import { EChart } from '../../components/charts/EChart';
import { useI18n } from '../../i18n/i18n';
import {
  cohortLabel,
  cohortTrend,
  isShown,
  percentText,
  shareText,
  totalCell,
} from '../../lib/indicators';
import { ChartPanel } from './ChartPanel';
import { AllWithheldNote, CountValue, StatusBadge } from './figures';
import { TrendTable } from './tables';

interface Props {
  indicator: Indicator;
  onDrillDown: (indicatorId: string) => void;
}

/** One indicator: its share with interval, target and status, and the trend over cohorts. */
export function IndicatorTile({ indicator, onDrillDown }: Props) {
  const { t, lang } = useI18n();
  const total = totalCell(indicator);
  const label = indicator.label[lang] || indicator.label.nl;
  const share = total ? shareText(total, lang) : null;
  const withheld = total !== null && (!isShown(total.satisfied) || !isShown(total.not_satisfied));
  const valueText = share ?? (withheld ? t('dashboard.withheld') : t('dashboard.noData'));
  const trend = useMemo(() => cohortTrend(indicator), [indicator]);
  const status = indicator.judgement?.status ?? null;
  // Small-number protection may hide every cohort: then the chart would show
  // only the target line, so it says why instead.
  const allWithheld = trend.every((p) => p.percent === null);
  const option = useMemo<ChartOption>(() => {
    const cohorts = trend.map((p) => cohortLabel(t, p.cohort));
    const series: ChartOption['series'] = [
      // The band: the lower bound, then the width stacked on top of it.
      {
        type: 'line',
        data: trend.map((p) => p.lower),
        stack: 'band',
        lineStyle: { opacity: 0 },
        symbol: 'none',
        silent: true,
      },
      {
        type: 'line',
        data: trend.map((p) => (p.upper !== null && p.lower !== null ? p.upper - p.lower : null)),
        stack: 'band',
        lineStyle: { opacity: 0 },
        areaStyle: { color: '#1b4b7a', opacity: 0.15 },
        symbol: 'none',
        silent: true,
      },
      {
        type: 'line',
        name: t('dashboard.share'),
        data: trend.map((p) => p.percent),
        symbolSize: 6,
        lineStyle: { color: '#1b4b7a' },
        itemStyle: { color: '#1b4b7a' },
      },
    ];
    if (indicator.target_percent !== null)
      series.push({
        type: 'line',
        name: t('dashboard.target'),
        data: cohorts.map(() => indicator.target_percent),
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#4d4d4d' },
      });
    return {
      grid: { left: 40, right: 12, top: 12, bottom: 28 },
      xAxis: { type: 'category', data: cohorts },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series,
    };
  }, [trend, indicator.target_percent, t]);

  return (
    <article className="regie-tile" aria-labelledby={`tile-${indicator.id}`}>
      <h4 id={`tile-${indicator.id}`} className="regie-tile__title">
        {label}
      </h4>
      <Paragraph className="regie-tile__value">{valueText}</Paragraph>
      {total ? (
        <Paragraph className="regie-tile__counts">
          {t('dashboard.counts.satisfied')}: <CountValue count={total.satisfied} /> ·{' '}
          {t('dashboard.counts.notSatisfied')}: <CountValue count={total.not_satisfied} />
          {indicator.deadline ? (
            <>
              {' '}
              · {t('dashboard.counts.withinWindow')}: <CountValue count={total.within_window} />
            </>
          ) : null}
        </Paragraph>
      ) : null}
      <Paragraph className="regie-tile__target">
        {indicator.target_percent === null &&
        (status === null || status === 'geen_streefwaarde') ? (
          // The status says it already: "Geen streefwaarde" once, not twice.
          <StatusBadge status="geen_streefwaarde" />
        ) : (
          <>
            {indicator.target_percent !== null
              ? t('dashboard.targetValue', { value: percentText(indicator.target_percent, lang) })
              : t('dashboard.noTarget')}{' '}
            <StatusBadge status={status} />
          </>
        )}
      </Paragraph>
      {indicator.judgement ? (
        <details className="regie-tile__rule">
          <summary>{t('dashboard.rule')}</summary>
          <Paragraph>{indicator.judgement.rule[lang] || indicator.judgement.rule.nl}</Paragraph>
        </details>
      ) : null}
      {trend.length > 1 ? (
        <ChartPanel
          headingLevel={4}
          title={t('dashboard.trend')}
          chart={
            allWithheld ? (
              <AllWithheldNote />
            ) : (
              <EChart
                option={option}
                height={160}
                label={t('dashboard.trendLabel', { indicator: label })}
              />
            )
          }
          table={
            <TrendTable
              points={trend}
              caption={t('dashboard.trendCaption', { indicator: label })}
            />
          }
        />
      ) : null}
      <Button
        type="button"
        appearance="secondary-action-button"
        onClick={() => onDrillDown(indicator.id)}
      >
        {t('dashboard.drillDown')}
        <span className="regie-visually-hidden">: {label}</span>
      </Button>
    </article>
  );
}
