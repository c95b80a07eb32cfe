// Maps the field errors of a problem+json answer onto the fields of a form.
import type { FieldError, Problem } from '../api/types';
import type { Lang } from '../i18n/translate';

export interface GroupedErrors {
  /** Errors per form field name, for the fields that have any. */
  byField: ReadonlyMap<string, readonly FieldError[]>;
  /** Errors in form order (matched first, then the rest) for the error summary. */
  ordered: readonly { field: string | null; error: FieldError }[];
}

export const NO_ERRORS: GroupedErrors = { byField: new Map(), ordered: [] };

/**
 * The form field an error path belongs to: the field itself, or the longest
 * field that is a parent path ("languages/2" belongs to "languages").
 */
export function matchField(path: string, fields: readonly string[]): string | null {
  let best: string | null = null;
  for (const f of fields) {
    if ((path === f || path.startsWith(`${f}/`)) && (best === null || f.length > best.length)) {
      best = f;
    }
  }
  return best;
}

export function groupFieldErrors(
  errors: readonly FieldError[] | undefined,
  fields: readonly string[],
): GroupedErrors {
  if (!errors?.length) return NO_ERRORS;
  const byField = new Map<string, FieldError[]>();
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const field = matchField(error.field, fields);
    if (field === null) {
      unmatched.push(error);
      continue;
    }
    const list = byField.get(field) ?? [];
    // One message per field: "languages/0" and "languages/3" may say the same.
    if (!list.some((e) => e.code === error.code)) list.push(error);
    byField.set(field, list);
  }
  const ordered = [
    ...fields.flatMap((field) => (byField.get(field) ?? []).map((error) => ({ field, error }))),
    ...unmatched.map((error) => ({ field: null, error })),
  ];
  return { byField, ordered };
}

export function fieldErrorsOf(problem: Problem | null, fields: readonly string[]): GroupedErrors {
  return groupFieldErrors(problem?.errors, fields);
}

export function localMessage(m: { message_nl: string; message_en: string }, lang: Lang): string {
  return lang === 'en' ? m.message_en : m.message_nl;
}

/**
 * The DOM id of the input for a form field name such as "address/postal_code".
 * `scope` is the form's own part of the id (see FormShell), so forms on one
 * page with the same field names ("person_ids", "date") never share an id.
 */
export function fieldId(name: string, scope = ''): string {
  const field = name.replace(/[^A-Za-z0-9_-]/g, '-');
  const prefix = scope.replace(/[^A-Za-z0-9_-]/g, '');
  return prefix ? `veld-${prefix}-${field}` : `veld-${field}`;
}
