// Events, milestones, the worklist and policy packs (docs/api-contract.md, "Policy").
import { request } from './client';
import type {
  Activation,
  ActivationInput,
  PackDetail,
  PackSummary,
  PersonEvent,
  PersonEventInput,
  Timeline,
  Worklist,
  WorklistFilters,
} from './policyTypes';
import { tenantPath } from './regie';
import type { Items } from './regie';

function personPath(tenantId: number, personId: number): string {
  return `${tenantPath(tenantId)}/persons/${personId}`;
}

/** `?on=<date>` for a reference date, nothing for the server's today. */
function onQuery(on: string | null): string {
  return on ? `?${new URLSearchParams({ on }).toString()}` : '';
}

export async function listPersonEvents(
  tenantId: number,
  personId: number,
  signal?: AbortSignal,
): Promise<PersonEvent[]> {
  return (await request<Items<PersonEvent>>(`${personPath(tenantId, personId)}/events`, { signal }))
    .items;
}

export function recordPersonEvent(
  tenantId: number,
  personId: number,
  input: PersonEventInput,
): Promise<PersonEvent> {
  return request(`${personPath(tenantId, personId)}/events`, { method: 'POST', body: input });
}

export function voidPersonEvent(
  tenantId: number,
  personId: number,
  eventId: number,
  reason: string,
): Promise<PersonEvent> {
  return request(`${personPath(tenantId, personId)}/events/${eventId}/void`, {
    method: 'POST',
    body: { reason },
  });
}

export function getTimeline(
  tenantId: number,
  personId: number,
  on: string | null,
  signal?: AbortSignal,
): Promise<Timeline> {
  return request(`${personPath(tenantId, personId)}/milestones${onQuery(on)}`, { signal });
}

export function getWorklist(
  tenantId: number,
  on: string | null,
  signal?: AbortSignal,
  filters: WorklistFilters = {},
): Promise<Worklist> {
  const query = new URLSearchParams();
  if (on) query.set('on', on);
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.due) query.set('due', filters.due);
  if (filters.householdId) query.set('household_id', String(filters.householdId));
  const text = query.toString();
  return request(`${tenantPath(tenantId)}/worklist${text ? `?${text}` : ''}`, { signal });
}

export async function listPacks(tenantId: number, signal?: AbortSignal): Promise<PackSummary[]> {
  return (await request<Items<PackSummary>>(`${tenantPath(tenantId)}/policy/packs`, { signal }))
    .items;
}

export function getPack(
  tenantId: number,
  packId: string,
  signal?: AbortSignal,
): Promise<PackDetail> {
  return request(`${tenantPath(tenantId)}/policy/packs/${encodeURIComponent(packId)}`, {
    signal,
  });
}

/** Replaces all activations of the tenant at once (beheer); the server checks the whole set. */
export async function replaceActivations(
  tenantId: number,
  activations: ActivationInput[],
): Promise<Activation[]> {
  return (
    await request<Items<Activation>>(`${tenantPath(tenantId)}/policy/activations`, {
      method: 'PUT',
      body: { activations },
    })
  ).items;
}
