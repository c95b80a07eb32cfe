import { describe, expect, it, vi } from 'vitest';
import { ApiError, request } from './client';
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
