import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Count, Indicator, IndicatorCell } from '../../api/indicators';
import { renderWithI18n } from '../../test/render';
import { IndicatorTile } from './IndicatorTile';

const LT5: Count = { text: '<5', state: 'below_threshold' };

function cell(values: string[], shown: boolean): IndicatorCell {
  return {
    values,
    satisfied: shown ? { value: 8 } : LT5,
    not_satisfied: shown ? { value: 9 } : LT5,
    within_window: { value: 0 },
    anchor_missing: { value: 0 },
    total: shown ? { value: 17 } : LT5,
    percent: shown ? 47.1 : null,
    interval: shown ? { lower: 26.2, upper: 69 } : null,
    target_status: null,
  };
}

function indicator(overrides: Partial<Indicator>, cohortsShown: boolean): Indicator {
  return {
    id: 'pv',
    label: { nl: 'Participatieverklaring ondertekend', en: 'Participation statement signed' },
    domain: 'normen_waarden',
    theme: 'Participatie',
    pack: { id: 'dalfsen-2017', version: 1 },
    deadline: false,
    target_percent: 80,
    judgement: null,
    breakdowns: [
      { breakdown: 'totaal', dimensions: ['totaal'], cells: [cell(['totaal'], true)] },
      {
        breakdown: 'cohort',
        dimensions: ['cohort'],
        cells: [cell(['2017H2'], cohortsShown), cell(['2018H1'], cohortsShown)],
      },
    ],
    ...overrides,
  };
}

describe('IndicatorTile', () => {
  it('says "Geen streefwaarde" once for an indicator without a target', () => {
    renderWithI18n(
      <IndicatorTile
        indicator={indicator(
          {
            target_percent: null,
            judgement: { status: 'geen_streefwaarde', rule: { nl: 'Geen.', en: 'None.' } },
          },
          true,
        )}
        onDrillDown={() => {}}
      />,
    );
    const target = document.querySelector('.regie-tile__target')!;
    expect(target.textContent).toBe('Geen streefwaarde');
    expect(within(target as HTMLElement).getByText('Geen streefwaarde')).toBeTruthy();
  });

  it('keeps the target value next to the status', () => {
    renderWithI18n(
      <IndicatorTile
        indicator={indicator(
          { judgement: { status: 'risico', rule: { nl: 'R.', en: 'R.' } } },
          true,
        )}
        onDrillDown={() => {}}
      />,
    );
    expect(document.querySelector('.regie-tile__target')!.textContent).toBe(
      'Streefwaarde 80%: Risico',
    );
  });

  it('explains a trend whose every cohort is withheld instead of drawing only the target', () => {
    renderWithI18n(<IndicatorTile indicator={indicator({}, false)} onDrillDown={() => {}} />);
    expect(screen.getByText('Alle waarden zijn afgeschermd (kleine aantallen).')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('draws the trend when some cohort is shown', () => {
    renderWithI18n(<IndicatorTile indicator={indicator({}, true)} onDrillDown={() => {}} />);
    expect(screen.queryByText(/Alle waarden zijn afgeschermd/)).toBeNull();
    expect(screen.getByRole('img', { name: /aandeel per cohort/ })).toBeTruthy();
  });
});
