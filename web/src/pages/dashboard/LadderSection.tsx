import { Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import type { LadderQuarter } from '../../api/indicators';
import type { ChartOption } from '../../components/charts/EChart';
import { EChart } from '../../components/charts/EChart';
import { SelectField } from '../../components/form/fields';
import { useI18n } from '../../i18n/i18n';
import { isShown } from '../../lib/indicators';
import { ChartPanel } from './ChartPanel';
import { AllWithheldNote, CountValue } from './figures';
import { LadderTable, RUNGS, rungLabel, TransitionsTable } from './tables';

// Rung 0 (nothing recorded) grey, then light to dark: an ordered scale.
const RUNG_COLOURS = ['#9e9e9e', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c', '#08306b'];

/** The participatieladder: rungs per quarter (stacked bars) and the flow between quarters. */
export function LadderSection({ quarters }: { quarters: readonly LadderQuarter[] }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(quarters[quarters.length - 1]?.label ?? '');
  const quarter = quarters.find((q) => q.label === chosen) ?? quarters[quarters.length - 1];
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 96 },
      legend: { bottom: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: quarters.map((q) => q.label) },
      yAxis: { type: 'value' },
      series: RUNGS.map((r) => ({
        type: 'bar' as const,
        stack: 'rungs',
        name: rungLabel(t, r),
        itemStyle: { color: RUNG_COLOURS[r] },
        // A withheld count is not drawn (the table shows "<5").
        data: quarters.map((q) => {
          const c = q.distribution[r];
          return c && isShown(c) ? c.value : null;
        }),
      })),
    }),
    [quarters, t],
  );
  const previous = quarter ? quarters[quarters.indexOf(quarter) - 1] : undefined;
  return (
    <section aria-labelledby="ladder" className="regie-dashboard-section">
      <h2 id="ladder" className="utrecht-heading-2">
        {t('dashboard.ladder.title')}
      </h2>
      <Paragraph>{t('dashboard.ladder.intro')}</Paragraph>
      <ChartPanel
        title={t('dashboard.ladder.distribution')}
        chart={
          quarters.length > 0 && quarters.every((q) => q.distribution.every((c) => !isShown(c))) ? (
            <AllWithheldNote />
          ) : (
            <EChart option={option} height={360} label={t('dashboard.ladder.chartLabel')} />
          )
        }
        table={<LadderTable quarters={quarters} caption={t('dashboard.ladder.distribution')} />}
      />
      {quarter ? (
        <>
          <h3 className="utrecht-heading-3">{t('dashboard.ladder.transitions')}</h3>
          <SelectField
            name="quarter"
            label={t('dashboard.ladder.quarter')}
            value={quarter.label}
            options={quarters.map((q) => ({ value: q.label, label: q.label }))}
            onChange={setChosen}
          />
          {previous ? (
            <>
              <Paragraph>
                {t('dashboard.ladder.flow', { from: previous.label, to: quarter.label })}{' '}
                {t('dashboard.ladder.up')}: <CountValue count={quarter.up} /> ·{' '}
                {t('dashboard.ladder.down')}: <CountValue count={quarter.down} /> ·{' '}
                {t('dashboard.ladder.same')}: <CountValue count={quarter.same} /> ·{' '}
                {t('dashboard.ladder.firstRung')}: <CountValue count={quarter.first_rung} />
              </Paragraph>
              <TransitionsTable
                quarter={quarter}
                caption={t('dashboard.ladder.transitionsCaption', {
                  from: previous.label,
                  to: quarter.label,
                })}
              />
            </>
          ) : (
            <Paragraph>{t('dashboard.ladder.firstQuarter')}</Paragraph>
          )}
        </>
      ) : null}
    </section>
  );
}
