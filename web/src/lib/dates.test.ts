import { describe, expect, it } from 'vitest';
import { formatDate, formatTimestamp, parseDateInput } from './dates';

describe('formatDate', () => {
  it('shows ISO dates as dd-mm-jjjj', () => {
    expect(formatDate('2024-03-05')).toBe('05-03-2024');
    expect(formatDate('1999-12-31')).toBe('31-12-1999');
  });

  it('shows nothing for a missing date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
  });

  it('leaves text that is not an ISO date alone', () => {
    expect(formatDate('31-02-2024')).toBe('31-02-2024');
  });
});

describe('formatTimestamp', () => {
  it('shows the local calendar date of a timestamp', () => {
    const ts = new Date(2024, 0, 9, 12, 30).toISOString();
    expect(formatTimestamp(ts)).toBe('09-01-2024');
  });

  it('shows nothing for a missing or broken timestamp', () => {
    expect(formatTimestamp(null)).toBe('');
    expect(formatTimestamp('not a time')).toBe('');
  });
});

describe('parseDateInput', () => {
  it('turns dd-mm-jjjj into ISO', () => {
    expect(parseDateInput('05-03-2024')).toBe('2024-03-05');
    expect(parseDateInput(' 5-3-2024 ')).toBe('2024-03-05');
    expect(parseDateInput('05/03/2024')).toBe('2024-03-05');
    expect(parseDateInput('05.03.2024')).toBe('2024-03-05');
  });

  it('keeps ISO input', () => {
    expect(parseDateInput('2024-03-05')).toBe('2024-03-05');
  });

  it('is null for an empty field', () => {
    expect(parseDateInput('')).toBeNull();
    expect(parseDateInput('   ')).toBeNull();
  });

  it('passes other text on for the server to refuse', () => {
    expect(parseDateInput('gisteren')).toBe('gisteren');
    expect(parseDateInput('31-02-2024')).toBe('2024-02-31');
  });

  it('round-trips with formatDate', () => {
    expect(parseDateInput(formatDate('2001-10-20'))).toBe('2001-10-20');
  });
});
