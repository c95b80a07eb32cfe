// What the worklist says about its items: which are overdue on the chosen
// date, and how the list is counted.
import type { Worklist } from '../api/policyTypes';
import { daysOverdue } from './milestones';

type Item = Worklist['items'][number];

/**
 * Whether an item is overdue on `on`. Signals and referrals carry the
 * server's own verdict (`escalated`, `overdue`, as of today); milestones,
 * cadences and plan actions are overdue once their due date is before `on`.
 */
export function isOverdue(item: Item, on: string): boolean {
  if (item.kind === 'signal') return item.escalated;
  if (item.kind === 'referral') return item.overdue;
  return (daysOverdue(item.due_date, on) ?? 0) > 0;
}

/** How many of the items are overdue on `on`. */
export function overdueCount(items: readonly Item[], on: string): number {
  return items.filter((item) => isOverdue(item, on)).length;
}

/** Days past the due date on `on` for an overdue item; null when it is not late (yet). */
export function daysLate(item: Item, on: string): number | null {
  const days = daysOverdue(item.due_date, on);
  return days !== null && days > 0 ? days : null;
}
