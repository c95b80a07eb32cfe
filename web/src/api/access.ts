// Users, sharing bases and the audit log (docs/api-contract.md, "Access").
import { request } from './client';
import { tenantPath } from './regie';
import type { Items } from './regie';
import type {
  AuditFilters,
  AuditPage,
  SharingBasis,
  SharingBasisInput,
  User,
  UserCreated,
  UserCreateInput,
  UserRole,
  UserUpdateInput,
} from './types';

export async function listUsers(
  tenantId: number,
  role?: UserRole,
  signal?: AbortSignal,
): Promise<User[]> {
  const query = role ? `?role=${encodeURIComponent(role)}` : '';
  return (await request<Items<User>>(`${tenantPath(tenantId)}/users${query}`, { signal })).items;
}

export function createUser(tenantId: number, input: UserCreateInput): Promise<UserCreated> {
  return request(`${tenantPath(tenantId)}/users`, { method: 'POST', body: input });
}

export function updateUser(
  tenantId: number,
  userId: number,
  version: number,
  input: UserUpdateInput,
): Promise<User> {
  return request(`${tenantPath(tenantId)}/users/${userId}`, {
    method: 'PUT',
    body: { version, ...input },
  });
}

/** A new enrolment link; the user's password and TOTP stop working at once. */
export function resetEnrolment(
  tenantId: number,
  userId: number,
): Promise<{ enrolment_url: string }> {
  return request(`${tenantPath(tenantId)}/users/${userId}/enrolment`, { method: 'POST' });
}

export async function listSharingBases(
  tenantId: number,
  personId: number,
  signal?: AbortSignal,
): Promise<SharingBasis[]> {
  return (
    await request<Items<SharingBasis>>(
      `${tenantPath(tenantId)}/persons/${personId}/sharing-bases`,
      { signal },
    )
  ).items;
}

export function createSharingBasis(
  tenantId: number,
  personId: number,
  input: SharingBasisInput,
): Promise<SharingBasis> {
  return request(`${tenantPath(tenantId)}/persons/${personId}/sharing-bases`, {
    method: 'POST',
    body: input,
  });
}

export function withdrawSharingBasis(tenantId: number, basisId: number): Promise<SharingBasis> {
  return request(`${tenantPath(tenantId)}/sharing-bases/${basisId}/withdraw`, {
    method: 'POST',
    body: {},
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** The filters that are set, as query parameters (API names). */
export function auditParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['user_id', 'person_id', 'household_id', 'action', 'from', 'to'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  return params;
}

export function listAudit(
  tenantId: number,
  filters: AuditFilters,
  after: string | null,
  signal?: AbortSignal,
): Promise<AuditPage> {
  const params = auditParams(filters);
  params.set('limit', String(AUDIT_PAGE_SIZE));
  if (after) params.set('after', after);
  return request(`${tenantPath(tenantId)}/audit?${params.toString()}`, { signal });
}

/** The CSV export of the same filters: a plain GET with the session cookie. */
export function auditCsvHref(tenantId: number, filters: AuditFilters): string {
  const query = auditParams(filters).toString();
  return `${tenantPath(tenantId)}/audit.csv${query ? `?${query}` : ''}`;
}
