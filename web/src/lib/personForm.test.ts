import { describe, expect, it } from 'vitest';
import type { Person } from '../api/types';
import { emptyPersonForm, formToPersonInput, parseLanguages, personToForm } from './personForm';

const person: Person = {
  id: 7,
  tenant_id: 1,
  household_id: 3,
  version: 2,
  given_names: 'Amina',
  family_name: 'Haddad',
  birth_date: '1990-04-01',
  sex: 'vrouw',
  nationality: 'SY',
  languages: ['ar', 'ku'],
  literacy: 'beperkt',
  highest_education: 'mbo',
  bsn: '111222333',
  v_number: null,
  permit_date: '2023-01-10',
  koppeling_date: '2023-02-01',
  housing_date: null,
  address: {
    street: 'Dorpsstraat',
    house_number: '1a',
    postal_code: '1234 AB',
    city: 'Dalfsen',
    wijk: 'Centrum',
    kern: 'Dalfsen',
  },
  role: 'hoofdpersoon',
  family_reunification: false,
  inburgeringsplicht: 'vrijgesteld',
  exemption_reason: 'Medisch',
  created_at: '2024-01-01T00:00:00.000000Z',
  updated_at: '2024-01-01T00:00:00.000000Z',
};

describe('person form values', () => {
  it('show dates as dd-mm-jjjj and lists as text', () => {
    const v = personToForm(person);
    expect(v.birth_date).toBe('01-04-1990');
    expect(v.housing_date).toBe('');
    expect(v.languages).toBe('ar, ku');
    expect(v['address/postal_code']).toBe('1234 AB');
  });

  it('round-trip to the same PersonInput', () => {
    const input = formToPersonInput(personToForm(person));
    const { id, tenant_id, household_id, version, created_at, updated_at, ...expected } = person;
    expect(input).toEqual(expected);
  });

  it('leave out empty required fields so the server reports them as required', () => {
    const input = formToPersonInput(emptyPersonForm(''));
    const json = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    for (const key of ['given_names', 'family_name', 'birth_date', 'nationality', 'role']) {
      expect(json, key).not.toHaveProperty(key);
    }
    expect(json.bsn).toBeNull();
    expect(json.permit_date).toBeNull();
  });

  it('clean up typed identification numbers, codes and dates', () => {
    const v = {
      ...emptyPersonForm('kind'),
      bsn: ' 1112 22.333 ',
      nationality: 'er',
      languages: 'TI,  ar;prs',
      birth_date: '5-3-2015',
    };
    const input = formToPersonInput(v);
    expect(input.bsn).toBe('111222333');
    expect(input.nationality).toBe('ER');
    expect(input.languages).toEqual(['ti', 'ar', 'prs']);
    expect(input.birth_date).toBe('2015-03-05');
    expect(input.role).toBe('kind');
  });

  it('send an exemption reason only with an exemption', () => {
    const v = { ...personToForm(person), inburgeringsplicht: 'ja' };
    expect(formToPersonInput(v).exemption_reason).toBe('');
  });

  it('start without a literacy or civic-integration duty, and send none unchosen', () => {
    const v = emptyPersonForm('kind');
    expect(v.literacy).toBe('');
    expect(v.inburgeringsplicht).toBe('');
    const json = JSON.parse(JSON.stringify(formToPersonInput(v))) as Record<string, unknown>;
    expect(json).not.toHaveProperty('literacy');
    expect(json).not.toHaveProperty('inburgeringsplicht');
  });

  it('parse an empty language list as none', () => {
    expect(parseLanguages('  ')).toEqual([]);
  });
});
