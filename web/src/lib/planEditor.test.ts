import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { Plan, PlanDomain, PlanGoal } from '../api/plan';
import {
  conflictVersion,
  draftFromPlan,
  draftToInput,
  emptyAction,
  emptyGoal,
  groupGoals,
  isOverdue,
  isPlanConflict,
  planFields,
} from './planEditor';

const DOMAINS: PlanDomain[] = [
  { code: 'wonen', label_nl: 'Wonen', label_en: 'Housing', category: 'basis' },
  { code: 'werk_inkomen', label_nl: 'Werk', label_en: 'Work', category: 'werk_inkomen' },
];

function goal(
  key: number,
  person: number,
  domain: string,
  extra: Partial<PlanGoal> = {},
): PlanGoal {
  return {
    key,
    person_id: person,
    domain,
    restricted: false,
    text: `doel ${key}`,
    target_date: '2027-01-31',
    status: 'loopt',
    actions: [],
    ...extra,
  };
}

const PLAN: Plan = {
  household_id: 3,
  version: 4,
  saved_at: null,
  saved_by: null,
  hidden_goals: 0,
  goals: [
    goal(1, 10, 'werk_inkomen', {
      actions: [
        {
          key: 2,
          text: 'Werkplein',
          organisation_id: 5,
          user_id: 8,
          due_date: '2026-11-01',
          status: 'open',
          result: '',
          can_update: true,
        },
      ],
    }),
    goal(3, 10, 'zorg', { restricted: true, text: undefined, status: undefined }),
  ],
};

describe('planEditor', () => {
  it('edits only the goals the user may see, with dd-mm-jjjj dates', () => {
    const drafts = draftFromPlan(PLAN);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.target_date).toBe('31-01-2027');
    expect(drafts[0]!.actions[0]).toMatchObject({
      key: 2,
      organisation_id: '5',
      due_date: '01-11-2026',
    });
  });

  it('round-trips a plan into the PUT body, keeping keys and the responsible user', () => {
    const input = draftToInput(4, draftFromPlan(PLAN));
    expect(input).toEqual({
      version: 4,
      goals: [
        {
          key: 1,
          person_id: 10,
          domain: 'werk_inkomen',
          text: 'doel 1',
          target_date: '2027-01-31',
          status: 'loopt',
          actions: [
            {
              key: 2,
              text: 'Werkplein',
              organisation_id: 5,
              user_id: 8,
              due_date: '2026-11-01',
              status: 'open',
              result: '',
            },
          ],
        },
      ],
    });
  });

  it('sends new items without keys and leaves bad input for the server to name', () => {
    const g = emptyGoal('10', 'wonen');
    g.text = '  Huis ingericht ';
    g.target_date = '31-02-2027';
    g.actions.push({ ...emptyAction(), text: 'Meubels', due_date: '' });
    const input = draftToInput(0, [g]);
    expect(input.goals[0]).toEqual({
      person_id: 10,
      domain: 'wonen',
      text: 'Huis ingericht',
      target_date: '2027-02-31', // the server answers invalid_date
      status: 'open',
      actions: [
        {
          text: 'Meubels',
          organisation_id: undefined,
          user_id: null,
          due_date: undefined,
          status: 'open',
          result: '',
        },
      ],
    });
  });

  it('lists the API field paths in form order', () => {
    const drafts = draftFromPlan(PLAN);
    const fields = planFields(drafts);
    expect(fields.indexOf('goals/0/text')).toBeLessThan(
      fields.indexOf('goals/0/actions/0/due_date'),
    );
    expect(fields).toContain('goals/0/actions/0/result');
    expect(fields).not.toContain('goals/1/text');
  });

  it('groups goals by person, then domain in configured order', () => {
    const goals = [goal(1, 20, 'werk_inkomen'), goal(2, 10, 'werk_inkomen'), goal(3, 10, 'wonen')];
    const groups = groupGoals(goals, [10, 20], DOMAINS);
    expect(groups.map((g) => g.personId)).toEqual([10, 20]);
    expect(groups[0]!.domains.map((d) => d.domain)).toEqual(['wonen', 'werk_inkomen']);
    expect(groups[1]!.domains[0]!.goals.map((g) => g.key)).toEqual([1]);
  });

  it('recognises a version conflict and its current version', () => {
    const problem = {
      type: 'urn:regie:problem:plan_version_conflict',
      title: '',
      status: 409,
      code: 'plan_version_conflict',
      message_nl: 'x',
      message_en: 'x',
      current_version: 7,
    };
    const e = new ApiError(409, 'plan_version_conflict', problem);
    expect(isPlanConflict(e)).toBe(true);
    expect(conflictVersion(e)).toBe(7);
    expect(isPlanConflict(new ApiError(409, 'version_conflict', null))).toBe(false);
  });

  it('marks open or running actions past their due date as overdue', () => {
    expect(isOverdue({ status: 'open', due_date: '2026-11-01' }, '2026-11-23')).toBe(true);
    expect(isOverdue({ status: 'gereed', due_date: '2026-11-01' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ status: 'loopt', due_date: '2026-11-23' }, '2026-11-23')).toBe(false);
  });
});
