// The monitoring dashboard as a policy officer (beleid) uses it: the demo
// municipality's indicators as tiles with their 95% interval, a drill-down by
// wijk, a chart switched to its table, the CSV export (suppressed, with a
// byte order mark for Dutch Excel), another reference date, and axe-core
// clean throughout.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { demoUser, login } from './support/session.mjs';

const INTERVAL = /^\d{1,3}% \(\d{1,3}–\d{1,3}%\)$/;
const WITHHELD = 'Afgeschermd (kleine aantallen)';

describe('monitoring dashboard', () => {
  let regie;
  let browser;
  let opened;
  let dashboardPath;

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    opened = await newPage(browser);
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('shows beleid the tiles with intervals, targets and status in words', async () => {
    const { page } = opened;
    await login(page, regie.baseUrl, demoUser('beleid'));
    assert.equal(await page.locator('h1').textContent(), 'Dashboard');
    assert.match(page.url(), /\/gemeenten\/\d+\/dashboard$/);
    await page.getByRole('heading', { name: 'Indicatoren per thema' }).waitFor();
    await settled(page);

    dashboardPath = new URL(page.url()).pathname;
    const tiles = page.locator('article.regie-tile');
    assert.ok((await tiles.count()) > 0, 'the demo municipality has indicators');
    const values = (await page.locator('.regie-tile__value').allTextContents()).map((v) =>
      v.trim(),
    );
    // The demo municipality is small: a share is shown with its interval,
    // or withheld when a small cohort cell could be derived from it.
    for (const v of values)
      assert.ok(INTERVAL.test(v) || v === WITHHELD, `a share with its interval or withheld: ${v}`);
    // Status in words next to its colour, never colour alone.
    const statuses = await page.locator('.regie-tile .regie-status').allTextContents();
    assert.ok(statuses.length > 0);
    for (const s of statuses)
      assert.match(s, /^(Op koers|Risico|Uit koers|Geen gegevens|Geen streefwaarde|–)$/);
    assert.match(await page.locator('.regie-stamp').innerText(), /^Peildatum \d\d-\d\d-\d{4} · /);
    // Suppressed figures for beleid: never a count of 1 to 4 on the page.
    assert.match(await page.locator('main').innerText(), /Kleine aantallen zijn afgeschermd/);
    await assertAccessible(page, 'dashboard');
  });

  it('drills down by wijk and switches a chart to its table', async () => {
    const { page } = opened;
    await page.getByLabel('Uitsplitsen naar').selectOption('wijk');
    const table = page.getByRole('table', { name: /naar Wijk$/ });
    await table.waitFor();
    assert.ok((await table.locator('tbody tr').count()) > 0, 'rows per wijk');
    const header = await table.locator('thead th').first().textContent();
    assert.equal(header, 'Wijk');

    // The Kaplan-Meier chart: drawn as SVG, then the same numbers as a table.
    const survival = page.locator('section', {
      has: page.getByRole('heading', { name: 'Tijd tot een mijlpaal' }),
    });
    const panel = survival.locator('.regie-chart-panel').first();
    if ((await panel.count()) > 0) {
      await panel.locator('[role="img"] svg').first().waitFor();
      const toggle = panel.getByRole('button', { name: 'Tabel' });
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      await panel.getByRole('table').waitFor();
      assert.ok((await panel.locator('tbody tr').count()) > 0);
    } else {
      // Then a tile's trend chart.
      const tilePanel = page.locator('.regie-tile .regie-chart-panel').first();
      await tilePanel.locator('[role="img"] svg').first().waitFor();
      await tilePanel.getByRole('button', { name: 'Tabel' }).click();
      await tilePanel.getByRole('table').waitFor();
    }
    await assertAccessible(page, 'dashboard with a drill-down and a table');
  });

  it('exports CSV, suppressed and ready for Dutch Excel', async () => {
    const { page } = opened;
    const href = await page
      .getByRole('link', { name: 'Deze uitsplitsing exporteren (CSV)' })
      .getAttribute('href');
    assert.match(
      href,
      /\/indicators\/export\?format=csv&on=\d{4}-\d\d-\d\d&indicator=.+&breakdown=wijk$/,
    );
    const all = await page
      .getByRole('link', { name: 'Alles exporteren (CSV)' })
      .getAttribute('href');
    const csv = await page.evaluate(async (url) => {
      const r = await fetch(url);
      const bytes = new Uint8Array(await r.arrayBuffer());
      return {
        status: r.status,
        type: r.headers.get('Content-Type'),
        disposition: r.headers.get('Content-Disposition'),
        bom: Array.from(bytes.slice(0, 3)),
        text: new TextDecoder().decode(bytes),
      };
    }, all);
    assert.equal(csv.status, 200);
    assert.match(csv.type, /^text\/csv/);
    assert.match(csv.disposition, /^attachment; filename="indicatoren-\d{4}-\d\d-\d\d\.csv"$/);
    assert.deepEqual(csv.bom, [0xef, 0xbb, 0xbf]);
    const lines = csv.text.trim().split('\r\n');
    assert.match(lines[0], /^indicator;naam;thema;uitsplitsing;/);
    assert.ok(lines.length > 1, 'rows');
    // Counts (columns 7-11) are 0, at least 5, "<5" or "x".
    for (const line of lines.slice(1)) {
      const cells = line.split(';');
      for (const c of cells.slice(6, 11))
        assert.ok(c === '<5' || c === 'x' || c === '0' || Number(c) >= 5, `${c} in ${line}`);
    }
  });

  it('shows another reference date and refuses one in the future', async () => {
    const { page } = opened;
    await page.getByRole('textbox', { name: /^Peildatum/ }).fill('01-01-2026');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await page.waitForURL(/peildatum=2026-01-01$/);
    await page.locator('.regie-stamp', { hasText: 'Peildatum 01-01-2026' }).waitFor();
    await page.getByRole('textbox', { name: /^Peildatum/ }).fill('01-01-2099');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await page.getByText('Deze datum ligt in de toekomst. Dat kan niet.').first().waitFor();
    await assertAccessible(page, 'dashboard with a date error');
  });

  it('shows the regisseur the exact shares with their interval', async () => {
    const own = await newPage(browser);
    try {
      await login(own.page, regie.baseUrl, demoUser('regisseur'), dashboardPath);
      await own.page.getByRole('heading', { name: 'Indicatoren per thema' }).waitFor();
      await settled(own.page);
      const values = (await own.page.locator('.regie-tile__value').allTextContents()).map((v) =>
        v.trim(),
      );
      assert.ok(
        values.some((v) => INTERVAL.test(v)),
        `a share with its interval among: ${values.join(' | ')}`,
      );
      assert.deepEqual(own.problems, []);
    } finally {
      await own.page.context().close();
    }
  });

  it('ran without console errors or CSP refusals', () => {
    assert.deepEqual(opened.problems, []);
  });
});
