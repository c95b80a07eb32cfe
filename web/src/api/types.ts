// Types of the Regie HTTP API v1 (docs/api-contract.md, docs/openapi.json).
// Dates are ISO `YYYY-MM-DD`, timestamps ISO 8601 in UTC.

export interface Tenant {
  id: number;
  code: string;
  name: string;
}

export const ORGANISATION_KINDS = [
  'gemeente',
  'vluchtelingenwerk',
  'sociale_dienst',
  'ggd_jgz',
  'school',
  'taalaanbieder',
  'welzijn',
  'vrijwilligersorganisatie',
  'coa',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  id: number;
  name: string;
  kind: OrganisationKind;
}

export const SEXES = ['man', 'vrouw', 'x', 'onbekend'] as const;
export const LITERACY_LEVELS = ['ja', 'beperkt', 'nee'] as const;
export const EDUCATION_LEVELS = [
  'geen',
  'basisonderwijs',
  'voortgezet_onderwijs',
  'mbo',
  'hbo',
  'wo',
  'onbekend',
] as const;
export const ROLES = ['hoofdpersoon', 'partner', 'kind', 'nareiziger', 'overig'] as const;
export const INBURGERING_DUTIES = ['ja', 'nee', 'vrijgesteld'] as const;

export type Sex = (typeof SEXES)[number];
export type Literacy = (typeof LITERACY_LEVELS)[number];
export type Education = (typeof EDUCATION_LEVELS)[number];
export type Role = (typeof ROLES)[number];
export type InburgeringDuty = (typeof INBURGERING_DUTIES)[number];

export interface Address {
  street: string;
  house_number: string;
  postal_code: string;
  city: string;
  wijk: string;
  kern: string;
}

/** What a client sends; required fields may be left out so the server reports them. */
export interface PersonInput {
  given_names?: string;
  family_name?: string;
  birth_date?: string;
  sex: Sex;
  nationality?: string;
  languages: string[];
  literacy: Literacy;
  highest_education: Education;
  bsn: string | null;
  v_number: string | null;
  permit_date: string | null;
  koppeling_date: string | null;
  housing_date: string | null;
  address: Address;
  role?: Role;
  family_reunification: boolean;
  inburgeringsplicht: InburgeringDuty;
  exemption_reason: string;
}

export interface Person {
  id: number;
  tenant_id: number;
  household_id: number;
  version: number;
  given_names: string;
  family_name: string;
  birth_date: string;
  sex: Sex;
  nationality: string;
  languages: string[];
  literacy: Literacy;
  highest_education: Education;
  bsn: string | null;
  v_number: string | null;
  permit_date: string | null;
  koppeling_date: string | null;
  housing_date: string | null;
  address: Address;
  role: Role;
  family_reunification: boolean;
  inburgeringsplicht: InburgeringDuty;
  exemption_reason: string;
  created_at: string;
  updated_at: string;
}

export interface HouseholdSummary {
  id: number;
  version: number;
  name: string;
  regisseur: string;
  member_count: number;
  wijk: string;
  kern: string;
  housing_date: string | null;
  archived: boolean;
}

export interface HouseholdPage {
  items: HouseholdSummary[];
  next: string | null;
}

export interface Household {
  id: number;
  tenant_id: number;
  version: number;
  name: string;
  regisseur: string;
  involved_organisations: Organisation[];
  archived: boolean;
  archived_at: string | null;
  archive_reason: string;
  created_at: string;
  updated_at: string;
  persons: Person[];
}

export interface HouseholdInput {
  name: string;
  regisseur: string;
  involved_organisations: number[];
}

/** The filters of the household list; empty strings mean "no filter". */
export interface HouseholdFilters {
  q: string;
  wijk: string;
  kern: string;
  housed_from: string;
  housed_to: string;
  include_archived: boolean;
}

export interface FieldError {
  /** A JSON-pointer-like path without the leading slash: "bsn", "address/postal_code", "persons/0/bsn". */
  field: string;
  code: string;
  message_nl: string;
  message_en: string;
}

/** RFC 9457 problem details as Regie sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  message_nl: string;
  message_en: string;
  errors?: FieldError[];
}
