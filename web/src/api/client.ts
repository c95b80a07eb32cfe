import type { Problem } from './types';

/**
 * A failed API call. `problem` is the RFC 9457 body when the server sent one;
 * `code` is its machine code, or `network` (no answer at all) or `http` (an
 * answer without problem details).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem | null;

  constructor(status: number, code: string, problem: Problem | null) {
    super(problem ? `${status} ${problem.code}` : `${status} ${code}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problem = problem;
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

async function errorFrom(response: Response): Promise<ApiError> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) return new ApiError(response.status, body.code, body);
    } catch {
      // A body that is not JSON is an answer without problem details.
    }
  }
  return new ApiError(response.status, 'http', null);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the API at `path` (starting with /api/v1) and returns the parsed JSON
 * body. Throws ApiError for every failure except an abort, which rethrows the
 * AbortError so callers can ignore it.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
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
  if (!response.ok) throw await errorFrom(response);
  try {
    return (await response.json()) as T;
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(response.status, 'http', null);
  }
}
