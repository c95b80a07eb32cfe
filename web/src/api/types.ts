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
  /** A regional organisation that serves several municipalities. */
  regional?: boolean;
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
  /** Left out when the user made no choice (the form requires one before sending). */
  literacy?: Literacy;
  highest_education: Education;
  bsn: string | null;
  v_number: string | null;
  permit_date: string | null;
  koppeling_date: string | null;
  housing_date: string | null;
  address: Address;
  role?: Role;
  family_reunification: boolean;
  /** Left out when the user made no choice (the form requires one before sending). */
  inburgeringsplicht?: InburgeringDuty;
  exemption_reason: string;
}

/** The fields of a person's data; a response holds only those of the categories the user may see. */
export interface PersonData {
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
}

/**
 * A person as the server shows it to this user: the identifiers always, the
 * data fields only of the categories in `visible_categories` (absent, not
 * empty, otherwise).
 */
export interface Person extends Partial<PersonData> {
  id: number;
  tenant_id: number;
  household_id: number;
  version: number;
  created_at: string;
  updated_at: string;
  visible_categories?: Category[];
}

/** Someone named in a household (regisseur, begeleider, vrijwilliger). */
export interface UserRef {
  id: number;
  display_name: string;
}

export const RELATIONSHIPS = [
  'regisseur',
  'begeleider',
  'partner',
  'vrijwilliger',
  'break_glass',
  'referral',
  'none',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface HouseholdSummary {
  id: number;
  version: number;
  name: string;
  /** An object under access control; a plain name from servers before issue 3. */
  regisseur?: UserRef | string;
  member_count?: number;
  wijk?: string;
  kern?: string;
  housing_date?: string | null;
  archived: boolean;
  relationship?: Relationship;
}

export interface HouseholdPage {
  items: HouseholdSummary[];
  next: string | null;
}

/** A hit of the tenant-wide search (`scope=all`), to open with break-the-glass. */
export interface HouseholdHit {
  id: number;
  name: string;
}

export interface HouseholdAccess {
  relationship: Relationship;
  categories: Category[];
  break_glass: boolean;
  can_edit: boolean;
  /** Sent by the server, not (yet) in the contract: may add (and change) persons. */
  can_add_person?: boolean;
  /** Not (yet) in the contract: when an active break-the-glass opening ends. */
  break_glass_expires_at?: string | null;
}

export interface Household {
  id: number;
  tenant_id: number;
  version: number;
  name: string;
  regisseur: UserRef | null;
  begeleiders: UserRef[];
  vrijwilligers: UserRef[];
  involved_organisations: Organisation[];
  archived: boolean;
  archived_at: string | null;
  archive_reason: string;
  /** Archived by its own handover: reopening needs handover_returned. */
  handed_over: boolean;
  created_at: string;
  updated_at: string;
  persons: Person[];
  access: HouseholdAccess;
}

export interface HouseholdInput {
  name: string;
  /** Left out when none is chosen, so the server reports it as required. */
  regisseur_user_id?: number;
  involved_organisations: number[];
}

export interface AssignmentsInput {
  begeleiders: number[];
  vrijwilligers: number[];
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

// ---- Access (issue 3) ------------------------------------------------------

export const USER_ROLES = [
  'regisseur',
  'begeleider',
  'partner',
  'vrijwilliger',
  'beleid',
  'beheer',
  'auditor',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const CATEGORIES = [
  'basis',
  'contact',
  'inburgering',
  'werk_inkomen',
  'financien',
  'gezondheid',
  'jeugd',
  'justitie',
  'notities',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const LEGAL_BASES = ['toestemming', 'wettelijke_taak', 'overeenkomst'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export interface MeUser {
  id: number;
  username: string;
  display_name: string;
  roles: UserRole[];
  organisation: Organisation;
  tenants: Tenant[];
}

/** The signed-in user and the session (GET /auth/me, POST /auth/totp). */
export interface Me {
  user: MeUser;
  csrf_token: string;
  idle_expires_at: string;
  absolute_expires_at: string;
}

/** A single sign-on provider the server is configured with. */
export interface IdentityProvider {
  id: string;
  name_nl: string;
  name_en: string;
}

export interface LoginResult {
  stage: 'totp' | 'enrol_totp';
  csrf_token: string;
}

export type SecondFactor = { code: string } | { recovery_code: string };

export interface EnrolmentInfo {
  username: string;
  display_name: string;
  organisation: Organisation;
}

export interface TotpSetup {
  totp_secret: string;
  otpauth_uri: string;
  /** An SVG document; shown as an image, never inserted as markup. */
  qr_svg: string;
  recovery_codes: string[];
}

export interface User {
  id: number;
  version: number;
  username: string;
  display_name: string;
  /** Only in answers to beheer. */
  email?: string;
  roles: UserRole[];
  organisation: Organisation;
  active: boolean;
  totp_enabled: boolean;
  /** Only in answers to beheer: the identity providers the account is bound to. */
  sso?: SsoBinding[];
  /**
   * Only in answers to beheer: whether this municipality manages the account
   * (false for a regional organisation at home in another municipality).
   */
  managed?: boolean;
}

export interface SsoBinding {
  issuer: string;
  linked_at: string;
}

export interface UserCreateInput {
  username: string;
  display_name: string;
  email: string;
  organisation_id?: number;
  roles: UserRole[];
}

export interface UserUpdateInput {
  display_name: string;
  email: string;
  roles: UserRole[];
  active: boolean;
}

export interface UserCreated {
  user: User;
  enrolment_url: string;
}

export interface SharingBasis {
  id: number;
  person_id: number;
  organisation: Organisation;
  categories: Category[];
  purpose: string;
  legal_basis: LegalBasis;
  given: string;
  expires: string | null;
  withdrawn_at: string | null;
  recorded_by: UserRef | null;
  consent_text: string;
  active: boolean;
}

/** Required fields may be left out so the server reports them. */
export interface SharingBasisInput {
  organisation_id?: number;
  categories: Category[];
  purpose: string;
  legal_basis?: LegalBasis;
  given?: string;
  expires: string | null;
  consent_text: string;
}

export interface AuditRecord {
  seq: number;
  at: string;
  user: UserRef | null;
  organisation_id: number | null;
  tenant_id: number | null;
  action: string;
  resource_type: string;
  resource_id: string;
  household_id: number | null;
  person_id: number | null;
  categories: Category[];
  purpose: string;
  break_glass: boolean;
  outcome: 'allowed' | 'denied' | 'failed';
  client_ip: string;
}

export interface AuditPage {
  items: AuditRecord[];
  next: string | null;
}

/** The audit filters as the API names them; empty strings mean "no filter". */
export interface AuditFilters {
  user_id: string;
  person_id: string;
  household_id: string;
  action: string;
  from: string;
  to: string;
}
