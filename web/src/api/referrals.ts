// Referrals (verwijzingen) and warm handovers (docs/api-contract.md,
// "Referrals"). The server filters what the caller may see (the reason and
// notes only in the full view) and says which transitions the caller may
// make now (allowed_actions); the UI only offers those.
import { request } from './client';
import { tenantPath } from './regie';
import type { Items } from './regie';
import type { OrganisationRef } from './signals';
import type { Category, UserRef } from './types';

export type ReferralState =
  'voorgesteld' | 'geaccepteerd' | 'afgewezen' | 'ingetrokken' | 'afgerond';
export type ReferralAction = 'accept' | 'reject' | 'withdraw' | 'complete';
export const REFERRAL_ACTIONS: readonly ReferralAction[] = [
  'accept',
  'reject',
  'withdraw',
  'complete',
];

export interface ReferralHistoryEntry {
  action: 'propose' | ReferralAction;
  from_state: ReferralState | null;
  to_state: ReferralState;
  by: UserRef;
  at: string;
  /** Only in the full view. */
  note?: string;
}

export interface Referral {
  id: number;
  household: { id: number; name: string };
  persons: { id: number; name: string }[];
  from_organisation: OrganisationRef;
  to_organisation: OrganisationRef;
  package: Category[];
  template: string | null;
  state: ReferralState;
  respond_by: string;
  due_date: string | null;
  overdue: boolean;
  retention_days: number;
  created_by: UserRef;
  created_at: string;
  decided_at: string | null;
  decided_by: UserRef | null;
  completed_at: string | null;
  completed_by: UserRef | null;
  full: boolean;
  allowed_actions: ReferralAction[];
  version: number;
  reason?: string;
  checklist?: string[];
  decision_note?: string;
  completion_note?: string;
  history?: ReferralHistoryEntry[];
}

export interface ReferralInput {
  person_ids: number[];
  to_organisation_id?: number;
  reason: string;
  package: Category[];
  template?: string;
  respond_by?: string | null;
}

export interface HandoverTemplate {
  id: string;
  label: { nl: string; en: string };
  from_kinds: string[];
  to_kinds: string[];
  package: Category[];
  checklist: { nl: string; en: string }[];
  response_days: number;
  retention_days: number;
}

export interface HouseholdReferrals extends Items<Referral> {
  may_refer: boolean;
}

function householdReferralsPath(tenantId: number, householdId: number): string {
  return `${tenantPath(tenantId)}/households/${householdId}/referrals`;
}

export function listHouseholdReferrals(
  tenantId: number,
  householdId: number,
  signal?: AbortSignal,
): Promise<HouseholdReferrals> {
  return request<HouseholdReferrals>(householdReferralsPath(tenantId, householdId), { signal });
}

export type ReferralDirection = 'incoming' | 'outgoing';

export async function listOrganisationReferrals(
  tenantId: number,
  direction: ReferralDirection,
  openOnly: boolean,
  signal?: AbortSignal,
): Promise<Referral[]> {
  const query = new URLSearchParams({ direction });
  if (openOnly) query.set('open', 'true');
  return (
    await request<Items<Referral>>(`${tenantPath(tenantId)}/referrals?${query.toString()}`, {
      signal,
    })
  ).items;
}

export function makeReferral(
  tenantId: number,
  householdId: number,
  input: ReferralInput,
): Promise<Referral> {
  return request(householdReferralsPath(tenantId, householdId), { method: 'POST', body: input });
}

/** One referral with its history (who did what when; notes only in the full view). */
export function getReferral(
  tenantId: number,
  referralId: number,
  signal?: AbortSignal,
): Promise<Referral> {
  return request<Referral>(`${tenantPath(tenantId)}/referrals/${referralId}`, { signal });
}

/** The body of each transition (see the API contract). */
export type ReferralTransitionBody =
  | { action: 'accept'; note?: string }
  | { action: 'reject'; reason: string }
  | { action: 'withdraw'; reason?: string }
  | { action: 'complete'; note?: string };

export function transitionReferral(
  tenantId: number,
  referralId: number,
  body: ReferralTransitionBody,
): Promise<Referral> {
  const { action, ...rest } = body;
  return request(`${tenantPath(tenantId)}/referrals/${referralId}/${action}`, {
    method: 'POST',
    body: rest,
  });
}

export async function listReferralTemplates(
  tenantId: number,
  signal?: AbortSignal,
): Promise<HandoverTemplate[]> {
  return (
    await request<Items<HandoverTemplate>>(`${tenantPath(tenantId)}/referral-templates`, {
      signal,
    })
  ).items;
}

/** A referral on the worklist: awaiting my organisation's answer, or my overdue proposal. */
export interface ReferralWorkItem {
  household: { id: number; name: string };
  person: null;
  persons: { id: number; name: string }[];
  kind: 'referral';
  id: number;
  direction: ReferralDirection;
  state: ReferralState;
  package: Category[];
  from_organisation: OrganisationRef;
  to_organisation: OrganisationRef;
  overdue: boolean;
  due_date: string;
}
