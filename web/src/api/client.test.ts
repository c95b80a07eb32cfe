import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, onUnauthorized, parseRetryAfter, request, setCsrfToken } from './client';
import type { Problem } from './types';

const problem: Problem = {
  type: 'urn:regie:problem:validation_failed',
  title: 'Niet alle gegevens zijn goed ingevuld.',
  status: 422,
  code: 'validation_failed',
  message_nl: 'Niet alle gegevens zijn goed ingevuld.',
  message_en: 'Not all details are filled in correctly.',
  errors: [{ field: 'bsn', code: 'bsn_invalid', message_nl: 'nl', message_en: 'en' }],
};

function respond(status: number, body: string, type: string) {
  const fetchMock = vi.fn(
    async () => new Response(body, { status, headers: { 'Content-Type': type } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('request', () => {
  it('returns the JSON body of a success', async () => {
    respond(200, '{"items":[]}', 'application/json');
    await expect(request('/api/v1/tenants')).resolves.toEqual({ items: [] });
  });

  it('sends JSON with the right headers', async () => {
    const fetchMock = respond(201, '{"id":1}', 'application/json');
    await request('/api/v1/x', { method: 'POST', body: { a: 1 } });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":1}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('turns a problem+json answer into an ApiError with the problem', async () => {
    respond(422, JSON.stringify(problem), 'application/problem+json');
    const error = await failure(request('/api/v1/x'));
    expect(error.status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.problem?.errors?.[0]?.code).toBe('bsn_invalid');
  });

  it('reports an answer without problem details as an http error', async () => {
    respond(502, '<html>Bad gateway</html>', 'text/html');
    const error = await failure(request('/api/v1/x'));
    expect(error.status).toBe(502);
    expect(error.code).toBe('http');
    expect(error.problem).toBeNull();
  });

  it('does not take arbitrary JSON for a problem', async () => {
    respond(500, '{"error":"boom"}', 'application/json');
    const error = await failure(request('/api/v1/x'));
    expect(error.code).toBe('http');
    expect(error.problem).toBeNull();
  });

  it('reports no answer at all as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await failure(request('/api/v1/x'));
    expect(error.status).toBe(0);
    expect(error.code).toBe('network');
  });

  it('rethrows an abort so callers can ignore it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new DOMException('aborted', 'AbortError'))),
    );
    await expect(request('/api/v1/x')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports a success with a broken body as an http error', async () => {
    respond(200, 'not json', 'application/json');
    const error = await failure(request('/api/v1/x'));
    expect(error.code).toBe('http');
  });
});

describe('request and the session', () => {
  afterEach(() => setCsrfToken(null));

  function headersOf(fetchMock: ReturnType<typeof respond>, index = 0) {
    const [, init] = fetchMock.mock.calls[index] as unknown as [string, RequestInit];
    return { init, headers: init.headers as Record<string, string> };
  }

  it('sends the CSRF token with every state-changing method, never with GET', async () => {
    setCsrfToken('tok-1');
    const fetchMock = respond(200, '{}', 'application/json');
    await request('/api/v1/x');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      await request('/api/v1/x', { method, body: {} });
    }
    expect(headersOf(fetchMock, 0).headers['X-CSRF-Token']).toBeUndefined();
    for (let i = 1; i <= 4; i += 1) {
      const { init, headers } = headersOf(fetchMock, i);
      expect(headers['X-CSRF-Token'], String(init.method)).toBe('tok-1');
      expect(init.credentials).toBe('same-origin');
    }
  });

  it('sends no CSRF header before there is a session', async () => {
    const fetchMock = respond(200, '{}', 'application/json');
    await request('/api/v1/auth/login', { method: 'POST', body: {} });
    expect(headersOf(fetchMock).headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('tells the listeners about a 401 not_authenticated, and only about that', async () => {
    const seen: string[] = [];
    const stop = onUnauthorized((path) => seen.push(path));
    respond(
      401,
      JSON.stringify({ ...problem, status: 401, code: 'not_authenticated' }),
      'application/problem+json',
    );
    await failure(request('/api/v1/tenants/1/households'));
    respond(
      401,
      JSON.stringify({ ...problem, status: 401, code: 'login_failed' }),
      'application/problem+json',
    );
    await failure(request('/api/v1/auth/login', { method: 'POST', body: {} }));
    respond(
      403,
      JSON.stringify({ ...problem, status: 403, code: 'forbidden' }),
      'application/problem+json',
    );
    await failure(request('/api/v1/tenants/1/users'));
    stop();
    respond(
      401,
      JSON.stringify({ ...problem, status: 401, code: 'not_authenticated' }),
      'application/problem+json',
    );
    await failure(request('/api/v1/later'));
    expect(seen).toEqual(['/api/v1/tenants/1/households']);
  });

  it('keeps the Retry-After of a 429 in seconds', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ ...problem, status: 429, code: 'too_many_attempts' }), {
            status: 429,
            headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '90' },
          }),
      ),
    );
    const error = await failure(request('/api/v1/auth/login', { method: 'POST', body: {} }));
    expect(error.code).toBe('too_many_attempts');
    expect(error.retryAfter).toBe(90);
  });

  it('answers undefined for 204 No Content', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(request('/api/v1/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Wed, 01 May 2024 10:02:05 GMT', now)).toBe(125);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
