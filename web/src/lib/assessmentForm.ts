// The form to record an assessment (ZRM, participatieladder, Ferm Werk): its
// values, the checks made before sending, the API input, and where the
// server's errors belong.
import { ASSESSMENT_KINDS } from '../api/assessments';
import type { AssessmentInput, AssessmentKind, AssessmentList } from '../api/assessments';
import type { FieldError } from '../api/types';
import { clientFieldError } from './clientProblem';
import { formatDate, parseDateInput, todayIso } from './dates';

/** The form field of a ZRM domain's score: `zrm/financien`. */
export function zrmField(domain: string): string {
  return `zrm/${domain}`;
}

/**
 * The form fields in form order, named as the API names them; every ZRM
 * domain the user may score has its own field `zrm/<domain>`, and `zrm`
 * itself is the group (for "no score at all").
 */
export function assessmentFields(domains: readonly string[]): string[] {
  return [
    'kind',
    'date',
    'assessor',
    'zrm',
    ...domains.map(zrmField),
    'rung',
    'rungs_present',
    'outcome',
  ];
}

export interface AssessmentFormValues {
  kind: AssessmentKind | '';
  /** dd-mm-jjjj as typed. */
  date: string;
  assessor: string;
  /** Per ZRM domain '' (not assessed) or '1'..'5'. */
  scores: Record<string, string>;
  rung: string;
  rungs_present: number[];
  outcome: string;
}

export function emptyAssessmentForm(today = todayIso()): AssessmentFormValues {
  return {
    kind: '',
    date: formatDate(today),
    assessor: '',
    scores: {},
    rung: '',
    rungs_present: [],
    outcome: '',
  };
}

/** What the user may record: the domains they may score and the kinds they may use. */
export interface RecordScope {
  /** The visible ZRM domains, in the instrument's order. */
  domains: string[];
  kinds: AssessmentKind[];
}

/**
 * The ZRM needs at least one domain the user may see; the ladder and Ferm
 * Werk need their category (the server refuses a recording that touches a
 * category the user does not see).
 */
export function recordScope(
  list: Pick<AssessmentList, 'zrm_domains' | 'ladder_visible'>,
): RecordScope {
  const domains = list.zrm_domains.filter((d) => d.visible).map((d) => d.code);
  const kinds = ASSESSMENT_KINDS.filter((k) =>
    k === 'zrm' ? domains.length > 0 : list.ladder_visible,
  );
  return { domains, kinds };
}

/** The scores filled in, in the order of `domains` (which is the order they are sent in). */
export function scoredDomains(
  values: Pick<AssessmentFormValues, 'scores'>,
  domains: readonly string[],
): string[] {
  return domains.filter((d) => (values.scores[d] ?? '') !== '');
}

/** What must be right before the server is asked; the server checks dates and ranges. */
export function assessmentFormErrors(
  values: AssessmentFormValues,
  domains: readonly string[],
): FieldError[] {
  const errors: FieldError[] = [];
  if (!values.kind) errors.push(clientFieldError('kind', 'required', 'assessments.errors.kind'));
  if (!values.date.trim())
    errors.push(clientFieldError('date', 'required', 'assessments.errors.date'));
  if (values.kind === 'zrm' && scoredDomains(values, domains).length === 0)
    errors.push(clientFieldError('zrm', 'required', 'assessments.errors.zrm'));
  if (values.kind === 'participatieladder' && !values.rung)
    errors.push(clientFieldError('rung', 'required', 'assessments.errors.rung'));
  if (values.kind === 'ferm_werk' && !values.outcome)
    errors.push(clientFieldError('outcome', 'required', 'assessments.errors.outcome'));
  return errors;
}

/** Only the part of the chosen kind goes along; dates as ISO. */
export function formToAssessmentInput(
  values: AssessmentFormValues,
  domains: readonly string[],
): AssessmentInput {
  const date = parseDateInput(values.date);
  const assessor = values.assessor.trim();
  const input: AssessmentInput = {
    ...(values.kind ? { kind: values.kind } : {}),
    ...(date ? { date } : {}),
    ...(assessor ? { assessor } : {}),
  };
  if (values.kind === 'zrm')
    input.zrm = scoredDomains(values, domains).map((domain) => ({
      domain,
      score: Number(values.scores[domain]),
    }));
  if (values.kind === 'participatieladder') {
    if (values.rung) input.rung = Number(values.rung);
    input.rungs_present = [...values.rungs_present].sort((a, b) => a - b);
  }
  if (values.kind === 'ferm_werk' && values.outcome) input.outcome = values.outcome;
  return input;
}

const ZRM_ITEM = /^zrm\/(\d+)(?:\/.*)?$/;

/**
 * The server names a ZRM score by its index in the request (`zrm/3/score`);
 * the form has a field per domain. `sent` is the domains in the order they
 * were sent.
 */
export function assessmentErrorsFor(
  sent: readonly string[],
): (errors: readonly FieldError[]) => FieldError[] {
  return (errors) =>
    errors.map((e) => {
      const m = ZRM_ITEM.exec(e.field);
      const domain = m ? sent[Number(m[1])] : undefined;
      return domain ? { ...e, field: zrmField(domain) } : e;
    });
}
