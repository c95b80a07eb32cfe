import type { Problem } from './types';

/**
 * A failed API call. `problem` is the RFC 9457 body when the server sent one;
 * `code` is its machine code, or `network` (no answer at all) or `http` (an
 * answer without problem details). `retryAfter` is the Retry-After header in
 * seconds (429), null without one.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | null;
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: string,
    problem: Problem | null,
    retryAfter: number | null = null,
  ) {
    super(problem ? `${status} ${problem.code}` : `${status} ${code}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function isProblem(body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false;
  const p = body as Record<string, unknown>;
  return (
    typeof p.code === 'string' &&
    typeof p.message_nl === 'string' &&
    typeof p.message_en === 'string' &&
    (p.errors === undefined || Array.isArray(p.errors))
  );
}

/** Retry-After as seconds: a number of seconds or an HTTP date; null if absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

async function errorFrom(response: Response): Promise<ApiError> {
  const type = response.headers.get('Content-Type') ?? '';
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) return new ApiError(response.status, body.code, body, retryAfter);
    } catch {
      // A body that is not JSON is an answer without problem details.
    }
  }
  return new ApiError(response.status, 'http', null, retryAfter);
}

// ---- Session plumbing --------------------------------------------------------
// The CSRF token of the current session (from login or /auth/me) goes with
// every state-changing request; the session cookie itself is HttpOnly and
// travels by itself (same origin).

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function currentCsrfToken(): string | null {
  return csrfToken;
}

type UnauthorizedListener = (path: string) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Called whenever the server answers 401 `not_authenticated`: the session is
 * gone (expired, revoked, or never there). Returns the unsubscribe function.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the API at `path` (starting with /api/v1) and returns the parsed JSON
 * body (undefined for 204). Throws ApiError for every failure except an
 * abort, which rethrows the AbortError so callers can ignore it.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'network', null);
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (error.status === 401 && error.code === 'not_authenticated') {
      for (const listener of [...unauthorizedListeners]) listener(path);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(response.status, 'http', null);
  }
}
