import { describe, expect, it } from 'vitest';
import type { FieldError } from '../api/types';
import { fieldId, groupFieldErrors, localMessage, matchField } from './fieldErrors';

function fe(field: string, code = 'required'): FieldError {
  return { field, code, message_nl: `nl:${field}:${code}`, message_en: `en:${field}:${code}` };
}

const FIELDS = ['given_names', 'bsn', 'languages', 'address/postal_code', 'address'];

describe('matchField', () => {
  it('matches a field exactly', () => {
    expect(matchField('bsn', FIELDS)).toBe('bsn');
    expect(matchField('address/postal_code', FIELDS)).toBe('address/postal_code');
  });

  it('matches an item of a list field to the list', () => {
    expect(matchField('languages/2', FIELDS)).toBe('languages');
  });

  it('prefers the longest matching field', () => {
    expect(matchField('address/postal_code', ['address', 'address/postal_code'])).toBe(
      'address/postal_code',
    );
    expect(matchField('address/street', FIELDS)).toBe('address');
  });

  it('does not match on a mere string prefix', () => {
    expect(matchField('bsnx', FIELDS)).toBeNull();
    expect(matchField('persons/0/bsn', FIELDS)).toBeNull();
  });
});

describe('groupFieldErrors', () => {
  it('groups errors per field, in form order, with unmatched errors last', () => {
    const grouped = groupFieldErrors(
      [fe('version', 'wrong_type'), fe('bsn', 'bsn_invalid'), fe('given_names')],
      FIELDS,
    );
    expect(grouped.byField.get('bsn')?.map((e) => e.code)).toEqual(['bsn_invalid']);
    expect(grouped.ordered.map((o) => [o.field, o.error.field])).toEqual([
      ['given_names', 'given_names'],
      ['bsn', 'bsn'],
      [null, 'version'],
    ]);
  });

  it('shows one message per code for a list field', () => {
    const grouped = groupFieldErrors(
      [
        fe('languages/0', 'unknown_language'),
        fe('languages/3', 'unknown_language'),
        fe('languages', 'too_many'),
      ],
      FIELDS,
    );
    expect(grouped.byField.get('languages')?.map((e) => e.code)).toEqual([
      'unknown_language',
      'too_many',
    ]);
  });

  it('is empty without errors', () => {
    expect(groupFieldErrors(undefined, FIELDS).ordered).toEqual([]);
    expect(groupFieldErrors([], FIELDS).byField.size).toBe(0);
  });
});

describe('localMessage and fieldId', () => {
  it('picks the message in the UI language', () => {
    expect(localMessage(fe('bsn'), 'nl')).toBe('nl:bsn:required');
    expect(localMessage(fe('bsn'), 'en')).toBe('en:bsn:required');
  });

  it('makes a valid, stable element id of a field path', () => {
    expect(fieldId('address/postal_code')).toBe('veld-address-postal_code');
    expect(fieldId('bsn')).toBe('veld-bsn');
  });

  it("puts the form's scope in the id, so equal field names of two forms differ", () => {
    expect(fieldId('person_ids', 'f_r_1_')).toBe('veld-f_r_1_-person_ids');
    expect(fieldId('date', 'f«r2»')).toBe('veld-fr2-date');
    expect(fieldId('date', 'a')).not.toBe(fieldId('date', 'b'));
  });
});
