// The plan editor's state: the goals and actions as the user types them
// (dates dd-mm-jjjj, ids as select values), the PUT body made from them,
// the API field paths in form order, and the grouping of goals by person
// and life domain.
import { ApiError } from '../api/client';
import type { ActionStatus, GoalStatus, Plan, PlanDomain, PlanGoal, PlanInput } from '../api/plan';
import { formatDate, parseDateInput } from './dates';

export interface ActionDraft {
  key: number | null;
  text: string;
  organisation_id: string;
  /** Kept as it is: the editor does not choose users. */
  user_id: number | null;
  due_date: string;
  status: ActionStatus;
  result: string;
}

export interface GoalDraft {
  key: number | null;
  person_id: string;
  domain: string;
  text: string;
  target_date: string;
  status: GoalStatus;
  actions: ActionDraft[];
}

export function emptyAction(): ActionDraft {
  return {
    key: null,
    text: '',
    organisation_id: '',
    user_id: null,
    due_date: '',
    status: 'open',
    result: '',
  };
}

export function emptyGoal(personId = '', domain = ''): GoalDraft {
  return {
    key: null,
    person_id: personId,
    domain,
    text: '',
    target_date: '',
    status: 'open',
    actions: [],
  };
}

/** The goals the user may edit (restricted ones are not theirs to edit). */
export function draftFromPlan(plan: Plan): GoalDraft[] {
  return plan.goals
    .filter((g) => !g.restricted)
    .map((g) => ({
      key: g.key,
      person_id: String(g.person_id),
      domain: g.domain,
      text: g.text ?? '',
      target_date: formatDate(g.target_date ?? ''),
      status: g.status ?? 'open',
      actions: g.actions.map((a) => ({
        key: a.key,
        text: a.text,
        organisation_id: String(a.organisation_id),
        user_id: a.user_id,
        due_date: formatDate(a.due_date),
        status: a.status,
        result: a.result,
      })),
    }));
}

/** A typed date as ISO; what does not parse goes as typed so the server names it. */
function dateInput(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return parseDateInput(trimmed) ?? trimmed;
}

function idInput(value: string): number | undefined {
  return /^[1-9][0-9]*$/.test(value) ? Number(value) : undefined;
}

export function draftToInput(version: number, goals: readonly GoalDraft[]): PlanInput {
  return {
    version,
    goals: goals.map((g) => ({
      ...(g.key !== null ? { key: g.key } : {}),
      person_id: idInput(g.person_id),
      domain: g.domain,
      text: g.text.trim(),
      target_date: dateInput(g.target_date),
      status: g.status,
      actions: g.actions.map((a) => ({
        ...(a.key !== null ? { key: a.key } : {}),
        text: a.text.trim(),
        organisation_id: idInput(a.organisation_id),
        user_id: a.user_id,
        due_date: dateInput(a.due_date),
        status: a.status,
        result: a.result.trim(),
      })),
    })),
  };
}

const GOAL_FIELDS = ['person_id', 'domain', 'text', 'target_date', 'status', 'key'] as const;
const ACTION_FIELDS = ['text', 'organisation_id', 'user_id', 'due_date', 'status', 'result', 'key'];

/** Every API field path of the editor, in form order (for the error summary). */
export function planFields(goals: readonly GoalDraft[]): string[] {
  const out: string[] = ['version', 'goals'];
  goals.forEach((g, i) => {
    for (const f of GOAL_FIELDS) out.push(`goals/${i}/${f}`);
    g.actions.forEach((_, j) => {
      for (const f of ACTION_FIELDS) out.push(`goals/${i}/actions/${j}/${f}`);
    });
    out.push(`goals/${i}/actions`);
  });
  return out;
}

export function isPlanConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'plan_version_conflict';
}

/** The version the server says is current, from a 409 answer. */
export function conflictVersion(error: unknown): number | null {
  if (!(error instanceof ApiError) || !error.problem) return null;
  const v = (error.problem as unknown as Record<string, unknown>)['current_version'];
  return typeof v === 'number' ? v : null;
}

export interface GoalGroup {
  personId: number;
  domains: { domain: string; goals: PlanGoal[] }[];
}

/**
 * Goals by person (in the order of `personIds`, unknown persons last), then
 * by domain in configured order; goals keep their plan order inside.
 */
export function groupGoals(
  goals: readonly PlanGoal[],
  personIds: readonly number[],
  domains: readonly PlanDomain[],
): GoalGroup[] {
  const personRank = (id: number) => {
    const i = personIds.indexOf(id);
    return i < 0 ? personIds.length : i;
  };
  const domainRank = (code: string) => {
    const i = domains.findIndex((d) => d.code === code);
    return i < 0 ? domains.length : i;
  };
  const persons = [...new Set(goals.map((g) => g.person_id))].sort(
    (a, b) => personRank(a) - personRank(b) || a - b,
  );
  return persons.map((personId) => {
    const mine = goals.filter((g) => g.person_id === personId);
    const codes = [...new Set(mine.map((g) => g.domain))].sort(
      (a, b) => domainRank(a) - domainRank(b) || a.localeCompare(b),
    );
    return {
      personId,
      domains: codes.map((domain) => ({ domain, goals: mine.filter((g) => g.domain === domain) })),
    };
  });
}

/** Open or running, and due before `today` (ISO dates compare as text). */
export function isOverdue(action: { status: ActionStatus; due_date: string }, today: string) {
  return (action.status === 'open' || action.status === 'loopt') && action.due_date < today;
}

export function domainLabel(domains: readonly PlanDomain[], code: string, lang: 'nl' | 'en') {
  const d = domains.find((x) => x.code === code);
  if (!d) return code;
  return lang === 'en' ? d.label_en : d.label_nl;
}
