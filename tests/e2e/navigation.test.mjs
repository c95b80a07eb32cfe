// Moving around: keyboard and skip link, cursor paging with the back button,
// the municipality selector, deep links served by the single-page fallback
// (also to a page that first needs a login), all under the server's strict CSP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { apiSession, demoUser, login, loginInPage, logout } from './support/session.mjs';

async function rowNames(page) {
  return page.locator('table tbody tr td:first-child a').allTextContents();
}

const REGISSEUR = demoUser('regisseur');
// Vluchtelingenwerk is regional in the demo: its begeleider serves both municipalities.
const REGIONAL = demoUser('begeleider');

/** The demo spreads 30 households over two municipalities: add some so the regisseur's list has a second page. */
async function fillFirstTenant(api, tenantId) {
  const path = `/api/v1/tenants/${tenantId}/households`;
  const page = await (await api.call('GET', `${path}?limit=200`)).json();
  for (let i = page.items.length; i < 30; i += 1) {
    const response = await api.call('POST', path, {
      name: `Testhuishouden ${String(i).padStart(2, '0')}`,
    });
    assert.equal(response.status, 201);
  }
}

describe('navigation', () => {
  let regie;
  let browser;
  let page;
  let problems;
  let api;
  let tenantId;

  before(async () => {
    regie = await startRegie();
    api = await apiSession(regie.baseUrl, REGISSEUR);
    tenantId = api.me.user.tenants[0].id;
    await fillFirstTenant(api, tenantId);
    browser = await launchBrowser();
    ({ page, problems } = await newPage(browser));
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('serves the app under a strict CSP', async () => {
    const response = await page.goto(`${regie.baseUrl}/`);
    const csp = response.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    await loginInPage(page, REGISSEUR);
    assert.match(new URL(page.url()).pathname, /^\/gemeenten\/\d+\/huishoudens$/);
  });

  it('starts keyboard users at the skip link, which moves focus to the content', async () => {
    // A page opened afresh (after login the focus is on the new page's heading).
    await page.reload();
    await settled(page);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(first, 'Naar de inhoud');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'inhoud');
    await page.keyboard.press('Tab');
    // The next stop is inside the main content, not back in the header.
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('main')), true);
  });

  it('pages forward with the cursor and back, also with the browser back button', async () => {
    const first = await rowNames(page);
    assert.equal(first.length, 25);
    await page.getByRole('button', { name: 'Volgende pagina' }).click();
    await page.getByText('Pagina 2', { exact: true }).waitFor();
    await settled(page);
    const second = await rowNames(page);
    assert.ok(second.length > 0 && second.length <= 25);
    assert.equal(
      second.some((name) => first.includes(name)),
      false,
    );
    assert.equal(
      await page.getByRole('button', { name: 'Volgende pagina' }).count(),
      second.length === 25 ? 1 : 0,
    );
    await assertAccessible(page, 'list page 2');

    await page.getByRole('button', { name: 'Vorige pagina' }).click();
    await page.getByText('Pagina 1', { exact: true }).waitFor();
    await settled(page);
    assert.deepEqual(await rowNames(page), first);

    await page.goBack();
    await page.getByText('Pagina 2', { exact: true }).waitFor();
    await settled(page);
    assert.deepEqual(await rowNames(page), second);
    await page.goBack();
    await page.getByText('Pagina 1', { exact: true }).waitFor();
  });

  it('filters on a housing-date range typed as dd-mm-jjjj', async () => {
    await page.getByLabel('Gehuisvest vanaf').fill('01-01-1900');
    await page.getByLabel('Gehuisvest tot en met').fill('31-12-1900');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/housed_from=1900-01-01&housed_to=1900-12-31/);
    await page.getByText('Geen huishoudens gevonden die passen bij deze zoekopdracht.').waitFor();
    await page.getByRole('link', { name: 'Filters wissen' }).first().click();
    await settled(page);
    assert.equal(new URL(page.url()).search, '');
  });

  it('switches municipality, remembers it, and opens it next time', async () => {
    // The regisseur works for one municipality: no selector, just its name.
    assert.equal(await page.getByLabel('Gemeente').count(), 0);
    await logout(page);
    await loginInPage(page, REGIONAL);
    const tenants = (await apiSession(regie.baseUrl, REGIONAL)).me.user.tenants;
    assert.ok(tenants.length >= 2, 'a regional organisation serves two municipalities');
    const second = tenants[1];
    await page.getByLabel('Gemeente').selectOption(String(second.id));
    await page.getByRole('button', { name: 'Wisselen' }).click();
    await page.waitForURL(new RegExp(`/gemeenten/${second.id}/huishoudens$`));
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    await page.goto(`${regie.baseUrl}/`);
    await page.waitForURL(new RegExp(`/gemeenten/${second.id}/huishoudens$`));
    assert.equal(await page.getByLabel('Gemeente').inputValue(), String(second.id));
  });

  it('opens a deep link directly (single-page fallback) and a household from the list', async () => {
    await logout(page);
    await login(page, regie.baseUrl, REGISSEUR, `/gemeenten/${tenantId}/huishoudens`);
    const link = page.locator('table tbody a').first();
    const name = await link.textContent();
    const href = await link.getAttribute('href');
    await page.goto(`${regie.baseUrl}${href}`);
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), name);
    assert.equal(await page.title(), `${name} - Regie`);
  });

  it('offers to reload when someone else changed the household meanwhile', async () => {
    await page.getByRole('link', { name: 'Huishouden bewerken' }).click();
    await settled(page);
    // The same regisseur saves the household in another session.
    const [, , tenant, , householdId] = new URL(page.url()).pathname.split('/');
    const path = `/api/v1/tenants/${tenant}/households/${householdId}`;
    const current = await (await api.call('GET', path)).json();
    const response = await api.call('PUT', path, {
      version: current.version,
      name: `${current.name} (elders gewijzigd)`,
      regisseur_user_id: current.regisseur.id,
      involved_organisations: current.involved_organisations.map((o) => o.id),
    });
    assert.equal(response.status, 200);

    await page.getByLabel(/^Naam van het huishouden/).fill('Mijn Wijziging');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page
      .getByText('Iemand anders heeft dit intussen gewijzigd.', {
        exact: false,
      })
      .waitFor();
    assert.equal(
      await page.evaluate(() => !!document.activeElement?.closest('.regie-focus-target')),
      true,
    );
    await assertAccessible(page, 'version conflict');
    await page.getByRole('button', { name: 'Gegevens opnieuw laden' }).click();
    await settled(page);
    assert.match(
      await page.getByLabel(/^Naam van het huishouden/).inputValue(),
      /\(elders gewijzigd\)$/,
    );
    await page.getByLabel(/^Naam van het huishouden/).fill('Mijn Wijziging');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    // The page shows the household again once it is read back.
    await page.locator('h1', { hasText: 'Mijn Wijziging' }).waitFor();
  });

  it('shows a not-found page for an unknown address', async () => {
    await page.goto(`${regie.baseUrl}/bestaat/niet`);
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), 'Pagina niet gevonden');
    await assertAccessible(page, 'not-found page');
  });

  it('ran without console errors or CSP refusals', () => {
    assert.deepEqual(problems, []);
  });
});
