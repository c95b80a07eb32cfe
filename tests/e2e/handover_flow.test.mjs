// Handover to another municipality in the browser: the regisseur of a
// household in one demo municipality hands it over (the signed package is
// downloaded, the household archived); the other demo municipality of the
// same instance trusts the sender's key (command line, as beheer would),
// and its regisseur uploads the package on "Overdrachten", accepts it and
// opens the new household with its persons and contact history. axe-core
// checks every page.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { demoUser, login, logout } from './support/session.mjs';

const SENDER = demoUser('regisseur', 1, 0);
const RECEIVER = demoUser('regisseur', 1, 1);

describe('handover journey', () => {
  let regie;
  let browser;
  let page;
  let dir;
  let file;
  let householdName;
  let personsHeading;
  let contactRows;

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    ({ page } = await newPage(browser));
    dir = await mkdtemp(join(tmpdir(), 'regie-handover-'));
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('hands a household over: the signed package is downloaded and the household archived', async () => {
    await login(page, regie.baseUrl, SENDER);
    await page.locator('table tbody tr a').first().click();
    await settled(page);
    householdName = (await page.locator('h1').innerText()).trim();
    personsHeading = (await page.getByRole('heading', { name: /^Personen/ }).innerText()).trim();
    const contacts = page.getByRole('region', { name: /^Contactmomenten/ });
    contactRows = (await contacts.count()) > 0 ? await contacts.locator('tbody tr').count() : 0;
    const section = page.getByRole('region', {
      name: 'Overdragen aan andere gemeente',
    });
    await section.getByRole('button', { name: 'Overdragen aan andere gemeente' }).click();
    await assertAccessible(page, 'handover confirmation');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ja, overdragen en pakket downloaden' }).click(),
    ]);
    file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await page
      .getByText('Het huishouden is overgedragen en gearchiveerd.', {
        exact: false,
      })
      .waitFor();
    const document = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(document.format, 'regie.handover/v1');
    assert.equal(document.signature.algorithm, 'Ed25519');
    assert.equal(document.package.household.name, householdName);
    assert.equal(document.package.sender.tenant_code, 'GM0523');
    // The history travels: every contact moment the household page showed.
    assert.equal(document.package.contacts.length, contactRows);
    assert.ok(document.package.events.length > 0, 'timeline events in the package');
    // Archived: no second handover is offered.
    assert.equal(
      await page.getByRole('button', { name: 'Overdragen aan andere gemeente' }).count(),
      0,
    );
    await assertAccessible(page, 'household after handover');
    // Reopening it asks for the word that the other municipality rejected
    // the package (here it will accept it: cancelled).
    await page.getByRole('button', { name: 'Heropenen' }).click();
    await page
      .getByText('Heropen het alleen als die gemeente de overdracht heeft afgewezen', {
        exact: false,
      })
      .waitFor();
    await page.getByLabel(/^De andere gemeente heeft de overdracht afgewezen/).waitFor();
    await assertAccessible(page, 'reopening a handed-over household');
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Heropenen' }).waitFor();
  });

  it('refuses the package in a municipality that does not trust the sender yet', async () => {
    await logout(page);
    await login(page, regie.baseUrl, RECEIVER);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Overdrachten' })
      .click();
    await settled(page);
    await page.getByRole('heading', { name: 'Inkomende overdrachten' }).waitFor();
    await assertAccessible(page, 'incoming handovers, empty');
    await page.getByLabel('Overdrachtspakket (JSON-bestand)').setInputFiles(file);
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByText('niet vertrouwt', { exact: false }).waitFor();
  });

  it('imports, accepts and shows the household with its history once the key is trusted', async () => {
    const key = await regie.cli(['handover', 'key']);
    const publicKey = /public_key (\S+)/.exec(key)[1];
    await regie.cli([
      'handover',
      'trust',
      '--tenant',
      'GM0148',
      '--name',
      'Gemeente Hardinxveld-Giessendam',
      '--key',
      publicKey,
    ]);
    await page.getByLabel('Overdrachtspakket (JSON-bestand)').setInputFiles(file);
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByText('is ingelezen en wacht op uw besluit', { exact: false }).waitFor();
    const row = page.locator('tbody tr', { hasText: householdName });
    await row.getByText('Wacht op besluit').waitFor();
    assert.match(await row.innerText(), /Gemeente Hardinxveld-Giessendam \(GM0523\)/);
    await assertAccessible(page, 'incoming handovers, pending');
    // The same package again: nothing new (200 with the same record).
    await page.getByLabel('Overdrachtspakket (JSON-bestand)').setInputFiles(file);
    const [again] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/handovers'),
      ),
      page.getByRole('button', { name: 'Inlezen' }).click(),
    ]);
    assert.equal(again.status(), 200);
    await settled(page);
    assert.equal(await page.locator('tbody tr', { hasText: householdName }).count(), 1);

    await row.getByRole('button', { name: `Accepteren: ${householdName}` }).click();
    await page.getByRole('link', { name: `Open ${householdName}` }).click();
    await settled(page);
    await page.getByRole('heading', { level: 1, name: householdName }).waitFor();
    assert.equal(
      (await page.getByRole('heading', { name: /^Personen/ }).innerText()).trim(),
      personsHeading,
    );
    const contacts = page.getByRole('region', { name: /^Contactmomenten/ });
    if (contactRows > 0) {
      await contacts.locator('tbody tr').first().waitFor();
      assert.equal(await contacts.locator('tbody tr').count(), contactRows);
    }
    await assertAccessible(page, 'accepted household');
  });
});
