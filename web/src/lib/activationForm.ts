// The editor of a tenant's pack activations: one row per window, the API
// input, and the server's field errors `activations/<i>/<field>` at the row
// they belong to, also after rows were added or removed since the save.
import type { Activation, ActivationInput, PackSummary } from '../api/policyTypes';
import type { FieldError } from '../api/types';
import type { Translate } from '../i18n/i18n';
import { formatDate, parseDateInput } from './dates';

export const ROW_FIELDS = ['pack_id', 'from', 'to'] as const;
export type RowField = (typeof ROW_FIELDS)[number];

export interface ActivationRow {
  /** Stable while the editor is open (React key, error mapping). */
  key: number;
  pack_id: string;
  /** dd-mm-jjjj as typed. */
  from: string;
  to: string;
}

/** Rows of the current activations, ordered by pack, then start. */
export function rowsFromActivations(
  activations: readonly Pick<Activation, 'pack_id' | 'from' | 'to'>[],
  firstKey = 1,
): ActivationRow[] {
  return [...activations]
    .sort((a, b) =>
      a.pack_id === b.pack_id ? (a.from < b.from ? -1 : 1) : a.pack_id < b.pack_id ? -1 : 1,
    )
    .map((a, i) => ({
      key: firstKey + i,
      pack_id: a.pack_id,
      from: formatDate(a.from),
      to: formatDate(a.to),
    }));
}

/** The activations of every pack in a pack list, as the editor starts with them. */
export function activationsOfPacks(
  packs: readonly PackSummary[],
): Pick<Activation, 'pack_id' | 'from' | 'to'>[] {
  return packs.flatMap((p) =>
    p.activations.map((a) => ({ pack_id: p.id, from: a.from, to: a.to })),
  );
}

export function rowsToInput(rows: readonly ActivationRow[]): ActivationInput[] {
  return rows.map((r) => {
    const from = parseDateInput(r.from);
    const to = parseDateInput(r.to);
    return { pack_id: r.pack_id, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  });
}

export function rowField(index: number, field?: RowField): string {
  return field ? `activations/${index}/${field}` : `activations/${index}`;
}

/** The field paths of the editor in form order: per row the row itself, then its fields. */
export function activationFields(count: number): string[] {
  const fields = ['activations'];
  for (let i = 0; i < count; i += 1)
    fields.push(rowField(i), ...ROW_FIELDS.map((f) => rowField(i, f)));
  return fields;
}

const ROW_PATH = /^activations\/(\d+)(\/.*)?$/;

/**
 * Moves the server's row errors from the rows as they were saved to the rows
 * as they are now: a row's errors follow it when rows before it are removed
 * or added, and go with it when it is removed. Other errors stay as they are.
 */
export function remapRowErrors(
  errors: readonly FieldError[],
  savedKeys: readonly number[],
  currentKeys: readonly number[],
): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const m = ROW_PATH.exec(error.field);
    if (!m) {
      result.push(error);
      continue;
    }
    const key = savedKeys[Number(m[1])];
    const now = key === undefined ? -1 : currentKeys.indexOf(key);
    if (now >= 0) result.push({ ...error, field: `activations/${now}${m[2] ?? ''}` });
  }
  return result;
}

/** "Rij 2, vanaf" for the error summary; "Activeringen" for the whole set. */
export function activationFieldLabel(t: Translate, field: string): string {
  const m = /^activations\/(\d+)(?:\/(pack_id|from|to))?$/.exec(field);
  if (!m) return t('activations.heading');
  const row = Number(m[1]) + 1;
  return m[2]
    ? t('activations.rowField', { row, field: t(`activations.field.${m[2] as RowField}`) })
    : t('activations.row', { row });
}
