// Single sign-on through OpenID Connect against a real provider
// (support/oidc_provider.mjs): the whole flow over HTTP as a browser makes
// it (state, PKCE, nonce, ID token checks, the local account, the MFA
// claim), every refusal landing on the login page with one generic message
// and the reason in the audit log, and in Chromium: the button on the login
// page, landing logged in on the start page, axe-clean.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { oidcConfig, startOidcProvider } from './support/oidc_provider.mjs';
import { startRegie } from './support/server.mjs';
import { apiSession, demoUser } from './support/session.mjs';

const REGISSEUR = demoUser('regisseur');
const BEGELEIDER = demoUser('begeleider');
const BEHEER = demoUser('beheer');
const AUDITOR = demoUser('auditor');
const BELEID = demoUser('beleid');
const VRIJWILLIGER = demoUser('vrijwilliger');
const FAILED = '/inloggen?sso=mislukt';

function cookieOf(response, name) {
  const cookie = (response.headers.getSetCookie?.() ?? []).find((c) => c.startsWith(`${name}=`));
  return cookie ? cookie.split(';')[0] : null;
}

describe('single sign-on (OpenID Connect)', () => {
  let idp;
  let regie;
  let browser;

  before(async () => {
    idp = await startOidcProvider();
    regie = await startRegie({
      serveArgs: async ({ baseUrl, dir }) => {
        const file = join(dir, 'oidc.toml');
        await writeFile(file, oidcConfig(idp, baseUrl));
        return ['--oidc', file];
      },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await regie?.stop();
    await idp?.stop();
  });

  /** Start -> provider -> callback as a browser does it; stops at the callback's answer. */
  async function flow({ verifierTamper = false, callbackQuery, sendBrowserCookie = true } = {}) {
    const start = await fetch(`${regie.baseUrl}/api/v1/auth/oidc/start?provider=testidp`, {
      redirect: 'manual',
    });
    assert.equal(start.status, 302);
    const browserCookie = cookieOf(start, 'regie_oidc');
    assert.ok(browserCookie, 'the start binds the login to this browser');
    const authorize = new URL(start.headers.get('location'));
    assert.equal(authorize.origin, idp.issuer);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.match(authorize.searchParams.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
    if (verifierTamper) {
      // Another challenge than the server's verifier hashes to: the
      // provider must refuse the code exchange.
      authorize.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    }
    const idpAnswer = await fetch(authorize, { redirect: 'manual' });
    assert.equal(idpAnswer.status, 302);
    const callback = new URL(idpAnswer.headers.get('location'));
    assert.equal(callback.pathname, '/api/v1/auth/oidc/callback');
    const target = callbackQuery ? callbackQuery(callback) : callback;
    const answer = await fetch(target, {
      redirect: 'manual',
      headers: sendBrowserCookie ? { Cookie: browserCookie } : {},
    });
    return { answer, callback, browserCookie };
  }

  async function meOf(answer) {
    const session = cookieOf(answer, 'regie_session');
    assert.ok(session, 'a session cookie');
    const me = await fetch(`${regie.baseUrl}/api/v1/auth/me`, {
      headers: { Cookie: session },
    });
    assert.equal(me.status, 200);
    return me.json();
  }

  /** A beheer session and the API path of `username`'s account, with its row. */
  async function asBeheer(username) {
    const beheer = await apiSession(regie.baseUrl, BEHEER);
    const tenant = beheer.me.user.tenants[0].id;
    const users = await (await beheer.call('GET', `/api/v1/tenants/${tenant}/users`)).json();
    const target = users.items.find((u) => u.username === username);
    return { beheer, target, userUrl: `/api/v1/tenants/${tenant}/users/${target.id}` };
  }

  async function disable(username) {
    const { beheer, target, userUrl } = await asBeheer(username);
    const off = await beheer.call('PUT', userUrl, {
      version: target.version,
      display_name: target.display_name,
      email: target.email,
      roles: target.roles,
      active: false,
    });
    assert.equal(off.status, 200);
  }

  function assertRefused(answer) {
    assert.equal(answer.status, 302);
    assert.equal(answer.headers.get('location'), FAILED);
    assert.equal(cookieOf(answer, 'regie_session'), null);
  }

  it('lists the provider publicly and refuses an unknown one', async () => {
    const list = await fetch(`${regie.baseUrl}/api/v1/auth/oidc/providers`);
    assert.equal(list.status, 200);
    assert.deepEqual((await list.json()).items, [
      {
        id: 'testidp',
        name_nl: 'Gemeente Testdam',
        name_en: 'Municipality of Testdam',
      },
    ]);
    const unknown = await fetch(`${regie.baseUrl}/api/v1/auth/oidc/start?provider=ander`, {
      redirect: 'manual',
    });
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).code, 'oidc_provider_unknown');
  });

  it('logs a known user in with a full session (the happy path)', async () => {
    idp.user = {
      sub: 's-regisseur',
      email: REGISSEUR.toUpperCase(),
      amr: ['pwd', 'mfa'],
    };
    const { answer } = await flow();
    assert.equal(answer.status, 302);
    assert.equal(answer.headers.get('location'), '/');
    const cookies = answer.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('regie_session='));
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Strict/);
    const me = await meOf(answer);
    assert.equal(me.user.username, REGISSEUR);
    assert.match(me.csrf_token, /^[A-Za-z0-9_-]{43}$/);
    // A full session: a case read works at once, without a TOTP step.
    const tenant = me.user.tenants[0].id;
    const households = await fetch(`${regie.baseUrl}/api/v1/tenants/${tenant}/households`, {
      headers: { Cookie: cookieOf(answer, 'regie_session') },
    });
    assert.equal(households.status, 200);
  });

  it('refuses a wrong state and a replayed state', async () => {
    idp.user = { sub: 's-regisseur', email: REGISSEUR, amr: ['mfa'] };
    const wrong = await flow({
      callbackQuery: (url) => {
        const u = new URL(url);
        u.searchParams.set('state', 'verzonnen-state');
        return u;
      },
    });
    assertRefused(wrong.answer);

    const first = await flow();
    assert.equal(first.answer.headers.get('location'), '/');
    const replay = await fetch(first.callback, {
      redirect: 'manual',
      headers: { Cookie: first.browserCookie },
    });
    assertRefused(replay);
  });

  it('refuses a callback without the cookie of the browser that started the login', async () => {
    const { answer } = await flow({ sendBrowserCookie: false });
    assertRefused(answer);
  });

  it('refuses when the provider rejects the PKCE verifier', async () => {
    const before = idp.tokenRequests.length;
    const { answer } = await flow({ verifierTamper: true });
    assertRefused(answer);
    assert.deepEqual(idp.tokenRequests.slice(before), ['invalid_grant']);
  });

  const bent = [
    ['a token signed by another key', { signWithOtherKey: true }],
    ['a wrong audience', { claims: { aud: 'ander-systeem' } }],
    ['an expired token', { claims: { exp: Math.floor(Date.now() / 1000) - 3600 } }],
    ['a wrong nonce', { claims: { nonce: 'ander' } }],
    ['a wrong issuer', { claims: { iss: 'http://127.0.0.1:1' } }],
  ];
  for (const [what, bend] of bent) {
    it(`refuses ${what}`, async () => {
      idp.user = { sub: 's-regisseur', email: REGISSEUR, amr: ['mfa'] };
      idp.bend = bend;
      const { answer } = await flow();
      assertRefused(answer);
    });
  }

  it('refuses a login without the MFA claim', async () => {
    idp.user = { sub: 's-regisseur', email: REGISSEUR, amr: ['pwd'] };
    assertRefused((await flow()).answer);
  });

  it('refuses an unknown user and a disabled one alike', async () => {
    idp.user = { sub: 's-x', email: 'niemand@example.org', amr: ['mfa'] };
    assertRefused((await flow()).answer);

    await disable(BEGELEIDER);
    idp.user = { sub: 's-b', email: BEGELEIDER, amr: ['mfa'] };
    assertRefused((await flow()).answer);
  });

  it('fetches the key set once for an unknown kid, and not again within the minute', async () => {
    idp.user = { sub: 's-regisseur', email: REGISSEUR, amr: ['mfa'] };
    idp.rotateKey();
    const fetchesBefore = idp.jwksFetches;
    const rotated = await flow();
    assert.equal(rotated.answer.headers.get('location'), '/');
    assert.equal(idp.jwksFetches, fetchesBefore + 1);
    idp.bend = { kid: 'onbekend' };
    assertRefused((await flow()).answer);
    assert.equal(idp.jwksFetches, fetchesBefore + 1, 'rate-limited');
  });

  it('binds the account to the subject of its first login, until beheer resets it', async () => {
    idp.user = { sub: 's-beleid', email: BELEID, amr: ['mfa'] };
    assert.equal((await flow()).answer.headers.get('location'), '/');
    // The provider changes the address: the subject still finds the account.
    idp.user = {
      sub: 's-beleid',
      email: 'nieuw-adres@example.org',
      amr: ['mfa'],
    };
    const moved = await flow();
    assert.equal((await meOf(moved.answer)).user.username, BELEID);
    // Someone else at the provider now carries the address: refused.
    idp.user = { sub: 's-iemand-anders', email: BELEID, amr: ['mfa'] };
    assertRefused((await flow()).answer);

    // Beheer sees the binding (the issuer, not the subject) ...
    const { beheer, target, userUrl } = await asBeheer(BELEID);
    assert.equal(target.sso.length, 1);
    assert.equal(target.sso[0].issuer, idp.issuer);
    assert.ok(!JSON.stringify(target).includes('s-beleid'));
    // ... and a reset of the enrolment ends it with the other credentials.
    assert.equal((await beheer.call('POST', `${userUrl}/enrolment`, {})).status, 200);
    assert.deepEqual((await asBeheer(BELEID)).target.sso, []);
    idp.user = {
      sub: 's-beleid',
      email: 'nieuw-adres@example.org',
      amr: ['mfa'],
    };
    assertRefused((await flow()).answer);
    idp.user = { sub: 's-iemand-anders', email: BELEID, amr: ['mfa'] };
    assert.equal((await meOf((await flow()).answer)).user.username, BELEID);
  });

  it('goes by the bound subject whatever its claim names, and refuses it once disabled', async () => {
    idp.user = { sub: 's-vrijwilliger', email: VRIJWILLIGER, amr: ['mfa'] };
    assert.equal((await meOf((await flow()).answer)).user.username, VRIJWILLIGER);
    // The provider now sends another colleague's address for this subject:
    // the subject decides, the other account is not entered.
    idp.user = { sub: 's-vrijwilliger', email: AUDITOR, amr: ['mfa'] };
    assert.equal((await meOf((await flow()).answer)).user.username, VRIJWILLIGER);

    await disable(VRIJWILLIGER);
    idp.user = { sub: 's-vrijwilliger', email: VRIJWILLIGER, amr: ['mfa'] };
    assertRefused((await flow()).answer);
  });

  it('writes every outcome to the audit log', async () => {
    const auditor = await apiSession(regie.baseUrl, AUDITOR);
    const tenant = auditor.me.user.tenants[0].id;
    const log = await (
      await auditor.call('GET', `/api/v1/tenants/${tenant}/audit?action=login&limit=500`)
    ).json();
    const sso = log.items.filter((r) => r.resource_id === 'oidc:testidp');
    const purposes = new Set(sso.map((r) => `${r.outcome}:${r.purpose}`));
    for (const p of [
      'allowed:oidc',
      'denied:oidc_mfa_missing',
      'denied:oidc_user_disabled',
      'denied:oidc_subject_mismatch',
    ])
      assert.ok(purposes.has(p), `${p} in ${[...purposes].join(', ')}`);
  });

  it('logs in from the login page button and lands on the start page', async () => {
    idp.user = { sub: 's-regisseur', email: REGISSEUR, amr: ['mfa'] };
    const { context, page, problems } = await newPage(browser);
    await page.goto(`${regie.baseUrl}/inloggen`);
    const button = page.getByRole('link', {
      name: 'Inloggen met Gemeente Testdam',
    });
    await button.waitFor();
    await assertAccessible(page, 'login page with single sign-on');
    await button.click();
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen') && url.pathname !== '/');
    await settled(page);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await assertAccessible(page, 'start page after single sign-on');

    idp.user = { sub: 's-x', email: 'niemand@example.org', amr: ['mfa'] };
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.locator('h1', { hasText: 'Inloggen' }).waitFor();
    await page.getByRole('link', { name: 'Inloggen met Gemeente Testdam' }).click();
    await page.getByText(/inlogdienst van uw organisatie is niet gelukt/).waitFor();
    await assertAccessible(page, 'login page after a refused single sign-on');
    assert.deepEqual(problems, [], 'no console errors (CSP among them)');
    await context.close();
  });
});

