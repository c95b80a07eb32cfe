import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LineChart } from './LineChart';

const Y = [1, 2, 3].map((value) => ({ value, label: `niveau ${value}` }));

describe('LineChart', () => {
  it('is one labelled image with a line per series, axis labels and a legend', () => {
    render(
      <LineChart
        label="Scores over tijd"
        yTicks={Y}
        series={[
          {
            id: 'a',
            label: 'Reeks A',
            points: [
              { date: '2026-01-01', value: 1 },
              { date: '2026-03-01', value: 3 },
            ],
          },
          { id: 'b', label: 'Reeks B', points: [{ date: '2026-02-01', value: 2 }] },
        ]}
      />,
    );
    const img = screen.getByRole('img', { name: 'Scores over tijd' });
    expect(img.tagName.toLowerCase()).toBe('svg');
    // A single point is a marker without a line.
    expect(img.querySelectorAll('[data-series="a"] path')).toHaveLength(1);
    expect(img.querySelectorAll('[data-series="b"] path')).toHaveLength(0);
    expect(img.querySelectorAll('[data-series="b"] circle')).toHaveLength(1);
    expect(img.textContent).toContain('niveau 3');
    expect(img.textContent).toContain('01-01-2026');
    expect(img.textContent).toContain('01-03-2026');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Reeks A',
      'Reeks B',
    ]);
  });

  it('draws a step line, without a legend for one series', () => {
    render(
      <LineChart
        label="Trede"
        step
        yTicks={Y}
        series={[
          {
            id: 's',
            label: 'Trede',
            points: [
              { date: '2026-01-01', value: 1 },
              { date: '2026-01-11', value: 3 },
            ],
          },
        ]}
      />,
    );
    const d = screen.getByRole('img', { name: 'Trede' }).querySelector('path')!.getAttribute('d')!;
    // Horizontal to the second date, then up: three vertices, the middle one at the first value.
    const vertices = d.split(/[ML]/).filter(Boolean);
    expect(vertices).toHaveLength(3);
    expect(vertices[1]!.trim().split(' ')[1]).toBe(vertices[0]!.trim().split(' ')[1]);
    expect(screen.queryByRole('list')).toBeNull();
  });
});
