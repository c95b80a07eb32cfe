import { describe, expect, it } from 'vitest';
import { ZRM_DOMAINS } from '../api/assessments';
import {
  assessmentErrorsFor,
  assessmentFields,
  assessmentFormErrors,
  emptyAssessmentForm,
  formToAssessmentInput,
  recordScope,
  scoredDomains,
} from './assessmentForm';

const domains = ['financien', 'huisvesting', 'lichamelijke_gezondheid', 'justitie'];

describe('assessment form', () => {
  it('starts today with no kind and asks for what the kind needs', () => {
    const empty = emptyAssessmentForm('2026-11-05');
    expect(empty.date).toBe('05-11-2026');
    expect(assessmentFormErrors(empty, domains).map((e) => e.field)).toEqual(['kind']);
    const blank = { ...empty, date: ' ' };
    expect(assessmentFormErrors({ ...blank, kind: 'zrm' }, domains).map((e) => e.field)).toEqual([
      'date',
      'zrm',
    ]);
    expect(
      assessmentFormErrors({ ...empty, kind: 'participatieladder' }, domains).map((e) => e.field),
    ).toEqual(['rung']);
    expect(assessmentFormErrors({ ...empty, kind: 'ferm_werk' }, domains)[0]).toMatchObject({
      field: 'outcome',
      code: 'required',
      message_nl: 'Kies een uitkomst.',
      message_en: 'Choose an outcome.',
    });
    expect(
      assessmentFormErrors({ ...empty, kind: 'zrm', scores: { huisvesting: '4' } }, domains),
    ).toEqual([]);
  });

  it('sends the ZRM scores filled in, in instrument order, and nothing of other kinds', () => {
    const values = {
      ...emptyAssessmentForm('2026-11-05'),
      kind: 'zrm' as const,
      date: '1-11-2026',
      assessor: '  Sociaal team ',
      scores: { justitie: '5', financien: '2', huisvesting: '', lichamelijke_gezondheid: '3' },
      rung: '3',
      outcome: 'A',
    };
    expect(scoredDomains(values, domains)).toEqual([
      'financien',
      'lichamelijke_gezondheid',
      'justitie',
    ]);
    expect(formToAssessmentInput(values, domains)).toEqual({
      kind: 'zrm',
      date: '2026-11-01',
      assessor: 'Sociaal team',
      zrm: [
        { domain: 'financien', score: 2 },
        { domain: 'lichamelijke_gezondheid', score: 3 },
        { domain: 'justitie', score: 5 },
      ],
    });
  });

  it('sends the rung with the rungs present sorted, or the outcome', () => {
    const base = { ...emptyAssessmentForm('2026-11-05'), scores: { financien: '2' }, outcome: 'B' };
    expect(
      formToAssessmentInput(
        { ...base, kind: 'participatieladder', rung: '4', rungs_present: [4, 2] },
        domains,
      ),
    ).toEqual({ kind: 'participatieladder', date: '2026-11-05', rung: 4, rungs_present: [2, 4] });
    expect(formToAssessmentInput({ ...base, kind: 'ferm_werk', rung: '4' }, domains)).toEqual({
      kind: 'ferm_werk',
      date: '2026-11-05',
      outcome: 'B',
    });
    expect(formToAssessmentInput({ ...base, date: '' }, domains)).toEqual({});
  });

  it('puts a server error on a ZRM score at the field of its domain', () => {
    const e = (field: string) => ({ field, code: 'x', message_nl: 'x', message_en: 'x' });
    const sent = ['financien', 'lichamelijke_gezondheid', 'justitie'];
    const mapped = assessmentErrorsFor(sent)([
      e('zrm/0/score'),
      e('zrm/2/domain'),
      e('zrm/1'),
      e('zrm/7/score'),
      e('zrm'),
      e('date'),
      e('rungs_present/1'),
    ]);
    expect(mapped.map((m) => m.field)).toEqual([
      'zrm/financien',
      'zrm/justitie',
      'zrm/lichamelijke_gezondheid',
      'zrm/7/score',
      'zrm',
      'date',
      'rungs_present/1',
    ]);
    expect(assessmentFields(['financien', 'justitie'])).toEqual([
      'kind',
      'date',
      'assessor',
      'zrm',
      'zrm/financien',
      'zrm/justitie',
      'rung',
      'rungs_present',
      'outcome',
    ]);
  });

  it('offers the domains and kinds the user may see', () => {
    const zrm_domains = ZRM_DOMAINS.map((code) => ({
      code,
      category: 'x',
      visible: code.includes('gezondheid'),
    }));
    expect(recordScope({ zrm_domains, ladder_visible: false })).toEqual({
      domains: ['geestelijke_gezondheid', 'lichamelijke_gezondheid'],
      kinds: ['zrm'],
    });
    const none = zrm_domains.map((d) => ({ ...d, visible: false }));
    expect(recordScope({ zrm_domains: none, ladder_visible: true }).kinds).toEqual([
      'participatieladder',
      'ferm_werk',
    ]);
  });
});