describe('single sign-on: several providers, client_secret_post, and a refused start', () => {
  let basic;
  let post;
  let regie;

  before(async () => {
    basic = await startOidcProvider();
    post = await startOidcProvider({
      authMethod: 'client_secret_post',
      clientSecret: 'post-geheim',
    });
    regie = await startRegie({
      serveArgs: async ({ baseUrl, dir }) => {
        const file = join(dir, 'oidc.toml');
        await writeFile(
          file,
          oidcConfig(basic, baseUrl) +
            oidcConfig(post, baseUrl, {
              id: 'ggd',
              name: 'GGD-account',
              nameEn: 'GGD account',
              clientSecret: 'post-geheim',
              extra: 'require_mfa_claim = false',
            }),
        );
        return ['--oidc', file];
      },
    });
  });
  after(async () => {
    await regie?.stop();
    await basic?.stop();
    await post?.stop();
  });

  it('lists both and logs in through the one that wants client_secret_post', async () => {
    const list = await (await fetch(`${regie.baseUrl}/api/v1/auth/oidc/providers`)).json();
    assert.deepEqual(
      list.items.map((p) => p.id),
      ['ggd', 'testidp'], // by id,
    );
    // require_mfa_claim = false: this provider enforces its own second factor.
    post.user = { sub: 'p-1', email: demoUser('partner'), amr: ['pwd'] };
    const start = await fetch(`${regie.baseUrl}/api/v1/auth/oidc/start?provider=ggd`, {
      redirect: 'manual',
    });
    const authorize = new URL(start.headers.get('location'));
    assert.equal(authorize.origin, post.issuer);
    const back = await fetch(authorize, { redirect: 'manual' });
    const answer = await fetch(back.headers.get('location'), {
      redirect: 'manual',
      headers: { Cookie: cookieOf(start, 'regie_oidc') },
    });
    assert.equal(answer.headers.get('location'), '/');
    assert.deepEqual(post.tokenRequests, ['ok']);
    const me = await fetch(`${regie.baseUrl}/api/v1/auth/me`, {
      headers: { Cookie: cookieOf(answer, 'regie_session') },
    });
    assert.equal((await me.json()).user.username, demoUser('partner'));
  });

  it('does not start when discovery names another issuer than the configuration', async () => {
    await assert.rejects(
      startRegie({
        serveArgs: async ({ baseUrl, dir }) => {
          const file = join(dir, 'oidc.toml');
          await writeFile(file, oidcConfig(basic, baseUrl, { issuer: `${basic.issuer}/` }));
          return ['--oidc', file];
        },
      }),
      /exited with 1[\s\S]*differs from the configured/,
    );
  });
});
