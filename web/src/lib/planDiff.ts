// A change between two plan versions in words: the server names fields by
// their API name and gives codes, ISO dates and ids; the page knows the
// labels, persons and organisations to show instead.
import type { Plan, PlanChange, PlanDomain } from '../api/plan';
import type { Organisation, Person } from '../api/types';
import type { Translate } from '../i18n/i18n';
import type { Lang } from '../i18n/translate';
import { formatDate } from './dates';
import { labelOrCode } from './milestones';
import { personName } from './personName';
import { domainLabel } from './planEditor';

export interface DiffContext {
  t: Translate;
  lang: Lang;
  domains: readonly PlanDomain[];
  persons: readonly Person[];
  organisations: readonly Organisation[];
  /** The current plan: the texts of goals and actions a change only names by key. */
  plan: Plan | null;
}

export interface ChangeText {
  /** "Doel gewijzigd". */
  kind: string;
  /** The goal or action it is about, when known. */
  subject: string | null;
  /** "Status: Open → Loopt", or null for an added or removed item. */
  field: string | null;
}

function isAction(change: PlanChange): boolean {
  return change.kind.startsWith('action_');
}

function fieldLabel(change: PlanChange, ctx: DiffContext): string {
  const field = change.field ?? '';
  if (field === 'text' && isAction(change)) return ctx.t('plan.field.actionText');
  return labelOrCode(ctx.t, `plan.field.${field}`, field);
}

/** One side of a changed field, as the user reads it elsewhere on the page. */
export function changeValue(
  change: PlanChange,
  value: string | null | undefined,
  ctx: DiffContext,
): string {
  const { t } = ctx;
  if (value === null || value === undefined || value === '') return t('plan.change.empty');
  switch (change.field) {
    case 'person_id': {
      const person = ctx.persons.find((p) => String(p.id) === value);
      return person ? personName(t, person) : t('person.nameShielded', { id: value });
    }
    case 'organisation_id':
      return ctx.organisations.find((o) => String(o.id) === value)?.name ?? `#${value}`;
    case 'user_id':
      return t('plan.change.userNumber', { id: value });
    case 'domain':
      return domainLabel(ctx.domains, value, ctx.lang);
    case 'target_date':
    case 'due_date':
      return formatDate(value);
    case 'status':
      return labelOrCode(
        t,
        isAction(change) ? `plan.actionStatus.${value}` : `plan.goalStatus.${value}`,
        value,
      );
    default:
      return value;
  }
}

/** The text of the goal or action a change names only by key (from the current plan). */
function subjectOf(change: PlanChange, ctx: DiffContext): string | null {
  if (change.label) return change.label;
  const goal = ctx.plan?.goals.find((g) => g.key === change.goal_key);
  if (!goal) return null;
  if (change.action_key !== null) {
    return goal.actions.find((a) => a.key === change.action_key)?.text || null;
  }
  return goal.text || null;
}

export function describeChange(change: PlanChange, ctx: DiffContext): ChangeText {
  const { t } = ctx;
  return {
    kind: labelOrCode(t, `plan.change.${change.kind}`, change.kind),
    subject: subjectOf(change, ctx),
    field: change.field
      ? t('plan.change.fieldChange', {
          field: fieldLabel(change, ctx),
          old: changeValue(change, change.old, ctx),
          new: changeValue(change, change.new, ctx),
        })
      : null,
  };
}
