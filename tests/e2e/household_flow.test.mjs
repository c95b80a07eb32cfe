// The main journey of a regisseur: log in, create a household, add a person
// (the server refuses an invalid BSN, the UI shows why at the field), find
// the household again, edit, switch language, archive. axe-core checks every
// page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { randomValidBsn } from './support/bsn.mjs';
import { startRegie } from './support/server.mjs';
import { demoUser, login } from './support/session.mjs';

const NAME = `Familie Testmans ${Date.now().toString(36)}`;
const REGISSEUR = demoUser('regisseur');
const BSN = randomValidBsn();

/** The text of the elements an input's aria-describedby points to. */
async function describedText(locator) {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

describe('household journey', () => {
  let regie;
  let browser;
  let page;
  let problems;
  let householdUrl;
  let regisseurName;

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    ({ page, problems } = await newPage(browser));
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('opens on the household list of the first municipality after logging in, in Dutch', async () => {
    await login(page, regie.baseUrl, REGISSEUR);
    assert.match(new URL(page.url()).pathname, /^\/gemeenten\/\d+\/huishoudens$/);
    assert.equal(await page.locator('h1').textContent(), 'Huishoudens');
    assert.equal(await page.title(), 'Huishoudens - Regie');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.ok((await page.locator('table tbody tr').count()) > 0);
    await assertAccessible(page, 'household list');
  });

  it('refuses a household without a name, at the field', async () => {
    await page.getByRole('link', { name: 'Nieuw huishouden' }).click();
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), 'Nieuw huishouden');
    await assertAccessible(page, 'create household form');
    await page.getByRole('button', { name: 'Huishouden aanmaken' }).click();
    const summary = page.locator('.regie-error-summary');
    await summary.waitFor();
    assert.equal(await summary.evaluate((el) => el === document.activeElement), true);
    const name = page.getByLabel(/^Naam van het huishouden/);
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.match(await describedText(name), /Dit veld is verplicht/);
    await assertAccessible(page, 'create household form with errors');
  });

  it('creates the household with an involved organisation, directed by me', async () => {
    await page.getByLabel(/^Naam van het huishouden/).fill(NAME);
    // The regisseur is chosen from the users with that role; I am the default.
    const regisseur = page.getByLabel(/^Regisseur/);
    assert.notEqual(await regisseur.inputValue(), '');
    regisseurName = (await regisseur.locator('option:checked').textContent()).trim();
    await page.locator('input[name="involved_organisations"]').first().check();
    await page.getByRole('button', { name: 'Huishouden aanmaken' }).click();
    await page.locator('h1', { hasText: NAME }).waitFor();
    await settled(page);
    householdUrl = page.url();
    assert.match(new URL(householdUrl).pathname, /^\/gemeenten\/\d+\/huishoudens\/\d+$/);
    await page.getByText('Het huishouden is aangemaakt.', { exact: false }).waitFor();
    assert.equal(await page.locator('h1').evaluate((el) => el === document.activeElement), true);
    await page.getByText('Dit huishouden heeft nog geen personen.', { exact: false }).waitFor();
    await assertAccessible(page, 'household page');
  });

  it('shows the Dutch BSN error next to the field', async () => {
    await page.getByRole('link', { name: 'Persoon toevoegen' }).click();
    await settled(page);
    assert.match(await page.locator('h1').textContent(), /^Persoon toevoegen aan /);
    await assertAccessible(page, 'create person form');
    await page.getByLabel(/^Voornamen/).fill('Amina');
    await page.getByLabel(/^Achternaam/).fill('Testmans');
    await page.getByLabel(/^Geboortedatum/).fill('01-02-1990');
    await page.getByLabel(/^Nationaliteit/).fill('sy');
    await page.getByLabel(/^Talen/).fill('ar, ku');
    // Nothing is pre-filled that the user did not choose.
    await page.getByLabel(/^Geletterdheid/).selectOption('ja');
    await page.getByLabel(/^Inburgeringsplicht/).selectOption('ja');
    await page.getByLabel(/^BSN/).fill('123456789');
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();

    const bsn = page.getByLabel(/^BSN/);
    await page.locator('#veld-bsn[aria-invalid="true"]').waitFor();
    const message = await describedText(bsn);
    assert.match(message, /Dit BSN is niet geldig/);
    // The message sits in the BSN form field itself, visible.
    const fieldText = await page
      .locator('.utrecht-form-field', { has: page.locator('#veld-bsn') })
      .innerText();
    assert.match(fieldText, /Dit BSN is niet geldig/);
    await page.getByRole('link', { name: /^BSN: Dit BSN is niet geldig/ }).waitFor();
    await assertAccessible(page, 'create person form with errors');
  });

  it('saves the person once the BSN is corrected', async () => {
    await page.getByLabel(/^BSN/).fill(BSN);
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await page.getByText('De persoon is toegevoegd.').waitFor();
    await settled(page);
    assert.equal(page.url(), householdUrl);
    const row = page.locator('tbody tr', { hasText: 'Amina Testmans' });
    assert.match(await row.innerText(), new RegExp(BSN));
    assert.match(await row.innerText(), /01-02-1990/);
    assert.match(await row.innerText(), /Hoofdpersoon/);
    assert.match(await row.innerText(), /Syrië \(SY\)/);
  });

  it('edits the person with every field filled in from the server', async () => {
    await page.getByRole('link', { name: 'Bewerken Amina Testmans' }).click();
    await settled(page);
    assert.equal(await page.getByLabel(/^BSN/).inputValue(), BSN);
    assert.equal(await page.getByLabel(/^Geboortedatum/).inputValue(), '01-02-1990');
    assert.equal(await page.getByLabel(/^Talen/).inputValue(), 'ar, ku');
    await assertAccessible(page, 'edit person form');
    await page.getByLabel(/^Postcode/).fill('12');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.locator('#veld-address-postal_code[aria-invalid="true"]').waitFor();
    await page.getByLabel(/^Postcode/).fill('7721 ab');
    await page.getByLabel(/^Wijk/).fill('Testwijk');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De gegevens van de persoon zijn opgeslagen.').waitFor();
    // Back on the person page, which shows every field of the person.
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), 'Amina Testmans');
    assert.match(await page.locator('main').innerText(), /7721 AB/);
    await assertAccessible(page, 'person page');
    await page.getByRole('link', { name: `Terug naar ${NAME}` }).click();
    await settled(page);
  });

  it('edits the household', async () => {
    await page.getByRole('link', { name: 'Huishouden bewerken' }).click();
    await settled(page);
    assert.equal(
      (
        await page
          .getByLabel(/^Regisseur/)
          .locator('option:checked')
          .textContent()
      ).trim(),
      regisseurName,
    );
    await assertAccessible(page, 'edit household form');
    await page.locator('input[name="involved_organisations"]').nth(1).check();
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De wijzigingen zijn opgeslagen.').waitFor();
    assert.match(
      await page.locator('.regie-details').first().innerText(),
      new RegExp(regisseurName),
    );
    // The access panel says how I stand to the household.
    assert.match(await page.locator('.regie-access').innerText(), /Regisseur/);
  });

  it('finds the household through search, with the search in the URL', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Huishoudens' })
      .click();
    await settled(page);
    await page.getByLabel('Zoeken op naam').fill('testmans');
    await page.getByLabel('Wijk').fill('Testwijk');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/\?q=testmans&wijk=Testwijk$/);
    await settled(page);
    const links = page.locator('table tbody a');
    assert.deepEqual(await links.allTextContents(), [NAME]);
    const row = page.locator('tbody tr');
    assert.match(await row.innerText(), new RegExp(regisseurName));
    assert.match(await row.innerText(), /Regisseur/);

    // Linkable: opening the URL afresh shows the same search.
    await page.reload();
    await settled(page);
    assert.equal(await page.getByLabel('Zoeken op naam').inputValue(), 'testmans');
    assert.deepEqual(await page.locator('table tbody a').allTextContents(), [NAME]);
    // Back returns to the unfiltered list.
    await page.goBack();
    await settled(page);
    assert.equal(new URL(page.url()).search, '');
    assert.ok((await page.locator('table tbody tr').count()) > 1);
  });

  it('shows an empty state for a search without results', async () => {
    await page.getByLabel('Zoeken op naam').fill('zzzgeenenkeletreffer');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Geen huishoudens gevonden die passen bij deze zoekopdracht.').waitFor();
    await assertAccessible(page, 'empty search result');
  });

  it('switches to English, and stays English after a reload', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Households' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), 'Households - Regie');
    await page.goto(householdUrl);
    await settled(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('link', { name: 'Edit household' }).waitFor();
    await page.getByRole('link', { name: 'Add person' }).waitFor();
    assert.match(await page.locator('tbody').innerText(), /Main person/);
    await assertAccessible(page, 'household page in English');
  });

  it('archives the household after asking for a reason', async () => {
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    const heading = page.locator('h2', { hasText: `Archive ${NAME}` });
    await heading.waitFor();
    assert.equal(await heading.evaluate((el) => el === document.activeElement), true);
    await page.getByRole('button', { name: 'Yes, archive' }).click();
    await page.locator('#veld-archive-reason[aria-invalid="true"]').waitFor();
    assert.match(await describedText(page.getByLabel(/^Reason for archiving/)), /required/i);
    await assertAccessible(page, 'archive form with errors');
    await page.getByLabel(/^Reason for archiving/).fill('Verhuisd naar een andere gemeente');
    await page.getByRole('button', { name: 'Yes, archive' }).click();
    await page.getByText('The household has been archived.').waitFor();
    assert.match(
      await page.locator('.regie-details').first().innerText(),
      /Archived on \d{2}-\d{2}-\d{4}/,
    );
    assert.equal(await page.getByRole('link', { name: 'Edit household' }).count(), 0);
    await assertAccessible(page, 'archived household');
  });

  it('shows an error state for a household that does not exist', async () => {
    const missing = householdUrl.replace(/\/\d+$/, '/999999');
    await page.goto(missing);
    await settled(page);
    await page.locator('.regie-problem').waitFor();
    assert.match(await page.locator('.regie-problem').innerText(), /does not exist/);
    await assertAccessible(page, 'error state');
  });

  it('ran without console errors or CSP refusals', () => {
    assert.deepEqual(problems, []);
  });
});
