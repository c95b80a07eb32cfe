// A fetch stand-in for component tests: answers by "METHOD /path" (query
// string ignored) and records every call. Unknown routes answer 404.
import { vi } from 'vitest';
import type { Problem } from '../api/types';

export interface Call {
  method: string;
  url: URL;
  body: unknown;
  headers: Record<string, string>;
}

export interface Answer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Handler = (call: Call) => Answer;

export function json(body: unknown, status = 200): Answer {
  return { status, body };
}

export function noContent(): Answer {
  return { status: 204, body: null };
}

export function problem(
  status: number,
  p: Partial<Problem> & { code: string },
  headers?: Record<string, string>,
): Answer {
  return {
    status,
    headers,
    body: {
      type: `urn:regie:problem:${p.code}`,
      title: p.code,
      status,
      message_nl: p.code,
      message_en: p.code,
      ...p,
    },
  };
}

export function fakeApi(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://regie.test');
    const method = init?.method ?? 'GET';
    const call: Call = {
      method,
      url,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      headers: { ...((init?.headers as Record<string, string> | undefined) ?? {}) },
    };
    calls.push(call);
    const handler = routes[`${method} ${url.pathname}`];
    const answer = handler ? handler(call) : problem(404, { code: 'not_found' });
    const status = answer.status ?? 200;
    if (status === 204) return new Response(null, { status });
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(JSON.stringify(answer.body), {
      status,
      headers: { 'Content-Type': type, ...answer.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
