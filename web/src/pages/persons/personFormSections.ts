// The layout of the person form: fieldsets in order, each with its fields.
import {
  EDUCATION_LEVELS,
  INBURGERING_DUTIES,
  LITERACY_LEVELS,
  ROLES,
  SEXES,
} from '../../api/types';
import type { InputHTMLAttributes } from 'react';
import type { FieldError } from '../../api/types';
import { clientFieldError } from '../../lib/clientProblem';
import type { EnumGroup } from '../../lib/enumLabel';
import type { PersonField, PersonFormValues } from '../../lib/personForm';

export interface FieldSpec {
  name: PersonField;
  kind: 'text' | 'date' | 'select' | 'checkbox' | 'textarea';
  required?: boolean;
  /** Has a help text under `personForm.descriptions.<name>`. */
  described?: boolean;
  options?: { group: EnumGroup; codes: readonly string[]; placeholder?: boolean };
  input?: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name'>;
  /** Shown only when this returns true for the current values. */
  when?: (values: { inburgeringsplicht: string }) => boolean;
}

export interface SectionSpec {
  id: 'personal' | 'identification' | 'language' | 'residence' | 'address' | 'inburgering';
  fields: readonly FieldSpec[];
}

const numeric = { inputMode: 'numeric', autoComplete: 'off' } as const;

export const PERSON_SECTIONS: readonly SectionSpec[] = [
  {
    id: 'personal',
    fields: [
      { name: 'given_names', kind: 'text', required: true, input: { autoComplete: 'off' } },
      { name: 'family_name', kind: 'text', required: true, input: { autoComplete: 'off' } },
      { name: 'birth_date', kind: 'date', required: true },
      { name: 'sex', kind: 'select', options: { group: 'sex', codes: SEXES } },
      {
        name: 'nationality',
        kind: 'text',
        required: true,
        described: true,
        input: { maxLength: 2, autoComplete: 'off', className: 'regie-input-short' },
      },
      {
        name: 'role',
        kind: 'select',
        required: true,
        options: { group: 'role', codes: ROLES, placeholder: true },
      },
      { name: 'family_reunification', kind: 'checkbox' },
    ],
  },
  {
    id: 'identification',
    fields: [
      {
        name: 'bsn',
        kind: 'text',
        described: true,
        input: { ...numeric, className: 'regie-input-medium' },
      },
      {
        name: 'v_number',
        kind: 'text',
        described: true,
        input: { ...numeric, className: 'regie-input-medium' },
      },
    ],
  },
  {
    id: 'language',
    fields: [
      { name: 'languages', kind: 'text', described: true, input: { autoComplete: 'off' } },
      {
        name: 'literacy',
        kind: 'select',
        required: true,
        options: { group: 'literacy', codes: LITERACY_LEVELS, placeholder: true },
      },
      {
        name: 'highest_education',
        kind: 'select',
        options: { group: 'education', codes: EDUCATION_LEVELS },
      },
    ],
  },
  {
    id: 'residence',
    fields: [
      { name: 'permit_date', kind: 'date' },
      { name: 'koppeling_date', kind: 'date' },
      { name: 'housing_date', kind: 'date', described: true },
    ],
  },
  {
    id: 'address',
    fields: [
      { name: 'address/street', kind: 'text', input: { autoComplete: 'off' } },
      {
        name: 'address/house_number',
        kind: 'text',
        input: { autoComplete: 'off', className: 'regie-input-short' },
      },
      {
        name: 'address/postal_code',
        kind: 'text',
        described: true,
        input: { autoComplete: 'off', className: 'regie-input-medium' },
      },
      { name: 'address/city', kind: 'text', input: { autoComplete: 'off' } },
      { name: 'address/wijk', kind: 'text', input: { autoComplete: 'off' } },
      { name: 'address/kern', kind: 'text', input: { autoComplete: 'off' } },
    ],
  },
  {
    id: 'inburgering',
    fields: [
      {
        name: 'inburgeringsplicht',
        kind: 'select',
        required: true,
        options: { group: 'inburgering', codes: INBURGERING_DUTIES, placeholder: true },
      },
      {
        name: 'exemption_reason',
        kind: 'textarea',
        required: true,
        when: (v) => v.inburgeringsplicht === 'vrijgesteld',
      },
    ],
  },
];

/**
 * The required fields the form shows that are still empty, checked before
 * sending so every missing field is reported at once. Literacy and the
 * civic-integration duty must be checked here: the server would store its
 * default ("ja") for a missing value instead of reporting it.
 */
export function personFormErrors(
  values: PersonFormValues,
  hidden: ReadonlySet<PersonField>,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const section of PERSON_SECTIONS) {
    for (const spec of section.fields) {
      if (!spec.required || hidden.has(spec.name) || (spec.when && !spec.when(values))) continue;
      const value = values[spec.name];
      if (typeof value !== 'string' || value.trim() !== '') continue;
      errors.push(
        clientFieldError(
          spec.name,
          'required',
          spec.kind === 'select' ? 'personForm.errors.choose' : 'personForm.errors.required',
        ),
      );
    }
  }
  return errors;
}
