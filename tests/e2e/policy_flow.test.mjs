// The policy issue in the browser: a regisseur finds overdue milestones on
// the worklist, opens a person's timeline (grouped by the periods after
// housing), records the event that satisfies a milestone and sees its status
// change, gets a future date refused at the field, and records an event no
// pack knows (kept and shown as unknown). Beheer reads the packs and changes
// an activation; an activation that ends before it starts is refused at its
// row. axe-core checks every new page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { apiSession, demoUser, login } from './support/session.mjs';

const REGISSEUR = demoUser('regisseur');
const BEHEER = demoUser('beheer');
const UNKNOWN_EVENT = `e2e_onbekend_${Date.now().toString(36)}`;
const BAND_HEADINGS = [
  '0-3 maanden',
  '3-6 maanden',
  '6-15 maanden',
  'Na 15 maanden',
  'Zonder termijn',
  'Niet van toepassing',
];

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

/** The index of the activation row of `packId` in the editor. */
async function rowIndexOf(page, packId) {
  const rows = page.locator('.regie-activation-row');
  const count = await rows.count();
  for (let i = 0; i < count; i += 1)
    if ((await rows.nth(i).locator('select').inputValue()) === packId) return i;
  return -1;
}

/** dd-mm-jjjj of a Date. */
function uiDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()}`;
}

/**
 * An overdue milestone on the regisseur's worklist that one recorded event
 * (no value, no reason required) satisfies: the person, the milestone and
 * that event, found through the API as a user would find them in the UI.
 */
async function findTarget(api, tenant) {
  const get = async (path) => {
    const response = await api.call('GET', `/api/v1/tenants/${tenant}${path}`);
    assert.equal(response.status, 200, path);
    return response.json();
  };
  const worklist = await get('/worklist');
  assert.ok(worklist.items.length > 0, 'the demo worklist of the regisseur has overdue items');
  const packs = new Map();
  for (const item of worklist.items.filter((i) => i.kind === 'milestone')) {
    const timeline = await get(`/persons/${item.person.id}/milestones`);
    const milestone = timeline.milestones.find((m) => m.id === item.id && m.status === 'verlopen');
    if (!milestone) continue;
    if (!packs.has(milestone.pack.id))
      packs.set(milestone.pack.id, await get(`/policy/packs/${milestone.pack.id}`));
    const version = packs
      .get(milestone.pack.id)
      .versions.find((v) => v.version === milestone.pack.version);
    const rule = version?.milestones.find((m) => m.id === milestone.id);
    const event = version?.events.find(
      (e) =>
        rule?.satisfied_by.includes(e.id) &&
        e.kind === 'recorded' &&
        e.value === 'none' &&
        !e.requires_reason,
    );
    if (event) return { item, milestone, event, worklistSize: worklist.items.length };
  }
  return null;
}

describe('policy: timeline, events, worklist and packs', () => {
  let regie;
  let browser;
  let page;
  // Console errors and page errors of every browser context of this file.
  const problems = [];
  let tenant;
  let target;

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    const opened = await newPage(browser);
    page = opened.page;
    problems.push(opened.problems);
    const api = await apiSession(regie.baseUrl, REGISSEUR);
    tenant = api.me.user.tenants[0].id;
    target = await findTarget(api, tenant);
    assert.ok(target, 'the demo has an overdue milestone a plain recorded event satisfies');
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('shows the regisseur the overdue items of his households on the worklist', async () => {
    await login(page, regie.baseUrl, REGISSEUR);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Werklijst' }).click();
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), 'Werklijst');
    assert.equal(await page.title(), 'Werklijst - Regie');
    // "N verlopen op ..." when all are overdue, else "N op de werklijst op
    // ..., waarvan M verlopen".
    await page
      .getByText(new RegExp(`^${target.worklistSize} (verlopen|op de werklijst) op `))
      .waitFor();
    const rows = page.locator('table.regie-worklist tbody tr');
    assert.equal(await rows.count(), target.worklistSize);
    const row = page.locator(`tr[data-item="${target.item.id}"]`, {
      has: page.getByRole('link', { name: target.item.person.name, exact: true }),
    });
    assert.ok((await row.innerText()).includes(target.milestone.label.nl));
    assert.ok(Number(await row.locator('td').last().innerText()) > 0, 'days overdue');
    await assertAccessible(page, 'worklist');
  });

  it('opens the person and shows the milestones by period after housing', async () => {
    await page
      .locator(`tr[data-item="${target.item.id}"]`)
      .getByRole('link', { name: target.item.person.name, exact: true })
      .first()
      .click();
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), target.item.person.name);
    await page.getByRole('heading', { level: 2, name: 'Mijlpalen' }).waitFor();
    await page.locator('.regie-timeline table').first().waitFor();
    const headings = (await page.locator('.regie-timeline h3').allTextContents()).filter(
      (h) => h !== 'Terugkerende afspraken',
    );
    assert.ok(headings.length > 0);
    // The periods in timeline order, each at most once.
    const order = headings.map((h) => BAND_HEADINGS.indexOf(h));
    assert.ok(!order.includes(-1), headings.join());
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
    const badge = page.locator(`tr[data-milestone="${target.milestone.id}"] .regie-status-badge`);
    assert.equal(await badge.textContent(), 'Verlopen');
    await assertAccessible(page, 'person page with timeline');
  });

  it('refuses an event in the future at the date field', async () => {
    await page.getByRole('button', { name: 'Gebeurtenis vastleggen' }).click();
    await page.locator('#veld-event-event').selectOption(target.event.id);
    const future = new Date();
    future.setFullYear(future.getFullYear() + 1);
    await page.locator('#veld-event-date').fill(uiDate(future));
    await page
      .locator('.regie-events-section form')
      .getByRole('button', { name: 'Gebeurtenis vastleggen' })
      .click();
    await page.locator('#veld-event-date[aria-invalid="true"]').waitFor();
    // The server's own message, next to the field.
    assert.notEqual(await describedText(page.locator('#veld-event-date')), '');
    await page.locator('.regie-error-summary').waitFor();
    await assertAccessible(page, 'event form with errors');
  });

  it('records the event that satisfies the milestone, and the milestone changes status', async () => {
    await page.locator('#veld-event-date').fill(uiDate(new Date()));
    await page
      .locator('.regie-events-section form')
      .getByRole('button', { name: 'Gebeurtenis vastleggen' })
      .click();
    await page.getByText('De gebeurtenis is vastgelegd.').waitFor();
    await page
      .locator(`tr[data-milestone="${target.milestone.id}"] .regie-status-badge`, {
        hasText: 'Te laat behaald',
      })
      .waitFor();
    const recorded = page.locator(`.regie-events tr[data-event="${target.event.id}"]`, {
      hasText: uiDate(new Date()),
    });
    assert.ok((await recorded.first().innerText()).includes(target.event.label.nl));
    await assertAccessible(page, 'timeline after recording');
  });

  it('keeps an event no pack knows and shows it as unknown', async () => {
    await page.getByRole('button', { name: 'Gebeurtenis vastleggen' }).click();
    await page
      .locator('#veld-event-event')
      .selectOption({ label: 'Andere gebeurtenis (niet uit het beleid)' });
    await page.locator('#veld-event-event_other').fill(UNKNOWN_EVENT);
    await page.locator('#veld-event-reason').fill('Gemeld door de taalcoach');
    await page
      .locator('.regie-events-section form')
      .getByRole('button', { name: 'Gebeurtenis vastleggen' })
      .click();
    await page.getByText('De gebeurtenis is vastgelegd.').waitFor();
    const row = page.locator(`.regie-events tr[data-event="${UNKNOWN_EVENT}"]`);
    assert.match(await row.innerText(), /onbekend in beleid/);
    const notice = page.locator('.regie-unknown-events');
    await notice.waitFor();
    assert.match(await notice.innerText(), new RegExp(UNKNOWN_EVENT));
    await assertAccessible(page, 'unknown event');
  });

  it('voids the unknown event with a reason; it stays, struck through', async () => {
    await page
      .locator(`.regie-events tr[data-event="${UNKNOWN_EVENT}"]`)
      .getByRole('button', { name: /^Ongeldig maken/ })
      .click();
    await page.getByLabel(/^Reden/).fill('Verkeerde persoon');
    await page.getByRole('button', { name: 'Ja, ongeldig maken' }).click();
    await page.getByText('De gebeurtenis is ongeldig gemaakt.').waitFor();
    const row = page.locator(`.regie-events tr[data-event="${UNKNOWN_EVENT}"]`);
    assert.match(await row.innerText(), /Ongeldig gemaakt op \d{2}-\d{2}-\d{4}/);
    assert.match(await row.innerText(), /Reden: Verkeerde persoon/);
    assert.equal((await row.locator('.regie-struck').count()) > 0, true);
  });

  it('lets beheer read the packs and change an activation', async () => {
    const opened = await newPage(browser);
    page = opened.page;
    problems.push(opened.problems);
    await login(page, regie.baseUrl, BEHEER);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Beleidsregels' })
      .click();
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), 'Beleidsregels');
    const local = page.locator('tr[data-pack="hardinxveld-giessendam-2016"]');
    assert.match(await local.innerText(), /Gemeentelijk \(GM0523\)/);
    assert.match(await local.innerText(), /vanaf 01-01-1900/);
    assert.match(
      await page.locator('tr[data-pack="woerden-2017"]').innerText(),
      /Nee, niet voor deze gemeente/,
    );
    await assertAccessible(page, 'packs');

    await local.getByRole('link').first().click();
    await settled(page);
    assert.match(await page.locator('h1').textContent(), /^Hardinxveld-Giessendam/);
    await page.getByRole('heading', { level: 2, name: /^Versie 1/ }).waitFor();
    assert.ok((await page.locator('tr[data-milestone]').count()) > 0);
    await assertAccessible(page, 'pack detail');

    await page.getByRole('link', { name: 'Terug naar de beleidsregels' }).click();
    await settled(page);
    await page.getByRole('link', { name: 'Activeringen wijzigen' }).click();
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), 'Activeringen wijzigen');
    await assertAccessible(page, 'activation editor');
    const index = await rowIndexOf(page, 'hardinxveld-giessendam-2016');
    assert.ok(index >= 0);
    await page.locator(`#veld-activations-${index}-to`).fill('31-12-2030');
    await page.getByRole('button', { name: 'Activeringen opslaan' }).click();
    await page.getByText('De activeringen zijn opgeslagen.').waitFor();
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), 'Beleidsregels');
    assert.match(
      await page.locator('tr[data-pack="hardinxveld-giessendam-2016"]').innerText(),
      /01-01-1900 t\/m 31-12-2030/,
    );
  });

  it('refuses an activation that ends before it starts, at its row, and changes nothing', async () => {
    await page.getByRole('link', { name: 'Activeringen wijzigen' }).click();
    await settled(page);
    const rows = page.locator('.regie-activation-row');
    const count = await rows.count();
    const index = await rowIndexOf(page, 'hardinxveld-giessendam-2016');
    assert.ok(index >= 0);
    const to = page.locator(`#veld-activations-${index}-to`);
    await to.fill('01-01-1800');
    await page.getByRole('button', { name: 'Activeringen opslaan' }).click();
    await page.locator(`#veld-activations-${index}-to[aria-invalid="true"]`).waitFor();
    assert.ok((await describedText(to)).length > 0);
    // The message is in that row, and the summary names the row.
    assert.equal(await rows.nth(index).locator('.utrecht-form-field-error-message').count(), 1);
    for (let i = 0; i < count; i += 1)
      if (i !== index)
        assert.equal(await rows.nth(i).locator('.utrecht-form-field-error-message').count(), 0);
    await page
      .locator('.regie-error-summary a', { hasText: `Activering ${index + 1}, Tot en met:` })
      .waitFor();
    await assertAccessible(page, 'activation editor with a row error');

    // Nothing changed on the server.
    await page.goto(`${regie.baseUrl}/gemeenten/${tenant}/beleidsregels`);
    await settled(page);
    assert.match(
      await page.locator('tr[data-pack="hardinxveld-giessendam-2016"]').innerText(),
      /01-01-1900 t\/m 31-12-2030/,
    );
  });

  it('ran without console errors or CSP refusals', () => {
    assert.deepEqual(problems.flat(), []);
  });
});
