import { describe, expect, it } from 'vitest';
import type { PlanChange } from '../api/plan';
import { translate } from '../i18n/translate';
import type { MessageKey, Params } from '../i18n/translate';
import { makePerson } from '../test/fixtures';
import { describeChange } from './planDiff';
import type { DiffContext } from './planDiff';

const t = (key: MessageKey, params?: Params) => translate('nl', key, params);

const CTX: DiffContext = {
  t,
  lang: 'nl',
  domains: [{ code: 'wonen', label_nl: 'Wonen', label_en: 'Housing', category: 'basis' }],
  persons: [makePerson({ id: 9 })],
  organisations: [{ id: 4, name: 'Werkplein', kind: 'sociale_dienst' }],
  plan: null,
};

function change(field: string, old: string | null, next: string | null): PlanChange {
  return { kind: 'action_changed', goal_key: 1, action_key: 2, field, old, new: next };
}

describe('describeChange', () => {
  it('names fields and values as the page does', () => {
    const field = (c: PlanChange) => describeChange(c, CTX).field;
    expect(field(change('due_date', '2024-03-05', '2024-04-01'))).toBe(
      'Uiterlijk op: 05-03-2024 → 01-04-2024',
    );
    expect(field(change('organisation_id', '4', '5'))).toBe(
      'Verantwoordelijke organisatie: Werkplein → #5',
    );
    expect(field(change('user_id', null, '12'))).toBe(
      'Verantwoordelijke medewerker: (leeg) → medewerker 12',
    );
    expect(field(change('status', 'open', 'gereed'))).toBe('Status: Open → Gereed');
    expect(field(change('text', 'Bellen', 'Mailen'))).toBe('Actie: Bellen → Mailen');
    expect(field(change('mystery', 'a', 'b'))).toBe('mystery: a → b');
    const goal: PlanChange = { ...change('domain', 'wonen', 'onbekend'), kind: 'goal_changed' };
    expect(field(goal)).toBe('Leefdomein: Wonen → onbekend');
    expect(field({ ...goal, field: 'text', old: 'A', new: 'B' })).toBe('Omschrijving: A → B');
  });
});
