// The personal plan in the browser: a regisseur follows a due plan action
// from the worklist to the household's plan (goals by person and life
// domain), edits a goal and saves a new version, compares two versions,
// and keeps the edits on screen when someone else saved in the meantime
// (409), offered to load the latest version. axe-core checks the pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { apiSession, demoUser, login } from './support/session.mjs';

const REGISSEUR = demoUser('regisseur');

describe('plan: goals, versions and concurrent edits', () => {
  let regie;
  let browser;
  let page;
  let api;
  let tenant;
  let action; // a due plan action of one of the regisseur's households
  const problems = [];

  const planUrl = () => `/api/v1/tenants/${tenant}/households/${action.household.id}/plan`;

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    const opened = await newPage(browser);
    page = opened.page;
    problems.push(opened.problems);
    api = await apiSession(regie.baseUrl, REGISSEUR);
    tenant = api.me.user.tenants[0].id;
    const response = await api.call('GET', `/api/v1/tenants/${tenant}/worklist`);
    assert.equal(response.status, 200);
    action = (await response.json()).items.find((i) => i.kind === 'action');
    assert.ok(action, 'the demo worklist of the regisseur has a due plan action');
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('opens the plan from the worklist and saves an edited goal as a new version', async () => {
    await login(page, regie.baseUrl, REGISSEUR);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Werklijst' }).click();
    await settled(page);
    await page.getByRole('link', { name: action.label }).first().click();
    await settled(page);
    assert.equal(
      await page.locator('h1').textContent(),
      `Plan van aanpak – ${action.household.name}`,
    );
    await page.locator(`[data-action="${action.id}"]`).first().waitFor();
    await assertAccessible(page, 'plan');

    // The printout: the link downloads the plan as a PDF.
    const print = page.getByRole('link', { name: 'Plan afdrukken (PDF)' });
    const href = await print.getAttribute('href');
    assert.equal(
      href,
      `${planUrl()}.pdf?version=${(await (await api.call('GET', planUrl())).json()).version}`,
    );
    const pdf = await page.evaluate(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        head: String.fromCharCode(...bytes.slice(0, 5)),
      };
    }, href);
    assert.deepEqual(pdf, {
      status: 200,
      type: 'application/pdf',
      head: '%PDF-',
    });
    const [download] = await Promise.all([page.waitForEvent('download'), print.click()]);
    assert.match(download.suggestedFilename(), /^plan-\d+-v\d+\.pdf$/);

    const before = await (await api.call('GET', planUrl())).json();
    await page.getByRole('button', { name: 'Plan bewerken' }).click();
    const text = page.getByLabel('Omschrijving', { exact: false }).first();
    await text.fill('Doel aangepast in de browser');
    await assertAccessible(page, 'plan editor');
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await page.getByText(`Het plan is opgeslagen als versie ${before.version + 1}.`).waitFor();
    await page.getByText('Doel aangepast in de browser').first().waitFor();

    await page.getByRole('button', { name: 'Vergelijken' }).click();
    await page.getByText('Doel gewijzigd').first().waitFor();
  });

  it('keeps the edits on a version conflict and offers the latest version', async () => {
    await page.getByRole('button', { name: 'Plan bewerken' }).click();
    const text = page.getByLabel('Omschrijving', { exact: false }).first();
    await text.fill('Mijn wijziging');
    // Someone else saves first, through the API.
    const current = await (await api.call('GET', planUrl())).json();
    const goals = current.goals.map(({ restricted, ...g }) => ({
      ...g,
      actions: g.actions.map(({ can_update, ...a }) => a),
    }));
    const saved = await api.call('PUT', planUrl(), {
      version: current.version,
      goals,
    });
    assert.equal(saved.status, 200);

    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await page
      .getByText(/Iemand anders heeft het plan intussen opgeslagen/)
      .first()
      .waitFor();
    assert.equal(await text.inputValue(), 'Mijn wijziging');
    await page.getByRole('button', { name: /Nieuwste versie laden/ }).click();
    await page.getByRole('button', { name: 'Plan bewerken' }).waitFor();
    await page.getByText(`Versie ${current.version + 1}, opgeslagen op`).waitFor();
    assert.deepEqual(problems.flat(), []);
  });
});
