// The form to record a contact moment: its values, the checks made before
// sending and the API input.
import type { ContactInput } from '../api/contacts';
import type { FieldError } from '../api/types';
import { clientFieldError } from './clientProblem';
import { formatDate, parseDateInput, todayIso } from './dates';

/** The form fields in form order, named as the API names them. */
export const CONTACT_FIELDS = [
  'date',
  'type',
  'participants',
  'interpreter',
  'interpreter_language',
  'person_ids',
  'note',
] as const;

export interface ContactFormValues {
  /** dd-mm-jjjj as typed. */
  date: string;
  type: string;
  /** Names or roles, separated by commas. */
  participants: string;
  interpreter: boolean;
  interpreter_language: string;
  person_ids: number[];
  note: string;
}

export function emptyContactForm(today = todayIso()): ContactFormValues {
  return {
    date: formatDate(today),
    type: '',
    participants: '',
    interpreter: false,
    interpreter_language: '',
    person_ids: [],
    note: '',
  };
}

/** "Amina, tolk , , regisseur" -> ["Amina", "tolk", "regisseur"]. */
export function splitParticipants(text: string): string[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** What must be right before the server is asked; the server checks the rest. */
export function contactFormErrors(values: ContactFormValues): FieldError[] {
  const errors: FieldError[] = [];
  if (!values.date.trim())
    errors.push(clientFieldError('date', 'required', 'contacts.errors.date'));
  if (!values.type) errors.push(clientFieldError('type', 'required', 'contacts.errors.type'));
  return errors;
}

/** The language only goes along with an interpreter, as the server demands. */
export function formToContactInput(values: ContactFormValues): ContactInput {
  const date = parseDateInput(values.date);
  const language = values.interpreter_language.trim().toLowerCase();
  return {
    ...(date ? { date } : {}),
    ...(values.type ? { type: values.type } : {}),
    participants: splitParticipants(values.participants),
    interpreter: values.interpreter,
    interpreter_language: values.interpreter && language ? language : null,
    person_ids: [...values.person_ids].sort((a, b) => a - b),
    note: values.note.trim(),
  };
}
