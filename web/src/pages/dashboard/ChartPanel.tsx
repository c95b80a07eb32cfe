import { Button } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

interface Props {
  title: string;
  /** The chart; `table` shows the same numbers. */
  chart: ReactNode;
  table: ReactNode;
  /** Shown under the title, e.g. how to read the band. */
  description?: ReactNode;
  headingLevel?: 3 | 4;
}

/**
 * A chart with a "Tabel" toggle that swaps it for a table of the same
 * numbers: the accessible view, and the one to copy figures from.
 */
export function ChartPanel({ title, chart, table, description, headingLevel = 3 }: Props) {
  const { t } = useI18n();
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <section className="regie-chart-panel" aria-labelledby={`${id}-title`}>
      <div className="regie-chart-panel__head">
        <Heading id={`${id}-title`} className={`utrecht-heading-${headingLevel}`}>
          {title}
        </Heading>
        <Button
          type="button"
          appearance="subtle-button"
          aria-pressed={showTable}
          aria-controls={`${id}-body`}
          onClick={() => setShowTable((v) => !v)}
        >
          {t('dashboard.tableToggle')}
        </Button>
      </div>
      {description}
      <div id={`${id}-body`}>{showTable ? table : chart}</div>
    </section>
  );
}
