// Assessments of a person over time: ZRM, participatieladder and the Ferm
// Werk outcome (issue 4; docs/openapi.json, "Assessments").
import { request } from './client';
import { tenantPath } from './regie';
import type { Category, UserRef } from './types';

export const ASSESSMENT_KINDS = ['zrm', 'participatieladder', 'ferm_werk'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** The 13 domains of the ZRM 2017, in the instrument's order. */
export const ZRM_DOMAINS = [
  'financien',
  'werk_opleiding',
  'tijdsbesteding',
  'huisvesting',
  'huiselijke_relaties',
  'geestelijke_gezondheid',
  'lichamelijke_gezondheid',
  'middelengebruik',
  'basale_adl',
  'instrumentele_adl',
  'sociaal_netwerk',
  'maatschappelijke_participatie',
  'justitie',
] as const;
export type ZrmDomainCode = (typeof ZRM_DOMAINS)[number];

/** ZRM scores: 1 acute problematiek .. 5 volledig zelfredzaam. */
export const ZRM_SCORES = [1, 2, 3, 4, 5] as const;
/** Participatieladder rungs: 1 geïsoleerd .. 6 betaald werk. */
export const LADDER_RUNGS = [1, 2, 3, 4, 5, 6] as const;
/** Ferm Werk outcome categories (Woerden, seed 003). */
export const FERM_WERK_OUTCOMES = ['A', 'B', 'C', 'D'] as const;

export interface ZrmScore {
  domain: string;
  score: number;
}

/** An assessment as the server shows it to this user: only the parts it may see. */
export interface Assessment {
  id: number;
  person_id: number;
  kind: AssessmentKind;
  date: string;
  /** Who assessed (name, organisation); empty means the user who recorded it. */
  assessor: string;
  /** ZRM: the scores of the domains the user may see. */
  zrm?: ZrmScore[];
  /** ZRM: how many scores are withheld from this user. */
  hidden_domains?: number;
  rung?: number;
  rungs_present?: number[];
  outcome?: string;
  recorded_by: UserRef | null;
  recorded_at: string;
  voided: boolean;
  voided_at: string | null;
  void_reason: string;
  /** Only in the answer to recording: the policy event was recorded too. */
  event_recorded?: boolean;
}

export interface ZrmDomainInfo {
  code: string;
  category: Category | string;
  /** The user may see (and, recording, score) this domain. */
  visible: boolean;
}

export interface AssessmentList {
  /** Oldest first; voided ones included. */
  items: Assessment[];
  zrm_domains: ZrmDomainInfo[];
  /** The user may see the participatieladder and Ferm Werk outcomes. */
  ladder_visible: boolean;
}

/** Required fields may be left out so the server reports them. */
export interface AssessmentInput {
  kind?: AssessmentKind;
  date?: string;
  assessor?: string;
  zrm?: ZrmScore[];
  rung?: number;
  rungs_present?: number[];
  outcome?: string;
}

function assessmentsPath(tenantId: number, personId: number): string {
  return `${tenantPath(tenantId)}/persons/${personId}/assessments`;
}

export function listAssessments(
  tenantId: number,
  personId: number,
  signal?: AbortSignal,
): Promise<AssessmentList> {
  return request(assessmentsPath(tenantId, personId), { signal });
}

export function recordAssessment(
  tenantId: number,
  personId: number,
  input: AssessmentInput,
): Promise<Assessment> {
  return request(assessmentsPath(tenantId, personId), { method: 'POST', body: input });
}

export function voidAssessment(
  tenantId: number,
  personId: number,
  assessmentId: number,
  reason: string,
): Promise<Assessment> {
  return request(`${assessmentsPath(tenantId, personId)}/${assessmentId}/void`, {
    method: 'POST',
    body: { reason },
  });
}
