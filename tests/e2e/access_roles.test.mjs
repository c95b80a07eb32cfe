// What each role sees: its own navigation, a partner only the categories a
// sharing basis gives its organisation (the regisseur records and withdraws
// that basis in the UI), break-the-glass with its warning banner, and the
// auditor finding all of it in the audit log and its CSV export.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { apiSession, demoUser, login, logout } from './support/session.mjs';

const REGISSEUR = demoUser('regisseur');
const PARTNER = demoUser('partner'); // GGD, regional
const AUDITOR = demoUser('auditor');
const REASON = `Acute zorgmelding e2e ${Date.now().toString(36)}`;

const ROLES = [
  {
    role: 'regisseur',
    nav: [
      'Huishoudens',
      'Werklijst',
      'Signalen',
      'Verwijzingen',
      'Overdrachten',
      'Dashboard',
      'Rapportage',
    ],
    h1: /^Huishoudens$/,
  },
  {
    role: 'begeleider',
    nav: ['Huishoudens', 'Werklijst', 'Signalen', 'Verwijzingen'],
    h1: /^Huishoudens$/,
  },
  {
    role: 'partner',
    nav: ['Huishoudens', 'Werklijst', 'Signalen', 'Verwijzingen', 'Rapportage'],
    h1: /^Huishoudens$/,
  },
  { role: 'vrijwilliger', nav: ['Huishoudens'], h1: /^Huishoudens$/ },
  {
    role: 'beleid',
    nav: ['Dashboard', 'Rapportage', 'Regionale vergelijking'],
    h1: /^Dashboard$/,
  },
  { role: 'beheer', nav: ['Gebruikers', "Regio's", 'Beleidsregels'], h1: /^Gebruikers$/ },
  { role: 'auditor', nav: ['Auditlog'], h1: /^Auditlog$/ },
];

/** The value next to a label on the person page ("Postcode" -> "7721 AB" or "afgeschermd..."). */
async function personValue(page, label) {
  const item = page.locator('.utrecht-data-list__item', {
    has: page.locator('.utrecht-data-list__item-key', {
      hasText: new RegExp(`^${label}$`),
    }),
  });
  return (await item.locator('.utrecht-data-list__item-value').innerText()).trim();
}

