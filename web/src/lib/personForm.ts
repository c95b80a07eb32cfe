// The person form: its fields (named by API path, in form order), the values
// it edits, and the conversion to and from the API's PersonInput.
import type { InburgeringDuty, Person, PersonData, PersonInput, Role } from '../api/types';
import { formatDate, parseDateInput } from './dates';

export const PERSON_FIELDS = [
  'given_names',
  'family_name',
  'birth_date',
  'sex',
  'nationality',
  'role',
  'family_reunification',
  'bsn',
  'v_number',
  'languages',
  'literacy',
  'highest_education',
  'permit_date',
  'koppeling_date',
  'housing_date',
  'address/street',
  'address/house_number',
  'address/postal_code',
  'address/city',
  'address/wijk',
  'address/kern',
  'inburgeringsplicht',
  'exemption_reason',
] as const;

export type PersonField = (typeof PERSON_FIELDS)[number];

export type PersonFormValues = {
  [K in PersonField]: K extends 'family_reunification' ? boolean : string;
};

export function emptyPersonForm(role: Role | ''): PersonFormValues {
  return {
    given_names: '',
    family_name: '',
    birth_date: '',
    sex: 'onbekend',
    nationality: '',
    role,
    family_reunification: false,
    bsn: '',
    v_number: '',
    languages: '',
    // No default for what must be asked: a new person (a toddler as well as
    // an adult) gets no literacy or civic-integration duty the user did not
    // choose. The server has no "unknown" code and would store "ja" for a
    // missing value, so the form requires a choice (personFormErrors).
    literacy: '',
    highest_education: 'onbekend',
    permit_date: '',
    koppeling_date: '',
    housing_date: '',
    'address/street': '',
    'address/house_number': '',
    'address/postal_code': '',
    'address/city': '',
    'address/wijk': '',
    'address/kern': '',
    inburgeringsplicht: '',
    exemption_reason: '',
  };
}

/** The API key of a form field: "address/street" is part of "address". */
export function personKey(field: PersonField): keyof PersonData {
  return (field.startsWith('address/') ? 'address' : field) as keyof PersonData;
}

/**
 * The fields the server left out of this person because the user may not
 * see their category. The form leaves them out; the server keeps their
 * stored values.
 */
export function hiddenFields(p: Person): ReadonlySet<PersonField> {
  return new Set(PERSON_FIELDS.filter((f) => p[personKey(f)] === undefined));
}

export function personToForm(p: Person): PersonFormValues {
  const empty = emptyPersonForm('');
  const address = p.address;
  return {
    given_names: p.given_names ?? empty.given_names,
    family_name: p.family_name ?? empty.family_name,
    birth_date: formatDate(p.birth_date),
    sex: p.sex ?? empty.sex,
    nationality: p.nationality ?? empty.nationality,
    role: p.role ?? empty.role,
    family_reunification: p.family_reunification ?? empty.family_reunification,
    bsn: p.bsn ?? '',
    v_number: p.v_number ?? '',
    languages: p.languages?.join(', ') ?? '',
    literacy: p.literacy ?? empty.literacy,
    highest_education: p.highest_education ?? empty.highest_education,
    permit_date: formatDate(p.permit_date),
    koppeling_date: formatDate(p.koppeling_date),
    housing_date: formatDate(p.housing_date),
    'address/street': address?.street ?? '',
    'address/house_number': address?.house_number ?? '',
    'address/postal_code': address?.postal_code ?? '',
    'address/city': address?.city ?? '',
    'address/wijk': address?.wijk ?? '',
    'address/kern': address?.kern ?? '',
    inburgeringsplicht: p.inburgeringsplicht ?? empty.inburgeringsplicht,
    exemption_reason: p.exemption_reason ?? empty.exemption_reason,
  };
}

/** A required field left empty is left out, so the server answers "required" for it. */
function required(value: string): string | undefined {
  const v = value.trim();
  return v ? v : undefined;
}

/** Identification numbers are often typed or pasted with spaces or dots. */
function number(value: string): string | null {
  const v = value.replace(/[\s.]/g, '');
  return v ? v : null;
}

/** "ar, ku prs" -> ["ar", "ku", "prs"]: codes are lower case, countries upper case. */
export function parseLanguages(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((code) => code.toLowerCase());
}

export function formToPersonInput(v: PersonFormValues): PersonInput {
  const exempt = v.inburgeringsplicht === 'vrijgesteld';
  return {
    given_names: required(v.given_names),
    family_name: required(v.family_name),
    birth_date: parseDateInput(v.birth_date) ?? undefined,
    sex: v.sex as PersonInput['sex'],
    nationality: required(v.nationality)?.toUpperCase(),
    languages: parseLanguages(v.languages),
    literacy: (v.literacy || undefined) as PersonInput['literacy'],
    highest_education: v.highest_education as PersonInput['highest_education'],
    bsn: number(v.bsn),
    v_number: number(v.v_number),
    permit_date: parseDateInput(v.permit_date),
    koppeling_date: parseDateInput(v.koppeling_date),
    housing_date: parseDateInput(v.housing_date),
    address: {
      street: v['address/street'].trim(),
      house_number: v['address/house_number'].trim(),
      postal_code: v['address/postal_code'].trim(),
      city: v['address/city'].trim(),
      wijk: v['address/wijk'].trim(),
      kern: v['address/kern'].trim(),
    },
    role: (v.role || undefined) as Role | undefined,
    family_reunification: v.family_reunification,
    inburgeringsplicht: (v.inburgeringsplicht || undefined) as InburgeringDuty | undefined,
    // The reason belongs to an exemption only; the field is hidden otherwise.
    exemption_reason: exempt ? v.exemption_reason.trim() : '',
  };
}

/** The input without the fields the user cannot see, so the server keeps what it has. */
export function omitHidden(
  input: PersonInput,
  hidden: ReadonlySet<PersonField>,
): Partial<PersonInput> {
  const out: Partial<PersonInput> = { ...input };
  for (const field of hidden) delete out[personKey(field) as keyof PersonInput];
  return out;
}
