// The broad intake (brede intake) of an adult (docs/api-contract.md,
// "Broad intake"). The server filters: parts the user may not see are left
// out and named in hidden_parts.
import { request } from './client';
import { tenantPath } from './regie';
import type { UserRef } from './types';

export const EDUCATION_LEVELS = [
  'geen',
  'basis',
  'voortgezet',
  'beroeps',
  'hoger_beroeps',
  'universitair',
] as const;
export const LANGUAGE_SKILLS = ['luisteren', 'lezen', 'spreken', 'schrijven'] as const;
export const CEFR_LEVELS = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const LEARNABILITY_INSTRUMENTS = ['leerbaarheidstoets', 'noa'] as const;
export const NOA_COMPONENTS = [
  'zelfredzaamheid',
  'ptss',
  'emotionele_stabiliteit',
  'nederlands_toets',
  'engels_toets',
  'leerbaarheid',
  'werkmotivatie',
  'competenties',
] as const;

export interface IntakeParticipant {
  user_id: number;
  organisation_id: number;
  display_name?: string | null;
  organisation_name?: string | null;
}
export interface IntakeDomainEntry {
  domain: string;
  situation: string;
  wishes: string;
  obstacles: string;
  strengths: string;
}
export interface EducationEntry {
  country: string;
  level: string;
  description: string;
  diploma: boolean;
  valuation_requested: boolean;
}
export interface WorkEntry {
  occupation: string;
  country: string;
  years: number;
  skills: string;
}
export interface LanguageEntry {
  language: string;
  skill: string;
  level: string;
  test_date: string | null;
  source: string;
}
export interface NoaEntry {
  component: string;
  outcome: string;
  date: string | null;
  remark: string;
}

/** The members a save sends (IntakeInput without version). */
export interface IntakeContent {
  intake_date: string | null;
  participants: IntakeParticipant[];
  interpreter: boolean;
  interpreter_language: string | null;
  domains: IntakeDomainEntry[];
  education: EducationEntry[];
  work: WorkEntry[];
  languages: LanguageEntry[];
  learnability: { instrument: string; outcome: string; date: string | null } | null;
  interests: string;
  availability_dagdelen: number | null;
  health_screening: { done: boolean | null; date: string | null };
  health_notes: string;
  noa: NoaEntry[];
}

export interface Intake extends IntakeContent {
  person_id: number;
  version: number;
  status: 'concept' | 'afgerond';
  adult: boolean;
  recorded_by: UserRef | null;
  saved_by: UserRef | null;
  saved_at: string | null;
  finalised_by: UserRef | null;
  finalised_at: string | null;
  hidden_parts: string[];
  hidden_domains: number;
  hidden_noa: number;
  domains_config: {
    code: string;
    label_nl: string;
    label_en: string;
    category: string;
    visible: boolean;
  }[];
  noa_config: { component: string; category: string; visible: boolean }[];
  access: {
    relationship: string;
    edit: boolean;
    edit_frame: boolean;
    finalise: boolean;
    reopen: boolean;
    visible_categories: string[];
  };
  participant_options?: IntakeParticipant[];
}

export type IntakeInput = IntakeContent & { version: number };

const intakePath = (tenantId: number, personId: number) =>
  `${tenantPath(tenantId)}/persons/${personId}/intake`;

export function getIntake(tenantId: number, personId: number, signal?: AbortSignal) {
  return request<Intake>(intakePath(tenantId, personId), { signal });
}

export function saveIntake(tenantId: number, personId: number, input: IntakeInput) {
  return request<Intake>(intakePath(tenantId, personId), { method: 'PUT', body: input });
}

export function finaliseIntake(tenantId: number, personId: number, version: number) {
  return request<Intake>(`${intakePath(tenantId, personId)}/finalise`, {
    method: 'POST',
    body: { version },
  });
}

export function reopenIntake(tenantId: number, personId: number, version: number) {
  return request<Intake>(`${intakePath(tenantId, personId)}/reopen`, {
    method: 'POST',
    body: { version },
  });
}
