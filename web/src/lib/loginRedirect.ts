// The page a user wanted before signing in travels in the login URL
// (`/inloggen?volgende=/gemeenten/1/huishoudens/5`). Only a path inside this
// app is followed, so a crafted link cannot send someone elsewhere after login.
import { paths } from '../router/routes';

const PARAM = 'volgende';

/** The login page that returns to `next` (path + query) afterwards. */
export function loginHref(next: string | null): string {
  const target = next ? safeNext(next) : null;
  if (!target || target === '/') return paths.login;
  return `${paths.login}?${new URLSearchParams({ [PARAM]: target }).toString()}`;
}

/**
 * `value` if it is a path of this app: starts with a single "/", no scheme or
 * host, no backslashes or control characters, not the login page itself.
 */
export function safeNext(value: string | null): string | null {
  if (!value || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, 'http://regie.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'http://regie.invalid') return null;
  if (url.pathname === paths.login || url.pathname.startsWith('/inschrijven/')) return null;
  return url.pathname + url.search;
}

/** The page to continue with after signing in, from the login page's query string. */
export function nextFromSearch(search: string): string | null {
  return safeNext(new URLSearchParams(search).get(PARAM));
}
