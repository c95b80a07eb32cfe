import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Count, LadderQuarter } from '../../api/indicators';
import { renderWithI18n } from '../../test/render';
import { LadderSection } from './LadderSection';

const v = (value: number): Count => ({ value });
const LT5: Count = { text: '<5', state: 'below_threshold' };

function quarter(label: string, distribution: Count[], moved: number): LadderQuarter {
  const transitions = distribution.map(() => distribution.map(() => v(0)));
  transitions[0]![2] = v(moved);
  transitions[1]![1] = LT5;
  return {
    label,
    end: '2026-09-30',
    distribution,
    transitions,
    up: v(moved),
    down: v(0),
    same: LT5,
    first_rung: v(moved),
  };
}

describe('LadderSection', () => {
  it('draws the rungs per quarter and tells the flow in a table, withheld counts as "<5"', () => {
    renderWithI18n(
      <LadderSection
        quarters={[
          quarter('2026K2', [v(30), LT5, v(0), v(0), v(0), v(0), v(0)], 0),
          quarter('2026K3', [v(22), LT5, v(8), v(0), v(0), v(0), v(0)], 8),
        ]}
      />,
    );
    const chart = screen.getByRole('img', { name: /Gestapelde staafgrafiek/ });
    expect(chart.querySelector('svg')).not.toBeNull();
    const panel = chart.closest('section')!;
    fireEvent.click(within(panel).getByRole('button', { name: 'Tabel' }));
    const distribution = within(panel).getByRole('table');
    expect(within(distribution).getByText('Trede 4: Onbetaald werk')).toBeTruthy();
    const k3 = within(distribution).getByText('2026K3').closest('tr')!;
    expect(k3.textContent).toContain('22');
    expect(within(k3).getByTitle('minder dan 5 personen, afgeschermd').textContent).toContain('<5');

    // The flow into the last quarter, from the previous one.
    expect(screen.getByText(/Van 2026K2 naar 2026K3:/).textContent).toMatch(/gestegen: 8/);
    const flow = screen.getByRole('table', { name: /Doorstroom van 2026K2 naar 2026K3/ });
    const from0 = within(flow).getAllByRole('row')[1]!;
    expect(within(from0).getAllByRole('cell')[2]!.textContent).toBe('8');
    // The first quarter has nothing to compare with.
    fireEvent.change(screen.getByLabelText('Kwartaal'), { target: { value: '2026K2' } });
    expect(screen.getByText(/eerste kwartaal van de reeks/)).toBeTruthy();
  });
});
