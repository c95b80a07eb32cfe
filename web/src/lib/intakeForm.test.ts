import { describe, expect, it } from 'vitest';
import type { Intake } from '../api/intake';
import { formToIntakeInput, intakeErrorPath, intakeFields, intakeToForm } from './intakeForm';

const DOMAINS = ['wonen', 'zorg_gezondheid', 'werk_inkomen'];

function intake(overrides: Partial<Intake> = {}): Intake {
  return {
    person_id: 7,
    version: 2,
    status: 'concept',
    adult: true,
    intake_date: '2026-11-10',
    participants: [{ user_id: 1, organisation_id: 10, display_name: 'Fatima' }],
    interpreter: true,
    interpreter_language: 'ar',
    domains: [
      { domain: 'werk_inkomen', situation: 'Uitkering', wishes: '', obstacles: '', strengths: '' },
    ],
    education: [],
    work: [{ occupation: 'Lasser', country: 'SY', years: 8, skills: '' }],
    languages: [
      { language: 'nl', skill: 'lezen', level: 'A1', test_date: '2026-10-01', source: 'NOA' },
    ],
    learnability: null,
    interests: '',
    availability_dagdelen: 6,
    health_screening: { done: true, date: null },
    health_notes: '',
    noa: [],
    recorded_by: null,
    saved_by: null,
    saved_at: null,
    finalised_by: null,
    finalised_at: null,
    hidden_parts: ['health_notes'],
    hidden_domains: 1,
    hidden_noa: 0,
    domains_config: DOMAINS.map((code) => ({
      code,
      label_nl: code,
      label_en: code,
      category: code === 'zorg_gezondheid' ? 'gezondheid' : 'basis',
      visible: code !== 'zorg_gezondheid',
    })),
    noa_config: [],
    access: {
      relationship: 'begeleider',
      edit: true,
      edit_frame: true,
      finalise: true,
      reopen: false,
      visible_categories: ['basis'],
    },
    ...overrides,
  };
}

describe('intakeToForm', () => {
  it('shows dates as dd-mm-jjjj and offers every visible domain', () => {
    const v = intakeToForm(intake(), '2026-11-24');
    expect(v.intake_date).toBe('10-11-2026');
    expect(Object.keys(v.domains).sort()).toEqual(['werk_inkomen', 'wonen']);
    expect(v.domains.werk_inkomen!.situation).toBe('Uitkering');
    expect(v.languages[0]!.test_date).toBe('01-10-2026');
    expect(v.participants).toEqual(['1:10']);
    expect(v.health_screening_done).toBe('ja');
    expect(v.work[0]!.years).toBe('8');
  });

  it('dates a new intake today', () => {
    const v = intakeToForm(intake({ version: 0, intake_date: null }), '2026-11-24');
    expect(v.intake_date).toBe('24-11-2026');
    expect(v.version).toBe(0);
  });
});

describe('formToIntakeInput', () => {
  it('sends ISO dates, filled domains in configured order and no language without interpreter', () => {
    const v = intakeToForm(intake(), '2026-11-24');
    v.domains.wonen = { situation: 'Eengezinswoning', wishes: '', obstacles: '', strengths: '' };
    v.interpreter = false;
    v.availability_dagdelen = '';
    v.participants.push('2:20');
    const { input, sentDomains } = formToIntakeInput(v, DOMAINS);
    expect(sentDomains).toEqual(['wonen', 'werk_inkomen']);
    expect(input.domains.map((d) => d.domain)).toEqual(['wonen', 'werk_inkomen']);
    expect(input.intake_date).toBe('2026-11-10');
    expect(input.interpreter_language).toBeNull();
    expect(input.availability_dagdelen).toBeNull();
    expect(input.participants).toEqual([
      { user_id: 1, organisation_id: 10 },
      { user_id: 2, organisation_id: 20 },
    ]);
    expect(input.languages[0]).toEqual({
      language: 'nl',
      skill: 'lezen',
      level: 'A1',
      test_date: '2026-10-01',
      source: 'NOA',
    });
    expect(input.health_screening).toEqual({ done: true, date: null });
    expect(input.learnability).toBeNull();
    expect(input.version).toBe(2);
  });

  it('leaves a wrong number for the server to refuse', () => {
    const v = intakeToForm(intake(), '2026-11-24');
    v.availability_dagdelen = 'veel';
    expect(formToIntakeInput(v, DOMAINS).input.availability_dagdelen).toBe(-1);
  });
});

describe('intakeErrorPath', () => {
  it('maps domain errors from body indices to domain codes', () => {
    expect(intakeErrorPath('domains/1/situation', ['wonen', 'werk_inkomen'])).toBe(
      'domains/werk_inkomen/situation',
    );
    expect(intakeErrorPath('domains/5/wishes', ['wonen'])).toBe('domains');
    expect(intakeErrorPath('languages/0/level', ['wonen'])).toBe('languages/0/level');
  });

  it('lists every field of the form, domain fields by code', () => {
    const fields = intakeFields(intakeToForm(intake(), '2026-11-24'));
    expect(fields).toContain('domains/wonen/situation');
    expect(fields).toContain('languages/0/level');
    expect(fields).toContain('work/0/years');
  });
});
