// The Regie API v1 endpoints the web UI uses, one typed function each.
import { request } from './client';
import type {
  AssignmentsInput,
  Household,
  HouseholdFilters,
  HouseholdHit,
  HouseholdInput,
  HouseholdPage,
  Organisation,
  Person,
  PersonInput,
  Tenant,
} from './types';

export const BASE = '/api/v1';

export function tenantPath(tenantId: number): string {
  return `${BASE}/tenants/${encodeURIComponent(tenantId)}`;
}

export interface Items<T> {
  items: T[];
}

const PAGE_SIZE = 25;

export async function listTenants(signal?: AbortSignal): Promise<Tenant[]> {
  return (await request<Items<Tenant>>(`${BASE}/tenants`, { signal })).items;
}

export async function listOrganisations(
  tenantId: number,
  signal?: AbortSignal,
): Promise<Organisation[]> {
  return (await request<Items<Organisation>>(`${tenantPath(tenantId)}/organisations`, { signal }))
    .items;
}

/** The filters that are set, as query parameters (API names). */
export function filterParams(filters: HouseholdFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'wijk', 'kern', 'housed_from', 'housed_to'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  if (filters.include_archived) params.set('include_archived', 'true');
  return params;
}

/** The query string of one list page request. */
export function householdQuery(filters: HouseholdFilters, after: string | null): string {
  const params = filterParams(filters);
  params.set('limit', String(PAGE_SIZE));
  if (after) params.set('after', after);
  return params.toString();
}

export function listHouseholds(
  tenantId: number,
  filters: HouseholdFilters,
  after: string | null,
  signal?: AbortSignal,
): Promise<HouseholdPage> {
  return request(`${tenantPath(tenantId)}/households?${householdQuery(filters, after)}`, {
    signal,
  });
}

export function getHousehold(
  tenantId: number,
  householdId: number,
  signal?: AbortSignal,
): Promise<Household> {
  return request(`${tenantPath(tenantId)}/households/${householdId}`, { signal });
}

export function createHousehold(tenantId: number, input: HouseholdInput): Promise<Household> {
  return request(`${tenantPath(tenantId)}/households`, { method: 'POST', body: input });
}

export function updateHousehold(
  tenantId: number,
  householdId: number,
  version: number,
  input: HouseholdInput,
): Promise<Household> {
  return request(`${tenantPath(tenantId)}/households/${householdId}`, {
    method: 'PUT',
    body: { version, ...input },
  });
}

export function archiveHousehold(
  tenantId: number,
  householdId: number,
  version: number,
  reason: string,
): Promise<Household> {
  return request(`${tenantPath(tenantId)}/households/${householdId}/archive`, {
    method: 'POST',
    body: { version, reason },
  });
}

export function reopenHousehold(
  tenantId: number,
  householdId: number,
  version: number,
  reason: string,
  handoverReturned: boolean,
): Promise<Household> {
  return request(`${tenantPath(tenantId)}/households/${householdId}/reopen`, {
    method: 'POST',
    body: { version, reason, ...(handoverReturned ? { handover_returned: true } : {}) },
  });
}

export function createPerson(
  tenantId: number,
  householdId: number,
  input: PersonInput,
): Promise<Person> {
  return request(`${tenantPath(tenantId)}/households/${householdId}/persons`, {
    method: 'POST',
    body: input,
  });
}

export function getPerson(
  tenantId: number,
  personId: number,
  signal?: AbortSignal,
): Promise<Person> {
  return request(`${tenantPath(tenantId)}/persons/${personId}`, { signal });
}

export function updatePerson(
  tenantId: number,
  personId: number,
  version: number,
  input: Partial<PersonInput>,
): Promise<Person> {
  return request(`${tenantPath(tenantId)}/persons/${personId}`, {
    method: 'PUT',
    body: { version, ...input },
  });
}

/**
 * The tenant-wide search (`scope=all`) of regisseur and partner: at most 10
 * households by name, to open with break-the-glass. The server needs a `q`
 * of at least 3 characters and audits the search.
 */
export async function searchAllHouseholds(
  tenantId: number,
  q: string,
  signal?: AbortSignal,
): Promise<HouseholdHit[]> {
  const params = new URLSearchParams({ scope: 'all', q });
  const page = await request<Items<HouseholdHit>>(
    `${tenantPath(tenantId)}/households?${params.toString()}`,
    { signal },
  );
  return page.items.map(({ id, name }) => ({ id, name }));
}

/** Opens a household outside the user's relationships for 24 hours; audited and flagged. */
export function openBreakGlass(
  tenantId: number,
  householdId: number,
  reason: string,
): Promise<{ expires_at: string }> {
  return request(`${tenantPath(tenantId)}/households/${householdId}/break-glass`, {
    method: 'POST',
    body: { reason },
  });
}

export function setAssignments(
  tenantId: number,
  householdId: number,
  version: number,
  input: AssignmentsInput,
): Promise<Household> {
  return request(`${tenantPath(tenantId)}/households/${householdId}/assignments`, {
    method: 'PUT',
    body: { version, ...input },
  });
}
