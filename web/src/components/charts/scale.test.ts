import { describe, expect, it } from 'vitest';
import { dayNumber, linearScale, pathOf, pickTicks, stepVertices } from './scale';

describe('chart scales', () => {
  it('places dates at their distance in days', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-01')).toBe(28);
  });

  it('maps linearly, and a single value to the middle', () => {
    const y = linearScale(1, 5, 200, 0);
    expect([y(1), y(3), y(5)]).toEqual([200, 100, 0]);
    expect(linearScale(7, 7, 10, 30)(7)).toBe(20);
  });

  it('labels ticks that do not touch, always the last', () => {
    const at = (...xs: number[]) => xs.map((x) => ({ x }));
    expect(pickTicks(at(0, 10, 50, 100, 180, 200), 60).map((t) => t.x)).toEqual([0, 100, 200]);
    expect(pickTicks(at(0, 30), 60).map((t) => t.x)).toEqual([30]);
    expect(pickTicks(at(5), 60).map((t) => t.x)).toEqual([5]);
    expect(pickTicks([], 60)).toEqual([]);
  });

  it('draws a step line that holds each value until the next point', () => {
    const vertices = stepVertices([
      { x: 0, y: 10 },
      { x: 5, y: 20 },
      { x: 8, y: 5 },
    ]);
    expect(vertices).toEqual([
      { x: 0, y: 10 },
      { x: 5, y: 10 },
      { x: 5, y: 20 },
      { x: 8, y: 20 },
      { x: 8, y: 5 },
    ]);
    expect(pathOf(vertices.slice(0, 2))).toBe('M0 10 L5 10');
  });
});
