// The half-year progress report in the browser: the regisseur writes a
// section of the report now due (the demo has drafts for it), the GGD
// partner adds its organisation's experience and sees nothing else of the
// concept, beleid makes it final and downloads the PDF (a real PDF, with
// both texts in it once read back). axe-core checks every page.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { apiSession, demoUser, login } from './support/session.mjs';

const run = promisify(execFile);
const REGISSEUR = demoUser('regisseur');
const PARTNER = demoUser('partner');
const BELEID = demoUser('beleid');
const SUFFIX = Date.now().toString(36);
const GOOD = `De taalcafés draaien nu ook op zaterdag (${SUFFIX}).`;
const PARTNER_TEXT = `GGD: alle gezondheidsintakes binnen vier maanden (${SUFFIX}).`;

describe('progress report journey', () => {
  let regie;
  let browser;
  let pages;
  let problems;
  let tenant;
  let dir;

  before(async () => {
    regie = await startRegie();
    const api = await apiSession(regie.baseUrl, REGISSEUR);
    tenant = api.me.user.tenants[0].id;
    browser = await launchBrowser();
    pages = [];
    problems = [];
    for (let i = 0; i < 3; i++) {
      const p = await newPage(browser);
      pages.push(p.page);
      problems.push(p.problems);
    }
    dir = await mkdtemp(join(tmpdir(), 'regie-report-e2e-'));
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lets the regisseur write a section of the report now due', async () => {
    const page = pages[0];
    await login(page, regie.baseUrl, REGISSEUR, `/gemeenten/${tenant}/rapportage`);
    assert.equal(await page.locator('h1').textContent(), 'Voortgangsrapportage');
    const section = page.getByRole('region', { name: 'Wat gaat goed' });
    await section.waitFor();
    // The demo's draft is there, as version 1.
    await section.getByText(/Versie 1, opgeslagen door/).waitFor();
    await section.getByLabel('Tekst van de gemeente').fill(GOOD);
    await section.getByRole('button', { name: 'Tekst opslaan' }).click();
    await section.getByText('Opgeslagen.').waitFor();
    await section.getByText(/Versie 2, opgeslagen door/).waitFor();
    await assertAccessible(page, 'report page of the regisseur');
  });

  it('lets the GGD partner add its experience and see only that', async () => {
    const page = pages[1];
    await login(page, regie.baseUrl, PARTNER, `/gemeenten/${tenant}/rapportage`);
    const section = page.getByRole('region', {
      name: 'Ervaringen van netwerkpartners',
    });
    await section.waitFor();
    assert.equal(await page.getByRole('region', { name: 'Wat gaat goed' }).count(), 0);
    assert.equal(await page.getByText(GOOD).count(), 0);
    assert.equal(
      await page.getByRole('button', { name: 'Rapportage definitief maken' }).count(),
      0,
    );
    await section.getByLabel(/^Bijdrage van /).fill(PARTNER_TEXT);
    await section.getByRole('button', { name: 'Tekst opslaan' }).click();
    await section.getByText('Opgeslagen.').waitFor();
    await assertAccessible(page, 'report page of a partner');
  });

  it('lets beleid finalise and download the PDF', async () => {
    const page = pages[2];
    await login(page, regie.baseUrl, BELEID, `/gemeenten/${tenant}/rapportage`);
    const partners = page.getByRole('region', {
      name: 'Ervaringen van netwerkpartners',
    });
    await partners.waitFor();
    assert.equal(await partners.getByLabel(/^Bijdrage van /).inputValue(), PARTNER_TEXT);
    await page.getByRole('button', { name: 'Rapportage definitief maken' }).click();
    await page.getByRole('button', { name: 'Ja, maak definitief' }).click();
    await page.getByText(/^Definitief sinds/).waitFor();
    // Frozen: no editors, no finalise button.
    assert.equal(await page.getByRole('button', { name: 'Tekst opslaan' }).count(), 0);
    await settled(page);
    await assertAccessible(page, 'final report');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    assert.match(download.suggestedFilename(), /^voortgangsrapportage-GM0523-\d{4}H[12]\.pdf$/);
    const bytes = await readFile(file);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const { stdout } = await run('pdftotext', ['-q', '-enc', 'UTF-8', file, '-']);
    const text = stdout.replace(/\s+/g, ' ');
    assert.match(text, /Definitief/);
    assert.ok(text.includes(GOOD), "the regisseur's text is in the PDF");
    assert.ok(text.includes(PARTNER_TEXT), "the partner's text is in the PDF");
  });

  it('ran without console errors or CSP refusals', () => {
    assert.deepEqual(problems.flat(), []);
  });
});
