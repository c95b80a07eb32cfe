import { describe, expect, it } from 'vitest';
import { duePeriod, parsePeriod, periodChoices, periodEnded, recentPeriods } from './reportPeriods';

describe('report periods', () => {
  it('parses half-years strictly', () => {
    expect(parsePeriod('2017H2')).toEqual({ year: 2017, half: 2 });
    expect(parsePeriod('2026H1')).toEqual({ year: 2026, half: 1 });
    for (const bad of ['2017H3', '2017h1', '17H1', '2017H1 ', ''])
      expect(parsePeriod(bad)).toBeNull();
  });

  it('knows which report is due', () => {
    expect(duePeriod('2026-11-23')).toEqual({ year: 2026, half: 1 });
    expect(duePeriod('2026-06-30')).toEqual({ year: 2025, half: 2 });
    expect(duePeriod('2026-07-01')).toEqual({ year: 2026, half: 1 });
  });

  it('offers the current half-year first, then older ones, with stored periods merged', () => {
    expect(recentPeriods('2026-11-23', 4)).toEqual(['2026H2', '2026H1', '2025H2', '2025H1']);
    const choices = periodChoices('2026-11-23', ['2017H2', '2026H1', 'rommel']);
    expect(choices[0]).toBe('2026H2');
    expect(choices).toContain('2017H2');
    expect(choices).not.toContain('rommel');
    expect(choices.filter((c) => c === '2026H1')).toHaveLength(1);
    expect(choices[choices.length - 1]).toBe('2017H2');
  });

  it('knows when a half-year has ended, its last day included', () => {
    expect(periodEnded('2026H2', '2026-11-25')).toBe(false);
    expect(periodEnded('2026H2', '2026-12-31')).toBe(false);
    expect(periodEnded('2026H2', '2027-01-01')).toBe(true);
    expect(periodEnded('2026H1', '2026-06-30')).toBe(false);
    expect(periodEnded('2026H1', '2026-07-01')).toBe(true);
    expect(periodEnded('2017H2', '2026-11-25')).toBe(true);
  });
});
