import { describe, expect, it } from 'vitest';
import type { SharingBasis } from '../api/types';
import {
  basisStatus,
  emptySharingForm,
  formToSharingInput,
  sharingFormErrors,
} from './sharingForm';
import type { SharingFormValues } from './sharingForm';

const filled: SharingFormValues = {
  organisation_id: '4',
  categories: ['inburgering', 'basis'],
  purpose: '  Begeleiding naar taalles ',
  legal_basis: 'toestemming',
  given: '1-3-2024',
  expires: '',
  consent_text: ' Formulier 12 ',
};

describe('sharing basis form', () => {
  it('starts with today as the date given', () => {
    expect(emptySharingForm('2024-03-05').given).toBe('05-03-2024');
  });

  it('converts to the API input with ISO dates and numbers', () => {
    expect(formToSharingInput(filled)).toEqual({
      organisation_id: 4,
      categories: ['inburgering', 'basis'],
      purpose: 'Begeleiding naar taalles',
      legal_basis: 'toestemming',
      given: '2024-03-01',
      expires: null,
      consent_text: 'Formulier 12',
    });
  });

  it('sends no consent text for other legal grounds', () => {
    const input = formToSharingInput({
      ...filled,
      legal_basis: 'wettelijke_taak',
      expires: '31-12-2024',
    });
    expect(input.consent_text).toBe('');
    expect(input.expires).toBe('2024-12-31');
  });

  it('reports every missing field at once, at the API field names', () => {
    const errors = sharingFormErrors({ ...emptySharingForm(), given: '' });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['organisation_id', 'required'],
      ['categories', 'required'],
      ['purpose', 'required'],
      ['legal_basis', 'required'],
      ['given', 'required'],
    ]);
    expect(errors[1]!.message_nl).toBe('Kies minstens één gegevenscategorie.');
    expect(errors[1]!.message_en).toBe('Choose at least one data category.');
  });

  it('asks for the consent text only with consent', () => {
    const consent = sharingFormErrors({ ...filled, consent_text: ' ' });
    expect(consent.map((e) => e.field)).toEqual(['consent_text']);
    expect(sharingFormErrors({ ...filled, legal_basis: 'overeenkomst', consent_text: '' })).toEqual(
      [],
    );
  });

  it('tells active, withdrawn, expired and pending bases apart', () => {
    const basis = {
      active: true,
      withdrawn_at: null,
      given: '2024-01-01',
      expires: null,
    } as SharingBasis;
    expect(basisStatus(basis, '2024-06-01')).toBe('active');
    expect(
      basisStatus({ ...basis, active: false, withdrawn_at: '2024-05-01T10:00:00Z' }, '2024-06-01'),
    ).toBe('withdrawn');
    expect(basisStatus({ ...basis, active: false, expires: '2024-06-01' }, '2024-06-01')).toBe(
      'expired',
    );
    expect(basisStatus({ ...basis, active: false, given: '2024-07-01' }, '2024-06-01')).toBe(
      'pending',
    );
  });
});
