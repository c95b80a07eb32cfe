// Signals (vroegsignalering) in the browser: a regisseur files a signal on a
// household of theirs, acknowledges and closes it with the buttons the
// server allows, and finds demo signals on the Signalen page and escalated
// ones on the Werklijst. axe-core checks every page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { demoUser, login } from './support/session.mjs';

const REGISSEUR = demoUser('regisseur');
const TEXT = `Zorgen over de huur ${Date.now().toString(36)}`;
const OPEN = `Zoekt een maatje ${Date.now().toString(36)}`;

describe('signals journey', () => {
  let regie;
  let browser;
  let page;
  let problems;

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    ({ page, problems } = await newPage(browser));
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('files a signal on a household, routed to an organisation', async () => {
    await login(page, regie.baseUrl, REGISSEUR);
    await page.locator('table tbody tr a').first().click();
    await settled(page);
    const section = page.getByRole('region', { name: 'Signalen' });
    await section.waitFor();
    await section.getByRole('button', { name: 'Signaal indienen' }).click();
    await page.getByLabel(/^Onderwerp/).selectOption('overig');
    await page.getByLabel(/^Urgentie/).selectOption('hoog');
    await page.getByLabel(/^Omschrijving/).fill(TEXT);
    await assertAccessible(page, 'signal form');
    await section.getByRole('button', { name: 'Signaal indienen' }).click();
    await page
      .getByText('Het signaal is ingediend en doorgestuurd naar', { exact: false })
      .waitFor();
    const row = section.locator('tbody tr', { hasText: TEXT });
    await row.waitFor();
    assert.match(await row.innerText(), /Ingediend/);
    await assertAccessible(page, 'household page with signals');
  });

  it('acknowledges and closes it with the actions the server offers', async () => {
    const section = page.getByRole('region', { name: 'Signalen' });
    const row = section.locator('tbody tr', { hasText: TEXT });
    await row.getByRole('button', { name: /^Oppakken/ }).click();
    await assertAccessible(page, 'acknowledge form');
    await row.getByRole('button', { name: 'Oppakken' }).click();
    await page.getByText('Het signaal is bijgewerkt.').waitFor();
    await section.locator('tbody tr', { hasText: TEXT }).getByText('In behandeling').waitFor();
    const again = section.locator('tbody tr', { hasText: TEXT });
    assert.equal(await again.getByRole('button', { name: /^Oppakken/ }).count(), 0);
    await again.getByRole('button', { name: /^Afhandelen/ }).click();
    await again.getByLabel(/^Resultaat/).fill('Gesprek met de verhuurder gevoerd.');
    await again.getByRole('button', { name: 'Afhandelen' }).click();
    await section.locator('tbody tr', { hasText: TEXT }).getByText('Afgehandeld').waitFor();
  });

  it('lists the open signals of my organisation on the Signalen page and the Werklijst', async () => {
    // A second one, left open: overig goes to the regisseur's own organisation.
    const section = page.getByRole('region', { name: 'Signalen' });
    await section.getByRole('button', { name: 'Signaal indienen' }).click();
    await page.getByLabel(/^Onderwerp/).selectOption('overig');
    await page.getByLabel(/^Urgentie/).selectOption('acuut');
    await page.getByLabel(/^Omschrijving/).fill(OPEN);
    await section.getByRole('button', { name: 'Signaal indienen' }).click();
    await section.locator('tbody tr', { hasText: OPEN }).waitFor();
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Signalen' })
      .click();
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), 'Signalen');
    await page.locator('tbody tr', { hasText: OPEN }).waitFor();
    assert.equal(await page.locator('tbody tr', { hasText: TEXT }).count(), 0); // closed
    await assertAccessible(page, 'signals page');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Werklijst' })
      .click();
    await settled(page);
    await page.locator('tbody tr', { hasText: 'Signaal' }).first().waitFor();
    await assertAccessible(page, 'worklist with signals');
  });

  it('ran without console errors or CSP refusals', () => {
    assert.deepEqual(problems, []);
  });
});