describe('roles and relationships', () => {
  let regie;
  let browser;
  const pages = [];
  let target; // a person the partner sees, but not their contact data
  let outside; // a household the partner has no relationship with
  let partnerPage;

  /** A page in a fresh browser context, logged in as `username`. */
  async function open(username, path) {
    const opened = await newPage(browser);
    pages.push(opened);
    if (username) await login(opened.page, regie.baseUrl, username, path);
    return opened.page;
  }

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    const partner = await apiSession(regie.baseUrl, PARTNER);
    const regisseur = await apiSession(regie.baseUrl, REGISSEUR);
    const tenant = regisseur.me.user.tenants[0].id;
    const list = async (api) =>
      (await (await api.call('GET', `/api/v1/tenants/${tenant}/households?limit=200`)).json())
        .items;
    const partnerHouseholds = await list(partner);
    for (const h of partnerHouseholds) {
      const household = await (
        await partner.call('GET', `/api/v1/tenants/${tenant}/households/${h.id}`)
      ).json();
      const person = household.persons.find(
        (p) => p.given_names && !p.visible_categories.includes('contact'),
      );
      if (person) {
        target = {
          tenant,
          household,
          person,
          organisation: partner.me.user.organisation,
        };
        break;
      }
    }
    assert.ok(target, 'the demo has a person the GGD partner sees without contact data');
    const all = await list(regisseur);
    const seen = new Set(partnerHouseholds.map((h) => h.id));
    outside = all.find((h) => !seen.has(h.id) && all.filter((x) => x.name === h.name).length === 1);
    assert.ok(outside, 'the demo has a household without the GGD');
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('gives each role its own navigation and start page', async () => {
    const page = await open(null);
    for (const { role, nav, h1 } of ROLES) {
      await login(page, regie.baseUrl, demoUser(role));
      assert.match(await page.locator('h1').textContent(), h1, role);
      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link');
      assert.deepEqual(await menu.allTextContents(), nav, role);
      await assertAccessible(page, `start of ${role}`);
      if (role === 'beleid') {
        // Aggregate figures only: the dashboard is the home of beleid.
        await page.getByRole('heading', { name: 'Indicatoren per thema' }).waitFor();
        // A page of another role is refused before the server is asked.
        await page.goto(`${regie.baseUrl}/gemeenten/${target.tenant}/huishoudens`);
        await settled(page);
        assert.equal(await page.locator('h1').textContent(), 'Geen toegang');
        await assertAccessible(page, 'no access');
      }
      await logout(page);
    }
  });

  it('shows a partner only the categories shared with their organisation', async () => {
    const page = await open(PARTNER);
    partnerPage = page;
    const row = page.locator('tbody tr', { hasText: target.household.name }).first();
    assert.match(await row.innerText(), /Partner/);
    // Where the household lives is not the partner's business: shielded.
    assert.match(await row.innerText(), /—/);
    await page.goto(`${regie.baseUrl}/gemeenten/${target.tenant}/personen/${target.person.id}`);
    await settled(page);
    assert.equal(await personValue(page, 'Voornamen'), target.person.given_names);
    assert.match(await personValue(page, 'Postcode'), /^afgeschermd/);
    assert.equal(await page.getByRole('heading', { name: 'Gegevens delen' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Gegevens bewerken' }).count(), 0);
    await assertAccessible(page, 'person page of a partner');
  });

  it('lets the regisseur share contact data with the partner, and withdraw it again', async () => {
    const path = `/gemeenten/${target.tenant}/personen/${target.person.id}`;
    const regisseur = await open(REGISSEUR, path);
    const partner = partnerPage;
    await regisseur.getByRole('heading', { name: 'Gegevens delen' }).waitFor();
    await regisseur.getByRole('button', { name: 'Grondslag toevoegen' }).click();
    const option = regisseur.locator('#veld-organisation_id option', {
      hasText: target.organisation.name,
    });
    await regisseur
      .getByLabel(/^Organisatie/)
      .selectOption(await option.first().getAttribute('value'));
    await regisseur
      .getByRole('group', { name: /^Gegevenscategorieën/ })
      .getByLabel('Contactgegevens')
      .check();
    await regisseur.getByLabel(/^Doel/).fill('Huisbezoek jeugdgezondheidszorg');
    await regisseur.getByLabel(/^Grondslag \(verplicht\)/).selectOption('toestemming');
    await regisseur.getByRole('button', { name: 'Grondslag vastleggen' }).click();
    // Consent needs its text: refused at the field before anything is sent.
    await regisseur.locator('#veld-consent_text[aria-invalid="true"]').waitFor();
    await assertAccessible(regisseur, 'sharing basis form with errors');
    await regisseur
      .getByLabel(/^Toestemming/)
      .fill('Toestemmingsformulier getekend op het intakegesprek');
    await regisseur.getByRole('button', { name: 'Grondslag vastleggen' }).click();
    await regisseur.getByText('De grondslag is vastgelegd.').waitFor();
    const row = regisseur
      .locator('tbody tr', { hasText: target.organisation.name })
      .filter({ hasText: 'Contactgegevens' });
    assert.match(await row.innerText(), /Actief/);
    await assertAccessible(regisseur, 'sharing bases');

    await partner.reload();
    await settled(partner);
    assert.doesNotMatch(await personValue(partner, 'Postcode'), /afgeschermd/);

    await row.getByRole('button', { name: /^Intrekken/ }).click();
    await regisseur.getByText('ziet de gegevens', { exact: false }).waitFor();
    await assertAccessible(regisseur, 'withdraw confirmation');
    await regisseur.getByRole('button', { name: 'Ja, intrekken' }).click();
    await regisseur.getByText('De grondslag is ingetrokken.').waitFor();

    await partner.reload();
    await settled(partner);
    assert.match(await personValue(partner, 'Postcode'), /^afgeschermd/);
  });

  it('opens a household outside the partner’s relationships with break-the-glass', async () => {
    const page = partnerPage;
    await page.goto(`${regie.baseUrl}/gemeenten/${target.tenant}/huishoudens/${outside.id}`);
    await settled(page);
    await page.getByText('U bent niet betrokken bij dit huishouden').waitFor();
    await page.goto(`${regie.baseUrl}/gemeenten/${target.tenant}/huishoudens`);
    await settled(page);
    await page.getByRole('link', { name: 'Zoeken buiten mijn huishoudens' }).click();
    await settled(page);
    await assertAccessible(page, 'search outside my households');
    await page.getByLabel(/^Naam van het huishouden/).fill(outside.name);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('link', { name: `Noodtoegang openen ${outside.name}` }).click();
    await settled(page);
    assert.equal(await page.locator('h1').textContent(), 'Noodtoegang openen');
    assert.match(await page.locator('main').innerText(), /privacyfunctionaris/);
    await page.getByRole('button', { name: 'Noodtoegang openen' }).click();
    await page.locator('#veld-reason[aria-invalid="true"]').waitFor();
    await assertAccessible(page, 'break-the-glass form');
    await page.getByLabel(/^Reden/).fill(REASON);
    await page.getByRole('button', { name: 'Noodtoegang openen' }).click();
    await page.locator('h1', { hasText: outside.name }).waitFor();
    await settled(page);
    const banner = page.locator('.regie-break-glass-banner');
    assert.match(
      await banner.innerText(),
      /U bekijkt dit dossier met noodtoegang tot \d{2}-\d{2}-\d{4} \d{2}:\d{2}/,
    );
    assert.match(await page.locator('.regie-access').innerText(), /Noodtoegang/);
    await assertAccessible(page, 'household under break-the-glass');
    // The banner stays on every page of the household, also after a reload.
    await page.reload();
    await settled(page);
    await banner.waitFor();
  });

  it('shows the auditor this run’s actions, break-the-glass highlighted, also in the CSV', async () => {
    const page = await open(AUDITOR);
    assert.equal(await page.locator('h1').textContent(), 'Auditlog');
    const flagged = page.locator('tr.regie-row-break-glass', {
      hasText: REASON,
    });
    await flagged.first().waitFor();
    assert.match(await flagged.first().innerText(), /noodtoegang/);
    await assertAccessible(page, 'audit log');

    // The regisseur's withdrawal of the sharing basis is in the log too.
    await page.locator('tbody tr', { hasText: 'Ingetrokken' }).first().waitFor();

    await page.getByLabel(/^Actie/).selectOption('break_glass');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/action=break_glass/);
    await settled(page);
    const actions = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    assert.ok(actions.length > 0, 'the opening is logged');
    assert.ok(
      actions.every((a) => a.startsWith('Noodtoegang geopend')),
      actions.join(),
    );
    assert.match(await page.locator('tbody').innerText(), new RegExp(`Reden: ${REASON}`));

    const href = await page.getByRole('link', { name: 'Exporteer CSV' }).getAttribute('href');
    assert.match(href, /audit\.csv\?action=break_glass$/);
    const csv = await page.evaluate(async (url) => {
      const all = await fetch(url);
      return {
        status: all.status,
        type: all.headers.get('Content-Type'),
        text: await all.text(),
      };
    }, href);
    assert.equal(csv.status, 200);
    assert.match(csv.type, /text\/csv/);
    assert.ok(csv.text.includes(REASON), 'the CSV holds the break-the-glass reason');
  });

  it('ran without console errors or CSP refusals', () => {
    for (const { problems } of pages) assert.deepEqual(problems, []);
  });
});
