// Contact moments of a household (docs/api-contract.md, "Contacts and cadence").
import { request } from './client';
import { tenantPath } from './regie';
import type { Items } from './regie';
import type { UserRef } from './types';

export const CONTACT_TYPES = [
  'huisbezoek',
  'gesprek',
  'telefoon',
  'driegesprek',
  'groepsbijeenkomst',
] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export interface Contact {
  id: number;
  household_id: number;
  date: string;
  type: ContactType;
  participants: string[];
  interpreter: boolean;
  interpreter_language: string | null;
  person_ids: number[];
  /** Absent when the user may not see notes (category notities). */
  note?: string;
  recorded_by: UserRef;
  recorded_at: string;
  /** Only in the answer to recording: policy events recorded with the contact. */
  events_recorded?: number;
}

export interface ContactInput {
  date?: string;
  type?: string;
  participants: string[];
  interpreter: boolean;
  interpreter_language: string | null;
  person_ids: number[];
  note: string;
}

function contactsPath(tenantId: number, householdId: number): string {
  return `${tenantPath(tenantId)}/households/${householdId}/contacts`;
}

export async function listContacts(
  tenantId: number,
  householdId: number,
  signal?: AbortSignal,
): Promise<Contact[]> {
  return (await request<Items<Contact>>(contactsPath(tenantId, householdId), { signal })).items;
}

export function recordContact(
  tenantId: number,
  householdId: number,
  input: ContactInput,
): Promise<Contact> {
  return request(contactsPath(tenantId, householdId), { method: 'POST', body: input });
}
