import { ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { forwardRef } from 'react';
import type { IndicatorView } from '../../api/indicators';
import { indicatorsExportHref } from '../../api/indicators';
import { SelectField } from '../../components/form/fields';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { BREAKDOWNS, breakdownCells } from '../../lib/indicators';
import { CellsTable } from './tables';

interface Props {
  tenantId: number;
  view: IndicatorView;
  indicatorId: string;
  breakdown: string;
  onChange: (indicatorId: string, breakdown: string) => void;
}

/** One indicator broken down by a dimension (or cohort x wijk), with its export. */
export const DrillDown = forwardRef<HTMLHeadingElement, Props>(function DrillDown(
  { tenantId, view, indicatorId, breakdown, onChange },
  headingRef,
) {
  const { t, lang } = useI18n();
  const indicator = view.indicators.find((i) => i.id === indicatorId) ?? view.indicators[0];
  if (!indicator) return null;
  const dimensionLabel = (code: string) => t(`dashboard.dimension.${code}` as MessageKey);
  const breakdownLabel = (code: string) => code.split(',').map(dimensionLabel).join(' × ');
  const cells = breakdownCells(indicator, breakdown);
  const label = indicator.label[lang] || indicator.label.nl;
  const on = view.stamp.reference_date;
  return (
    <section aria-labelledby="uitsplitsing" className="regie-dashboard-section">
      <h2 id="uitsplitsing" ref={headingRef} tabIndex={-1} className="utrecht-heading-2">
        {t('dashboard.drill.title')}
      </h2>
      <div className="regie-filter-grid">
        <SelectField
          name="indicator"
          label={t('dashboard.drill.indicator')}
          value={indicator.id}
          options={view.indicators.map((i) => ({
            value: i.id,
            label: i.label[lang] || i.label.nl,
          }))}
          onChange={(id) => onChange(id, breakdown)}
        />
        <SelectField
          name="breakdown"
          label={t('dashboard.drill.breakdown')}
          value={breakdown}
          options={BREAKDOWNS.map((b) => ({ value: b, label: breakdownLabel(b) }))}
          onChange={(b) => onChange(indicator.id, b)}
        />
      </div>
      {cells.length === 0 ? (
        <Paragraph>{t('dashboard.drill.empty')}</Paragraph>
      ) : (
        <CellsTable
          cells={cells}
          deadline={indicator.deadline}
          dimensions={breakdown.split(',').map((code) => ({ code, label: dimensionLabel(code) }))}
          caption={t('dashboard.drill.caption', {
            indicator: label,
            breakdown: breakdownLabel(breakdown),
          })}
        />
      )}
      <div className="regie-page-actions">
        <ButtonLink
          href={indicatorsExportHref(tenantId, {
            format: 'csv',
            on,
            indicator: indicator.id,
            breakdown,
          })}
          download
          appearance="secondary-action-button"
        >
          {t('dashboard.export.viewCsv')}
        </ButtonLink>
        <ButtonLink
          href={indicatorsExportHref(tenantId, {
            format: 'xlsx',
            on,
            indicator: indicator.id,
            breakdown,
          })}
          download
          appearance="secondary-action-button"
        >
          {t('dashboard.export.viewXlsx')}
        </ButtonLink>
      </div>
    </section>
  );
});
