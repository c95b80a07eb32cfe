// Sign-in, sign-out and enrolment (docs/api-contract.md, "Authentication").
import { request } from './client';
import type {
  EnrolmentInfo,
  IdentityProvider,
  LoginResult,
  Me,
  SecondFactor,
  TotpSetup,
} from './types';

const AUTH = '/api/v1/auth';

export function login(username: string, password: string): Promise<LoginResult> {
  return request(`${AUTH}/login`, { method: 'POST', body: { username, password } });
}

export function verifySecondFactor(factor: SecondFactor): Promise<Me> {
  return request(`${AUTH}/totp`, { method: 'POST', body: factor });
}

export function logout(): Promise<void> {
  return request(`${AUTH}/logout`, { method: 'POST' });
}

export async function getIdentityProviders(signal?: AbortSignal): Promise<IdentityProvider[]> {
  const list = await request<{ items: IdentityProvider[] }>(`${AUTH}/oidc/providers`, { signal });
  return list.items;
}

/** Where the browser goes to log in with `provider` (a full-page navigation). */
export function oidcStartHref(provider: string): string {
  return `${AUTH}/oidc/start?${new URLSearchParams({ provider }).toString()}`;
}

export function getMe(signal?: AbortSignal): Promise<Me> {
  return request(`${AUTH}/me`, { signal });
}

function enrolPath(token: string): string {
  return `${AUTH}/enrol/${encodeURIComponent(token)}`;
}

export function getEnrolment(token: string, signal?: AbortSignal): Promise<EnrolmentInfo> {
  return request(enrolPath(token), { signal });
}

export function setEnrolmentPassword(token: string, password: string): Promise<TotpSetup> {
  return request(enrolPath(token), { method: 'POST', body: { password } });
}

export function confirmEnrolment(token: string, code: string): Promise<void> {
  return request(`${enrolPath(token)}/confirm`, { method: 'POST', body: { code } });
}
