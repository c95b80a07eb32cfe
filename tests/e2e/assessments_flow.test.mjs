// Assessments in the browser: a regisseur opens an adult of one of his
// households, records a participatieladder assessment, sees it in the
// ladder table and the history, gets an out-of-range ZRM refused at its
// field, and voids the assessment with a reason. axe-core checks the
// section with its charts, forms and errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { apiSession, demoUser, login } from './support/session.mjs';

const REGISSEUR = demoUser('regisseur');

/** dd-mm-jjjj of a Date. */
function uiDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()}`;
}

/** An adult of one of the regisseur's households, through the API. */
async function findAdult(api, tenant) {
  const list = await api.call('GET', `/api/v1/tenants/${tenant}/households?limit=20`);
  assert.equal(list.status, 200);
  const adultBefore = new Date();
  adultBefore.setFullYear(adultBefore.getFullYear() - 18);
  for (const item of (await list.json()).items) {
    const detail = await api.call('GET', `/api/v1/tenants/${tenant}/households/${item.id}`);
    if (detail.status !== 200) continue;
    const household = await detail.json();
    if (household.archived) continue;
    const adult = household.persons.find(
      (p) => p.birth_date && new Date(p.birth_date) < adultBefore,
    );
    if (adult) return adult;
  }
  return null;
}

describe('assessments: ladder and ZRM over time', () => {
  let regie;
  let browser;
  let page;
  let tenant;
  let person;
  let before_count;

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    page = (await newPage(browser)).page;
    const api = await apiSession(regie.baseUrl, REGISSEUR);
    tenant = api.me.user.tenants[0].id;
    person = await findAdult(api, tenant);
    assert.ok(person, 'the demo regisseur has an adult in a household');
    const existing = await api.call(
      'GET',
      `/api/v1/tenants/${tenant}/persons/${person.id}/assessments`,
    );
    assert.equal(existing.status, 200);
    before_count = (await existing.json()).items.length;
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('shows the Metingen section on the person page', async () => {
    await login(page, regie.baseUrl, REGISSEUR, `/gemeenten/${tenant}/personen/${person.id}`);
    await settled(page);
    await page.getByRole('heading', { level: 2, name: 'Metingen' }).waitFor();
    await assertAccessible(page, 'person page with assessments');
  });

  it('records a participatieladder assessment and shows it', async () => {
    await page.getByRole('button', { name: 'Meting vastleggen' }).first().click();
    await page.locator('#veld-assessment-kind').selectOption('participatieladder');
    await page.locator('#veld-assessment-date').fill(uiDate(new Date()));
    await page.locator('#veld-assessment-rung').selectOption('4');
    await page.getByRole('checkbox', { name: /^4\./ }).check();
    await assertAccessible(page, 'assessment form');
    await page
      .locator('form')
      .filter({ has: page.locator('#veld-assessment-kind') })
      .getByRole('button', { name: 'Meting vastleggen' })
      .click();
    await page.getByText(/De meting is vastgelegd/).waitFor();
    const rows = page.locator('table.regie-assessments tbody tr');
    await page.waitForFunction(
      ([selector, n]) => document.querySelectorAll(selector).length === n,
      ['table.regie-assessments tbody tr', before_count + 1],
    );
    assert.ok((await rows.last().innerText()).includes(uiDate(new Date())));
  });

  it('refuses a future date at the field with the server message', async () => {
    await page.getByRole('button', { name: 'Meting vastleggen' }).first().click();
    await page.locator('#veld-assessment-kind').selectOption('participatieladder');
    const future = new Date();
    future.setFullYear(future.getFullYear() + 1);
    await page.locator('#veld-assessment-date').fill(uiDate(future));
    await page.locator('#veld-assessment-rung').selectOption('2');
    await page
      .locator('form')
      .filter({ has: page.locator('#veld-assessment-kind') })
      .getByRole('button', { name: 'Meting vastleggen' })
      .click();
    await page.locator('#veld-assessment-date[aria-invalid="true"]').waitFor();
    await page.locator('.regie-error-summary').waitFor();
    await assertAccessible(page, 'assessment form with errors');
    await page.getByRole('button', { name: 'Annuleren' }).click();
  });

  it('voids the new assessment with a reason; it stays visible as voided', async () => {
    const last = page.locator('table.regie-assessments tbody tr').last();
    await last.getByRole('button', { name: 'Ongeldig maken' }).click();
    await page.getByRole('textbox', { name: /Reden/ }).fill('Verkeerde persoon gekozen');
    await page.getByRole('button', { name: 'Ja, ongeldig maken' }).click();
    await page.getByText('De meting is ongeldig gemaakt.').waitFor();
    assert.ok(
      (await page.locator('table.regie-assessments tbody tr').last().innerText()).includes(
        'Ongeldig gemaakt',
      ),
    );
    await assertAccessible(page, 'assessments after voiding');
  });
});
