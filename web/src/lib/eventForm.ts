// The form to record an event of a person: which events the active packs
// let one record, the checks made before sending, the API input, and where
// the server's errors belong.
import type { Code, LocalText, PackDetail, PersonEventInput } from '../api/policyTypes';
import type { FieldError } from '../api/types';
import { clientFieldError } from './clientProblem';
import { formatDate, parseDateInput, todayIso } from './dates';

/** The choice "another event", typed in as its id. */
export const OTHER_EVENT = '__andere__';

/** The form fields in form order; `event_other` is the typed id of another event. */
export const EVENT_FIELDS = ['event', 'event_other', 'date', 'value', 'code', 'reason'] as const;

/** An event a user may record, as the active packs declare it. */
export interface EventOption {
  id: string;
  label: LocalText;
  value: 'none' | 'integer' | 'code';
  unit: string;
  requiresReason: boolean;
  codes: Code[];
}

/**
 * The recorded (not person-field or derived) events of the given packs, each
 * once: the first pack that declares it wins, and within a pack its newest
 * version. Its codes come from the code list it names, or else the list
 * with its own id.
 */
export function recordableEvents(packs: readonly PackDetail[]): EventOption[] {
  const seen = new Map<string, EventOption>();
  for (const pack of packs) {
    const versions = [...pack.versions].sort((a, b) => b.version - a.version);
    for (const version of versions) {
      for (const event of version.events) {
        if (event.kind !== 'recorded' || seen.has(event.id)) continue;
        const listId = event.code_list || event.id;
        const list = version.code_lists.find((l) => l.id === listId);
        seen.set(event.id, {
          id: event.id,
          label: event.label,
          value: event.value,
          unit: event.unit ?? '',
          requiresReason: event.requires_reason ?? false,
          codes: event.value === 'code' ? (list?.codes ?? []) : [],
        });
      }
    }
  }
  return [...seen.values()];
}

export interface EventFormValues {
  /** An event id from the packs, OTHER_EVENT, or '' before a choice. */
  choice: string;
  other: string;
  /** dd-mm-jjjj as typed. */
  date: string;
  value: string;
  code: string;
  reason: string;
}

export function emptyEventForm(today = todayIso()): EventFormValues {
  return { choice: '', other: '', date: formatDate(today), value: '', code: '', reason: '' };
}

export function chosenOption(
  values: Pick<EventFormValues, 'choice'>,
  options: readonly EventOption[],
): EventOption | null {
  return options.find((o) => o.id === values.choice) ?? null;
}

const INTEGER = /^-?\d{1,9}$/;

/** What must be right before the server is asked; the server checks dates, codes and reasons. */
export function eventFormErrors(values: EventFormValues, option: EventOption | null): FieldError[] {
  const errors: FieldError[] = [];
  if (!values.choice) errors.push(clientFieldError('event', 'required', 'events.errors.event'));
  if (values.choice === OTHER_EVENT && !values.other.trim())
    errors.push(clientFieldError('event_other', 'required', 'events.errors.other'));
  if (!values.date.trim()) errors.push(clientFieldError('date', 'required', 'events.errors.date'));
  if (option?.value === 'integer' && !INTEGER.test(values.value.trim()))
    errors.push(clientFieldError('value', 'invalid_value', 'events.errors.value'));
  if (option?.value === 'code' && !values.code)
    errors.push(clientFieldError('code', 'required', 'events.errors.code'));
  return errors;
}

export function formToEventInput(
  values: EventFormValues,
  option: EventOption | null,
): PersonEventInput {
  const date = parseDateInput(values.date);
  const reason = values.reason.trim();
  return {
    event: values.choice === OTHER_EVENT ? values.other.trim() : values.choice,
    ...(date ? { date } : {}),
    ...(option?.value === 'integer' && values.value.trim()
      ? { value: Number(values.value.trim()) }
      : {}),
    ...(option?.value === 'code' && values.code ? { code: values.code } : {}),
    ...(reason ? { reason } : {}),
  };
}

/**
 * The server names the event `event`; when the user typed another event's id
 * the error belongs to that text field, not to the select.
 */
export function eventErrorsFor(
  values: Pick<EventFormValues, 'choice'>,
): (errors: readonly FieldError[]) => FieldError[] {
  const typed = values.choice === OTHER_EVENT;
  return (errors) =>
    errors.map((e) => (typed && e.field === 'event' ? { ...e, field: 'event_other' } : e));
}
