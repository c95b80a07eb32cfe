// Logging in: through the UI (password, then the TOTP code, as a user does)
// and through the API for test set-up (a cookie jar of one session).
import assert from 'node:assert/strict';
import { settled } from './browser.mjs';
import { demoSeed, freshCode } from './totp.mjs';

/** The published password of every demo user (README). */
export const DEMO_PASSWORD = 'Regie-demo-2026!';

/** Demo users of the first two demo municipalities ("<role><n>@<code>"). */
export const TENANT_CODES = ['gm0523', 'gm0148'];
export function demoUser(role, n = 1, tenant = 0) {
  return `${role}${n}@${TENANT_CODES[tenant]}`;
}

/** Fills in the password step of the login page (which must be showing). */
export async function passwordStep(page, username, password = DEMO_PASSWORD) {
  await page.locator('h1', { hasText: 'Inloggen' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/**
 * Logs in on the login page (which must be showing): password, then a fresh
 * TOTP code of the demo seed, or of `secret` for a user enrolled in a test.
 */
export async function loginInPage(page, username, { password, secret } = {}) {
  await passwordStep(page, username, password);
  await page.locator('h1', { hasText: 'Tweestapsverificatie' }).waitFor();
  await page.getByLabel(/^Code/).fill(await freshCode(username, secret ?? demoSeed(username)));
  await page.getByRole('button', { name: 'Controleren en inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  await settled(page);
}

/** Opens `path` (default the start) and logs in as a demo user through the UI. */
export async function login(page, baseUrl, username, path = '/') {
  await page.goto(`${baseUrl}${path}`);
  await loginInPage(page, username);
}

/** Logs out through the header button and waits for the login page. */
export async function logout(page) {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.locator('h1', { hasText: 'Inloggen' }).waitFor();
}

function cookieOf(response) {
  const cookies = response.headers.getSetCookie?.() ?? [];
  const session = cookies.find((c) => c.startsWith('regie_session='));
  return session ? session.split(';')[0] : null;
}

/**
 * A complete session of a demo user for set-up calls: returns
 * `call(method, path, body)` that sends the cookie and CSRF token and
 * resolves to the fetch Response, plus the user's Me.
 */
export async function apiSession(baseUrl, username) {
  const json = { 'Content-Type': 'application/json' };
  const first = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  assert.equal(first.status, 200, `login of ${username}`);
  const half = await first.json();
  let cookie = cookieOf(first);
  const second = await fetch(`${baseUrl}/api/v1/auth/totp`, {
    method: 'POST',
    headers: { ...json, Cookie: cookie, 'X-CSRF-Token': half.csrf_token },
    body: JSON.stringify({ code: await freshCode(username, demoSeed(username)) }),
  });
  assert.equal(second.status, 200, `second factor of ${username}`);
  const me = await second.json();
  cookie = cookieOf(second) ?? cookie;
  const call = (method, path, body) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : json),
        Cookie: cookie,
        ...(method === 'GET' ? {} : { 'X-CSRF-Token': me.csrf_token }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { me, call };
}
