// Logging in and out: password plus TOTP code, a refused code, the same
// answer for every failed login, lockout after repeated failures (429 with
// the wait), the CSRF token on state-changing requests, an ended session
// that brings the user back to the same page after logging in again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { demoUser, loginInPage, logout, passwordStep } from './support/session.mjs';
import { demoSeed, freshCode, wrongCode } from './support/totp.mjs';

const REGISSEUR = demoUser('regisseur');
// A user only this file's lockout test uses (the lock is per account).
const LOCKED = demoUser('beleid', 1, 1);

/** fetch() from inside the page: same origin, with the session cookie. */
function fetchInPage(page, path, init = {}) {
  return page.evaluate(
    async ({ path, init }) => {
      const response = await fetch(path, { credentials: 'same-origin', ...init });
      const text = await response.text();
      let body = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return { status: response.status, body };
    },
    { path, init },
  );
}

/** The password step, waiting for the server's answer; returns its status. */
async function submitPassword(page, username, password) {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/login');
  await passwordStep(page, username, password);
  const status = (await answer).status();
  if (status !== 200) await page.locator('.regie-problem').waitFor();
  return status;
}

describe('login and session', () => {
  let regie;
  let browser;
  let context;
  let page;
  let problems;
  let wanted;

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    ({ context, page, problems } = await newPage(browser));
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('asks a visitor to log in, keeping the page they wanted', async () => {
    await page.goto(`${regie.baseUrl}/gemeenten/1/huishoudens?q=al`);
    await page.locator('h1', { hasText: 'Inloggen' }).waitFor();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/inloggen');
    wanted = url.searchParams.get('volgende');
    assert.equal(wanted, '/gemeenten/1/huishoudens?q=al');
    assert.equal(await page.title(), 'Inloggen - Regie');
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count(), 0);
    await assertAccessible(page, 'login page');
  });

  it('says the same for a wrong password and an unknown user, and empties the password', async () => {
    const messages = [];
    for (const username of [REGISSEUR, 'niemand@gm0523']) {
      assert.equal(await submitPassword(page, username, 'helemaal-fout-wachtwoord'), 401);
      messages.push(await page.locator('.regie-problem').innerText());
      assert.equal(await page.getByLabel('Wachtwoord').inputValue(), '');
    }
    assert.equal(messages[0], messages[1]);
    assert.match(messages[0], /Inloggen is niet gelukt/);
    assert.equal(
      await page.evaluate(() => !!document.activeElement?.closest('.regie-focus-target')),
      true,
    );
    await assertAccessible(page, 'login refused');
  });

  it('asks for the TOTP code, refuses a wrong one, then opens the wanted page', async () => {
    await passwordStep(page, REGISSEUR);
    const heading = page.locator('h1', { hasText: 'Tweestapsverificatie' });
    await heading.waitFor();
    assert.equal(await heading.evaluate((el) => el === document.activeElement), true);
    await assertAccessible(page, 'code step');

    await page.getByLabel(/^Code/).fill(wrongCode(demoSeed(REGISSEUR)));
    await page.getByRole('button', { name: 'Controleren en inloggen' }).click();
    await page.getByText('Deze code klopt niet of is al gebruikt.', { exact: false }).waitFor();
    await assertAccessible(page, 'code refused');

    await page.getByRole('button', { name: 'Herstelcode gebruiken' }).click();
    await page.getByLabel(/^Herstelcode/).waitFor();
    await assertAccessible(page, 'recovery code step');
    await page.getByRole('button', { name: 'Toch de code uit de app gebruiken' }).click();

    await page.getByLabel(/^Code/).fill(await freshCode(REGISSEUR, demoSeed(REGISSEUR)));
    await page.getByRole('button', { name: 'Controleren en inloggen' }).click();
    await page.waitForURL((url) => url.pathname + url.search === wanted);
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), 'Huishoudens');
    const header = await page.locator('header').innerText();
    assert.match(header, /Gemeente Hardinxveld-Giessendam/);
    assert.match(header, /Regisseur/);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await assertAccessible(page, 'signed-in household list');
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const me = await fetchInPage(page, '/api/v1/auth/me');
    assert.equal(me.status, 200);
    const without = await fetchInPage(page, '/api/v1/tenants/1/households', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Zonder token' }),
    });
    assert.equal(without.status, 403);
    assert.equal(without.body.code, 'csrf_failed');
    const wrong = await fetchInPage(page, '/api/v1/auth/logout', {
      method: 'POST',
      headers: { 'X-CSRF-Token': 'niet-het-token' },
    });
    assert.equal(wrong.status, 403);
    // The refused logout left the session alone.
    assert.equal((await fetchInPage(page, '/api/v1/auth/me')).status, 200);
  });

  it('brings the user back to the same page after the session ended', async () => {
    await page.getByLabel('Zoeken op naam').fill('a');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/\?q=a$/);
    await settled(page);
    // The session ends (as after 30 idle minutes): the next request gets 401.
    await context.clearCookies();
    await page.getByLabel('Wijk').fill('x');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.locator('h1', { hasText: 'Inloggen' }).waitFor();
    await page.getByText('Uw sessie is verlopen.', { exact: false }).waitFor();
    assert.equal(
      new URL(page.url()).searchParams.get('volgende'),
      '/gemeenten/1/huishoudens?q=a&wijk=x',
    );
    await assertAccessible(page, 'session expired');
    await loginInPage(page, REGISSEUR);
    assert.equal(new URL(page.url()).search, '?q=a&wijk=x');
    assert.equal(await page.getByLabel('Wijk').inputValue(), 'x');
  });

  it('logs out: the session is revoked on the server', async () => {
    await logout(page);
    await page.getByText('U bent uitgelogd.').waitFor();
    assert.equal((await fetchInPage(page, '/api/v1/auth/me')).status, 401);
    await page.goBack();
    await page.locator('h1', { hasText: 'Inloggen' }).waitFor();
  });

  it('locks an account after repeated failures and says how long to wait', async () => {
    await page.goto(`${regie.baseUrl}/inloggen`);
    let locked = false;
    for (let attempt = 1; attempt <= 8 && !locked; attempt += 1) {
      const status = await submitPassword(page, LOCKED, `fout-${attempt}-wachtwoord`);
      const text = await page.locator('.regie-problem').innerText();
      locked = status === 429;
      assert.match(text, locked ? /te vaak geprobeerd/ : /Inloggen is niet gelukt/);
    }
    assert.ok(locked, 'the account is locked after at most 8 failures');
    assert.match(
      await page.locator('.regie-problem').innerText(),
      /Probeer het over (\d+ seconden|1 minuut|\d+ minuten)( en \d+ seconden?)? opnieuw\./,
    );
    await assertAccessible(page, 'login locked');
    // Locked means locked: the right password does not get in either.
    assert.equal(await submitPassword(page, LOCKED), 429);
  });

  it('ran without console errors or CSP refusals', () => {
    assert.deepEqual(problems, []);
  });
});
