import { describe, expect, it } from 'vitest';
import type { Worklist } from '../api/policyTypes';
import { daysLate, isOverdue, overdueCount } from './worklist';

type Item = Worklist['items'][number];

const milestone = (due_date: string) =>
  ({
    household: { id: 1, name: 'H' },
    person: { id: 2, name: 'P' },
    kind: 'milestone',
    id: 'm',
    label: 'M',
    domain: 'd',
    due_date,
    pack_id: 'p',
  }) as Item;

describe('worklist overdue', () => {
  it('counts a dated item as overdue only after its due date', () => {
    expect(isOverdue(milestone('2026-11-24'), '2026-11-25')).toBe(true);
    expect(isOverdue(milestone('2026-11-25'), '2026-11-25')).toBe(false);
    expect(isOverdue(milestone('2026-12-03'), '2026-11-25')).toBe(false);
    expect(daysLate(milestone('2026-12-03'), '2026-11-25')).toBeNull();
    expect(daysLate(milestone('2026-11-20'), '2026-11-25')).toBe(5);
  });

  it("takes the server's verdict for signals and referrals", () => {
    const signal = { kind: 'signal', escalated: true, due_date: '2026-12-01' } as Item;
    const referral = { kind: 'referral', overdue: false, due_date: '2026-11-01' } as Item;
    expect(isOverdue(signal, '2026-11-25')).toBe(true);
    expect(isOverdue(referral, '2026-11-25')).toBe(false);
    expect(overdueCount([signal, referral, milestone('2026-11-01')], '2026-11-25')).toBe(2);
  });
});
