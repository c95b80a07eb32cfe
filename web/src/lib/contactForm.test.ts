import { describe, expect, it } from 'vitest';
import {
  contactFormErrors,
  emptyContactForm,
  formToContactInput,
  splitParticipants,
} from './contactForm';

describe('contact form', () => {
  it('starts today with nothing chosen', () => {
    const v = emptyContactForm('2026-11-23');
    expect(v.date).toBe('23-11-2026');
    expect(v.type).toBe('');
    expect(v.person_ids).toEqual([]);
  });

  it('splits participants on commas and drops empty ones', () => {
    expect(splitParticipants(' Amina Haddad, tolk , ,regisseur ')).toEqual([
      'Amina Haddad',
      'tolk',
      'regisseur',
    ]);
    expect(splitParticipants('  ')).toEqual([]);
  });

  it('asks for a date and a type before sending', () => {
    const v = { ...emptyContactForm('2026-11-23'), date: ' ' };
    expect(contactFormErrors(v).map((e) => `${e.field}:${e.code}`)).toEqual([
      'date:required',
      'type:required',
    ]);
    expect(contactFormErrors({ ...v, date: '01-11-2026', type: 'gesprek' })).toEqual([]);
  });

  it('builds the API input', () => {
    const input = formToContactInput({
      date: '5-11-2026',
      type: 'driegesprek',
      participants: 'Amina, klantmanager',
      interpreter: true,
      interpreter_language: ' AR ',
      person_ids: [12, 3],
      note: '  Plan besproken. ',
    });
    expect(input).toEqual({
      date: '2026-11-05',
      type: 'driegesprek',
      participants: ['Amina', 'klantmanager'],
      interpreter: true,
      interpreter_language: 'ar',
      person_ids: [3, 12],
      note: 'Plan besproken.',
    });
  });

  it('sends no language without an interpreter', () => {
    const input = formToContactInput({
      ...emptyContactForm('2026-11-23'),
      type: 'telefoon',
      interpreter_language: 'ar',
    });
    expect(input.interpreter).toBe(false);
    expect(input.interpreter_language).toBeNull();
  });
});
