// The regional benchmark in the browser. The demo's "Regio Demo (fictief)"
// has both e2e municipalities as members; the first shares, the second
// (Dalfsen) does not, so its beleid sees only its own figures and the
// total. Dalfsen's beheer opts in on "Regio's"; now the first municipality's
// beleid sees its own municipality (marked) beside Dalfsen and the regional
// total, the "<5" explanation and the G40 2018 table with its source.
// Dalfsen opts out again and is gone with the next request. axe-core checks
// every page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { apiSession, demoUser, login } from './support/session.mjs';

const BELEID = demoUser('beleid');
const BEHEER_DALFSEN = demoUser('beheer', 1, 1);

describe('regional benchmark', () => {
  let regie;
  let browser;
  let tenant; // the first municipality
  let dalfsen;

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    tenant = (await apiSession(regie.baseUrl, BELEID)).me.user.tenants[0].id;
    dalfsen = (await apiSession(regie.baseUrl, BEHEER_DALFSEN)).me.user.tenants[0].id;
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  /** The municipalities in the first indicator table's rows. */
  async function rowNames(page) {
    const table = page.locator('.regie-benchmark-indicator table').first();
    await table.waitFor();
    return table.locator('tbody th').allInnerTexts();
  }

  async function openBenchmark(page) {
    await page.goto(`${regie.baseUrl}/gemeenten/${tenant}/regionale-vergelijking`);
    await settled(page);
    await page.getByTestId('benchmark-summary').waitFor();
  }

  it('shows beleid its municipality, the sharing others and the total, with the G40 table', async () => {
    const { page } = await newPage(browser);
    await login(page, regie.baseUrl, BELEID);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Regionale vergelijking' })
      .click();
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), 'Regionale vergelijking');
    // Dalfsen does not share yet: absent, not named.
    let names = await rowNames(page);
    assert.equal(names.length, 2, names.join(' | '));
    assert.match(names[0], /Hardinxveld-Giessendam.*\(uw gemeente\)/s);
    assert.match(names[1], /^Totaal Regio Demo/);
    assert.doesNotMatch(await page.locator('main').innerText(), /Dalfsen/);
    await assertAccessible(page, 'benchmark, one sharing member');

    // Dalfsen's beheer opts in on its regions page.
    const beheer = (await newPage(browser)).page;
    await login(beheer, regie.baseUrl, BEHEER_DALFSEN);
    await beheer
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: "Regio's" })
      .click();
    await settled(beheer);
    const row = beheer.locator('tr', { hasText: 'Regio Demo' });
    assert.match(await row.innerText(), /Nee/);
    await assertAccessible(beheer, 'regions of beheer');
    await row.getByRole('button', { name: 'Cijfers delen met Regio Demo (fictief)' }).click();
    await row
      .getByRole('button', {
        name: 'Stoppen met delen met Regio Demo (fictief)',
      })
      .waitFor();
    assert.match(await row.innerText(), /Ja/);

    await openBenchmark(page);
    names = await rowNames(page);
    assert.equal(names.length, 3, names.join(' | '));
    assert.ok(
      names.some((n) => /^Dalfsen/.test(n)),
      names.join(' | '),
    );
    const own = page
      .locator('.regie-benchmark-indicator table')
      .first()
      .locator('tr.regie-row-own');
    assert.match(await own.innerText(), /Hardinxveld-Giessendam/);
    assert.equal(await page.locator('.regie-bar-chart').first().getAttribute('role'), 'img');
    const main = await page.locator('main').innerText();
    assert.match(main, /Aantallen van 1 tot en met 4 staan als "<5"/);
    // The G40 survey of January 2018 with its source line.
    assert.ok(await page.getByRole('heading', { name: /G40-uitvraag januari 2018/ }).isVisible());
    assert.match(await page.getByTestId('g40-source').innerText(), /EenVandaag, 2018-01/);
    assert.match(main, /16 \/ 32/);
    await assertAccessible(page, 'benchmark, two sharing members');

    // Opting out stops sharing with the next request.
    await row
      .getByRole('button', {
        name: 'Stoppen met delen met Regio Demo (fictief)',
      })
      .click();
    await row.getByRole('button', { name: 'Cijfers delen met Regio Demo (fictief)' }).waitFor();
    await openBenchmark(page);
    names = await rowNames(page);
    assert.equal(names.length, 2, names.join(' | '));
    assert.doesNotMatch(await page.locator('main').innerText(), /Dalfsen/);
  });

  it('explains to a member that does not share why it sees nothing', async () => {
    const { page } = await newPage(browser);
    await login(page, regie.baseUrl, demoUser('beleid', 1, 1));
    await page.goto(`${regie.baseUrl}/gemeenten/${dalfsen}/regionale-vergelijking`);
    await settled(page);
    await page.getByText(/deelt \(nog\) geen cijfers met deze regio/).waitFor();
    await assertAccessible(page, 'benchmark refused: not sharing');
  });
});
