// The intake form's state and its mapping to and from the API. The form
// keeps text as typed (dates as dd-mm-jjjj, numbers as text); the server
// validates and answers with field errors on the paths of the body
// ("languages/1/level"), which the form shows at the matching field.
import type { Intake, IntakeInput } from '../api/intake';
import { formatDate, parseDateInput } from './dates';

export interface DomainValues {
  situation: string;
  wishes: string;
  obstacles: string;
  strengths: string;
}
export interface EducationValues {
  country: string;
  level: string;
  description: string;
  diploma: boolean;
  valuation_requested: boolean;
}
export interface WorkValues {
  occupation: string;
  country: string;
  years: string;
  skills: string;
}
export interface LanguageValues {
  skill: string;
  level: string;
  test_date: string;
  source: string;
}
export interface NoaValues {
  component: string;
  outcome: string;
  date: string;
  remark: string;
}

export interface IntakeFormValues {
  version: number;
  intake_date: string;
  /** "userId:organisationId" of each participant. */
  participants: string[];
  interpreter: boolean;
  interpreter_language: string;
  /** Per visible domain code. */
  domains: Record<string, DomainValues>;
  education: EducationValues[];
  work: WorkValues[];
  languages: LanguageValues[];
  learnability_instrument: string;
  learnability_outcome: string;
  learnability_date: string;
  interests: string;
  availability_dagdelen: string;
  health_screening_done: '' | 'ja' | 'nee';
  health_screening_date: string;
  health_notes: string;
  noa: NoaValues[];
}

const EMPTY_DOMAIN: DomainValues = { situation: '', wishes: '', obstacles: '', strengths: '' };

export function participantKey(userId: number, organisationId: number): string {
  return `${userId}:${organisationId}`;
}

/** The form for an intake as the server showed it (version 0: a new one, dated `today`). */
export function intakeToForm(intake: Intake, todayIso: string): IntakeFormValues {
  const domains: Record<string, DomainValues> = {};
  for (const d of intake.domains_config) if (d.visible) domains[d.code] = { ...EMPTY_DOMAIN };
  for (const d of intake.domains) {
    domains[d.domain] = {
      situation: d.situation,
      wishes: d.wishes,
      obstacles: d.obstacles,
      strengths: d.strengths,
    };
  }
  const done = intake.health_screening.done;
  return {
    version: intake.version,
    intake_date: formatDate(intake.intake_date ?? todayIso),
    participants: intake.participants.map((p) => participantKey(p.user_id, p.organisation_id)),
    interpreter: intake.interpreter,
    interpreter_language: intake.interpreter_language ?? '',
    domains,
    education: intake.education.map((e) => ({ ...e })),
    work: intake.work.map((w) => ({ ...w, years: String(w.years) })),
    languages: intake.languages.map((l) => ({
      skill: l.skill,
      level: l.level,
      test_date: formatDate(l.test_date),
      source: l.source,
    })),
    learnability_instrument: intake.learnability?.instrument ?? '',
    learnability_outcome: intake.learnability?.outcome ?? '',
    learnability_date: formatDate(intake.learnability?.date),
    interests: intake.interests,
    availability_dagdelen:
      intake.availability_dagdelen === null ? '' : String(intake.availability_dagdelen),
    health_screening_done: done === null ? '' : done ? 'ja' : 'nee',
    health_screening_date: formatDate(intake.health_screening.date),
    health_notes: intake.health_notes,
    noa: intake.noa.map((n) => ({
      component: n.component,
      outcome: n.outcome,
      date: formatDate(n.date),
      remark: n.remark,
    })),
  };
}

/** A whole number as typed; anything else is sent as NaN's stand-in -1 for the server to refuse. */
function whole(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  return /^[0-9]{1,3}$/.test(t) ? Number(t) : -1;
}

/**
 * The body of a save. Domains are sent in `domainOrder` (the server's
 * configured order) and only when something was filled in, so the indices
 * of the server's field errors are those of `sentDomains`.
 */
export function formToIntakeInput(
  values: IntakeFormValues,
  domainOrder: readonly string[],
): { input: IntakeInput; sentDomains: string[] } {
  const sentDomains = domainOrder.filter((code) => {
    const d = values.domains[code];
    return d !== undefined && Object.values(d).some((v) => v.trim() !== '');
  });
  const learnability =
    values.learnability_instrument || values.learnability_outcome.trim()
      ? {
          instrument: values.learnability_instrument || 'leerbaarheidstoets',
          outcome: values.learnability_outcome,
          date: parseDateInput(values.learnability_date),
        }
      : null;
  const input: IntakeInput = {
    version: values.version,
    intake_date: parseDateInput(values.intake_date),
    participants: values.participants.map((key) => {
      const [user, org] = key.split(':');
      return { user_id: Number(user), organisation_id: Number(org) };
    }),
    interpreter: values.interpreter,
    interpreter_language: values.interpreter ? values.interpreter_language.trim() || null : null,
    domains: sentDomains.map((code) => ({ domain: code, ...values.domains[code]! })),
    education: values.education.map((e) => ({ ...e })),
    work: values.work.map((w) => ({ ...w, years: whole(w.years) ?? 0 })),
    languages: values.languages.map((l) => ({
      language: 'nl',
      skill: l.skill,
      level: l.level,
      test_date: parseDateInput(l.test_date),
      source: l.source,
    })),
    learnability,
    interests: values.interests,
    availability_dagdelen: whole(values.availability_dagdelen),
    health_screening: {
      done: values.health_screening_done === '' ? null : values.health_screening_done === 'ja',
      date: parseDateInput(values.health_screening_date),
    },
    health_notes: values.health_notes,
    noa: values.noa.map((n) => ({
      component: n.component,
      outcome: n.outcome,
      date: parseDateInput(n.date),
      remark: n.remark,
    })),
  };
  return { input, sentDomains };
}

/**
 * Moves the server's domain errors ("domains/<i>/situation", i = index in
 * the body) to the form's field names ("domains/<code>/situation").
 */
export function intakeErrorPath(path: string, sentDomains: readonly string[]): string {
  const m = /^domains\/(\d+)(\/.*)?$/.exec(path);
  if (!m) return path;
  const code = sentDomains[Number(m[1])];
  return code === undefined ? 'domains' : `domains/${code}${m[2] ?? ''}`;
}

/** The field paths of the form in form order, for the error summary. */
export function intakeFields(values: IntakeFormValues): string[] {
  const out = ['intake_date', 'participants', 'interpreter', 'interpreter_language'];
  for (const code of Object.keys(values.domains))
    for (const f of ['situation', 'wishes', 'obstacles', 'strengths'])
      out.push(`domains/${code}/${f}`);
  values.education.forEach((_, i) =>
    ['country', 'level', 'description', 'diploma', 'valuation_requested'].forEach((f) =>
      out.push(`education/${i}/${f}`),
    ),
  );
  values.work.forEach((_, i) =>
    ['occupation', 'country', 'years', 'skills'].forEach((f) => out.push(`work/${i}/${f}`)),
  );
  values.languages.forEach((_, i) =>
    ['skill', 'level', 'test_date', 'source'].forEach((f) => out.push(`languages/${i}/${f}`)),
  );
  out.push('learnability', 'interests', 'availability_dagdelen', 'health_screening');
  out.push('health_notes');
  values.noa.forEach((_, i) =>
    ['component', 'outcome', 'date', 'remark'].forEach((f) => out.push(`noa/${i}/${f}`)),
  );
  out.push('domains', 'education', 'work', 'languages', 'noa');
  return out;
}
