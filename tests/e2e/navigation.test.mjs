// Moving around: keyboard and skip link, cursor paging with the back button,
// the municipality selector, deep links served by the single-page fallback,
// all under the server's strict CSP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';

async function rowNames(page) {
  return page.locator('table tbody tr td:first-child a').allTextContents();
}

/** The demo spreads 30 households over two municipalities: add some so the list has a second page. */
async function fillFirstTenant(baseUrl, tenantId) {
  const api = `${baseUrl}/api/v1/tenants/${tenantId}/households`;
  const page = await (await fetch(`${api}?limit=200`)).json();
  for (let i = page.items.length; i < 30; i += 1) {
    const response = await fetch(api, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: `Testhuishouden ${String(i).padStart(2, '0')}`,
        regisseur: 'E2E',
      }),
    });
    assert.equal(response.status, 201);
  }
}

describe('navigation', () => {
  let regie;
  let browser;
  let page;
  let problems;
  let tenants;

  before(async () => {
    regie = await startRegie();
    tenants = (await (await fetch(`${regie.baseUrl}/api/v1/tenants`)).json()).items;
    await fillFirstTenant(regie.baseUrl, tenants[0].id);
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
    await settled(page);
  });

  it('starts keyboard users at the skip link, which moves focus to the content', async () => {
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
    assert.ok(tenants.length >= 2, 'the demo has two municipalities');
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
    await settled(page);
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
    // Someone else saves the same household through the API.
    const [, , tenantId, , householdId] = new URL(page.url()).pathname.split('/');
    const api = `${regie.baseUrl}/api/v1/tenants/${tenantId}/households/${householdId}`;
    const current = await (await fetch(api)).json();
    const response = await fetch(api, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        version: current.version,
        name: current.name,
        regisseur: 'Iemand Anders',
        involved_organisations: current.involved_organisations.map((o) => o.id),
      }),
    });
    assert.equal(response.status, 200);

    await page.getByLabel(/^Regisseur/).fill('Mijn Wijziging');
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
    assert.equal(await page.getByLabel(/^Regisseur/).inputValue(), 'Iemand Anders');
    await page.getByLabel(/^Regisseur/).fill('Mijn Wijziging');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    assert.match(await page.locator('.regie-details').innerText(), /Mijn Wijziging/);
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
