// The personal plan of a household (docs/api-contract.md, "Plan").
import { request } from './client';
import type { Lang } from '../i18n/translate';
import { tenantPath } from './regie';
import type { Items } from './regie';
import type { Relationship, UserRef } from './types';

export const GOAL_STATUSES = ['open', 'loopt', 'behaald', 'niet_behaald', 'vervallen'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const ACTION_STATUSES = ['open', 'loopt', 'gereed', 'vervallen'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface PlanAction {
  key: number;
  text: string;
  organisation_id: number;
  user_id: number | null;
  due_date: string;
  status: ActionStatus;
  result: string;
  /** Whether the caller may report progress on this action. */
  can_update: boolean;
}

export interface PlanGoal {
  key: number;
  person_id: number;
  domain: string;
  /** Shown only for the caller's actions: no text, target date or status. */
  restricted: boolean;
  text?: string;
  target_date?: string;
  status?: GoalStatus;
  actions: PlanAction[];
}

export interface PlanDomain {
  code: string;
  label_nl: string;
  label_en: string;
  category: string;
}

export interface PlanAgreement {
  id: number;
  plan_version: number;
  date: string;
  interpreter: boolean;
  language: string | null;
  signed_by: number[];
  recorded_by: UserRef;
  recorded_at: string;
}

export interface Plan {
  household_id: number;
  /** 0 when there is no plan yet. */
  version: number;
  saved_at: string | null;
  saved_by: UserRef | null;
  goals: PlanGoal[];
  /** Goals the caller may not see. */
  hidden_goals: number;
  /** Only on the current plan. */
  agreed?: boolean;
  agreements?: PlanAgreement[];
  domains?: PlanDomain[];
  access?: { relationship: Relationship; edit: boolean; agree: boolean; reopen: boolean };
}

export interface PlanActionInput {
  key?: number;
  text: string;
  organisation_id?: number;
  user_id?: number | null;
  due_date?: string;
  status: ActionStatus;
  result: string;
}

export interface PlanGoalInput {
  key?: number;
  person_id?: number;
  domain: string;
  text: string;
  target_date?: string;
  status: GoalStatus;
  actions: PlanActionInput[];
}

export interface PlanInput {
  version: number;
  goals: PlanGoalInput[];
}

export interface PlanVersion {
  version: number;
  saved_at: string;
  saved_by: UserRef;
  goal_count?: number;
}

export const CHANGE_KINDS = [
  'goal_added',
  'goal_removed',
  'goal_changed',
  'action_added',
  'action_removed',
  'action_changed',
] as const;

export interface PlanChange {
  kind: (typeof CHANGE_KINDS)[number];
  goal_key: number;
  action_key: number | null;
  label?: string;
  field?: string;
  old?: string | null;
  new?: string | null;
}

export interface AgreementInput {
  plan_version: number;
  date?: string;
  interpreter: boolean;
  language: string | null;
  signed_by: number[];
}

function planPath(tenantId: number, householdId: number): string {
  return `${tenantPath(tenantId)}/households/${householdId}/plan`;
}

/**
 * The plan as a PDF to print and sign (a plain GET with the session cookie):
 * the current version unless `version` is given, in the UI's language.
 */
export function planPdfHref(
  tenantId: number,
  householdId: number,
  lang: Lang,
  version?: number,
): string {
  const params = new URLSearchParams();
  if (version) params.set('version', String(version));
  if (lang !== 'nl') params.set('lang', lang);
  const query = params.toString();
  return `${planPath(tenantId, householdId)}.pdf${query ? `?${query}` : ''}`;
}

export function getPlan(tenantId: number, householdId: number, signal?: AbortSignal) {
  return request<Plan>(planPath(tenantId, householdId), { signal });
}

export function savePlan(tenantId: number, householdId: number, input: PlanInput) {
  return request<Plan>(planPath(tenantId, householdId), { method: 'PUT', body: input });
}

export async function listPlanVersions(
  tenantId: number,
  householdId: number,
  signal?: AbortSignal,
): Promise<PlanVersion[]> {
  return (
    await request<Items<PlanVersion>>(`${planPath(tenantId, householdId)}/versions`, { signal })
  ).items;
}

export function getPlanVersion(tenantId: number, householdId: number, version: number) {
  return request<Plan>(`${planPath(tenantId, householdId)}/versions/${version}`);
}

export async function diffPlan(
  tenantId: number,
  householdId: number,
  from: number,
  to: number,
): Promise<PlanChange[]> {
  const q = new URLSearchParams({ from: String(from), to: String(to) });
  return (await request<{ changes: PlanChange[] }>(`${planPath(tenantId, householdId)}/diff?${q}`))
    .changes;
}

export function recordAgreement(tenantId: number, householdId: number, input: AgreementInput) {
  return request<PlanAgreement>(`${planPath(tenantId, householdId)}/agreements`, {
    method: 'POST',
    body: input,
  });
}

export function reportProgress(
  tenantId: number,
  householdId: number,
  actionKey: number,
  input: { version: number; status: ActionStatus; result: string },
) {
  return request<Plan>(`${planPath(tenantId, householdId)}/actions/${actionKey}/progress`, {
    method: 'POST',
    body: input,
  });
}
