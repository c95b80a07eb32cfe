// Signals (vroegsignalering) of households (docs/api-contract.md, "Signals").
// The server filters what the caller may see and says which transitions the
// caller may make now (allowed_actions); the UI only offers those.
import { request } from './client';
import { tenantPath } from './regie';
import type { Items } from './regie';
import type { UserRef } from './types';

export const SIGNAL_CATEGORIES = [
  'gezondheid',
  'psychisch',
  'financien',
  'opvoeding',
  'huiselijk_geweld',
  'schoolverzuim',
  'afwezigheid_inburgering',
  'huisvesting',
  'overig',
] as const;
export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

export const SIGNAL_URGENCIES = ['laag', 'normaal', 'hoog', 'acuut'] as const;
export type SignalUrgency = (typeof SIGNAL_URGENCIES)[number];

export type SignalState = 'ingediend' | 'in_behandeling' | 'afgehandeld' | 'ingetrokken';
export type SignalAction = 'acknowledge' | 'reroute' | 'close' | 'withdraw';

export interface OrganisationRef {
  id: number;
  name?: string;
  kind?: string;
}

export interface SignalHistoryEntry {
  action: 'file' | SignalAction;
  from_state: SignalState | null;
  to_state: SignalState;
  /** Absent with the signal's `routed_to`: where it went says what it is about. */
  organisation?: OrganisationRef;
  by: UserRef;
  at: string;
  /** Only with the follow-up view (the reporter sees their own withdraw reason). */
  note?: string;
}

export interface Signal {
  id: number;
  household: { id: number; name: string };
  person_ids: number[];
  /**
   * Absent, like `content_category`, when the caller may not see the content:
   * the category of a worry (health, domestic violence) is content too.
   */
  category?: SignalCategory;
  urgency: SignalUrgency;
  state: SignalState;
  escalated: boolean;
  due_date: string | null;
  filed_at: string;
  acknowledge_due: string;
  follow_up_due: string | null;
  acknowledged_at: string | null;
  closed_at: string | null;
  reporter: UserRef;
  reporter_organisation: OrganisationRef;
  /** Absent, like `category`, when the caller may not see the content. */
  routed_to?: OrganisationRef;
  content_category?: string;
  allowed_actions: SignalAction[];
  version: number;
  /** Absent when the caller may not see the content. */
  description?: string;
  withdraw_reason?: string;
  /** The follow-up result: never for the reporter. */
  result?: string;
  /** Only when one signal is read or changed. */
  history?: SignalHistoryEntry[];
}

export interface SignalInput {
  category: string;
  urgency: string;
  description: string;
  person_ids: number[];
  organisation_id?: number;
}

export interface HouseholdSignals extends Items<Signal> {
  may_file: boolean;
}

function householdSignalsPath(tenantId: number, householdId: number): string {
  return `${tenantPath(tenantId)}/households/${householdId}/signals`;
}

export function listHouseholdSignals(
  tenantId: number,
  householdId: number,
  signal?: AbortSignal,
): Promise<HouseholdSignals> {
  return request<HouseholdSignals>(householdSignalsPath(tenantId, householdId), { signal });
}

export async function listMySignals(
  tenantId: number,
  openOnly: boolean,
  signal?: AbortSignal,
): Promise<Signal[]> {
  const query = openOnly ? '?open=true' : '';
  return (await request<Items<Signal>>(`${tenantPath(tenantId)}/signals${query}`, { signal }))
    .items;
}

export function fileSignal(
  tenantId: number,
  householdId: number,
  input: SignalInput,
): Promise<Signal> {
  return request(householdSignalsPath(tenantId, householdId), { method: 'POST', body: input });
}

/** The body of each transition (see the API contract). */
export type TransitionBody =
  | { action: 'acknowledge'; follow_up_due?: string | null; note?: string }
  | { action: 'reroute'; organisation_id: number; reason: string }
  | { action: 'close'; result: string }
  | { action: 'withdraw'; reason?: string };

export function transitionSignal(
  tenantId: number,
  signalId: number,
  body: TransitionBody,
): Promise<Signal> {
  const { action, ...rest } = body;
  return request(`${tenantPath(tenantId)}/signals/${signalId}/${action}`, {
    method: 'POST',
    body: rest,
  });
}

/** An open signal on the worklist (routed to my organisation, or escalated in my household). */
export interface SignalWorkItem {
  household: { id: number; name: string };
  person: null;
  kind: 'signal';
  id: number;
  category: SignalCategory;
  urgency: SignalUrgency;
  state: SignalState;
  escalated: boolean;
  routed_to: OrganisationRef;
  due_date: string;
}
