// The casework scenario of issue #4 as one story in the browser, on one new
// household: the regisseur (gemeente) and the Vluchtelingenwerk begeleider
// do a joint intake; the regisseur writes a plan with actions for both
// organisations and records a three-party talk; the volunteer files a
// health signal that is routed to the GGD, which picks it up and closes it
// (the volunteer sees the status, not the follow-up); the regisseur records
// the client's consent and refers her to the GGD with basis + gezondheid;
// the GGD accepts and sees exactly those categories of exactly that person;
// the regisseur withdraws the consent and the GGD's access is gone at once.
// Set-up through the API is only what precedes the story (the household,
// its assignments); every step of the story is done in the UI, and
// axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { apiSession, demoUser, login } from './support/session.mjs';

const REGISSEUR = demoUser('regisseur');
const BEGELEIDER = demoUser('begeleider'); // Vluchtelingenwerk
const VRIJWILLIGER = demoUser('vrijwilliger');
const GGD = demoUser('partner'); // GGD, regional
const SUFFIX = Date.now().toString(36);
const FAMILY = `Scenario ${SUFFIX}`;
const HEALTH_NOTE = `Slaapt slecht sinds de reis ${SUFFIX}`;
const SIGNAL = `Amina heeft veel hoofdpijn en slaapt slecht ${SUFFIX}`;
const FOLLOW_UP = `Huisbezoek GGD gedaan, afspraak huisarts gemaakt ${SUFFIX}`;
const LANGUAGE_SOURCE = `Taalgesprek bij de intake ${SUFFIX}`;
const REFERRAL = `Intake GGD na signaal van de vrijwilliger ${SUFFIX}`;

/** dd-mm-jjjj, `days` from today: how dates are typed in the UI. */
function uiDate(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
}

function person(given, role) {
  return {
    given_names: given,
    family_name: FAMILY,
    birth_date: role === 'hoofdpersoon' ? '1990-05-17' : '1987-11-02',
    sex: role === 'hoofdpersoon' ? 'vrouw' : 'man',
    nationality: 'ER',
    languages: ['ti'],
    permit_date: '2026-03-02',
    housing_date: '2026-06-15',
    address: {
      street: 'Rivierdijk',
      house_number: '41',
      postal_code: '3372 BA',
      city: 'Hardinxveld-Giessendam',
      wijk: 'Boven-Hardinxveld',
      kern: 'Hardinxveld',
    },
    role,
  };
}

describe('casework scenario: one household from intake to referral', () => {
  let regie;
  let browser;
  let tenant;
  let household;
  let amina;
  let users; // display names and organisations of the four actors
  const pages = {};
  const problems = [];

  const householdPath = () => `/gemeenten/${tenant}/huishoudens/${household.id}`;
  const aminaPath = () => `/gemeenten/${tenant}/personen/${amina.id}`;

  /** One browser page per actor, logged in once through the UI. */
  async function pageOf(username, path) {
    if (!pages[username]) {
      const opened = await newPage(browser);
      problems.push(opened.problems);
      pages[username] = opened.page;
      await login(opened.page, regie.baseUrl, username, path);
    } else {
      await pages[username].goto(`${regie.baseUrl}${path}`);
    }
    await settled(pages[username]);
    return pages[username];
  }

  before(async () => {
    regie = await startRegie();
    const regisseur = await apiSession(regie.baseUrl, REGISSEUR);
    const begeleider = await apiSession(regie.baseUrl, BEGELEIDER);
    const vrijwilliger = await apiSession(regie.baseUrl, VRIJWILLIGER);
    const ggd = await apiSession(regie.baseUrl, GGD);
    users = { regisseur, begeleider, vrijwilliger, ggd };
    tenant = regisseur.me.user.tenants[0].id;
    // Vluchtelingenwerk is involved; the GGD is not: all it will see comes
    // from the referral.
    const created = await regisseur.call('POST', `/api/v1/tenants/${tenant}/households`, {
      name: FAMILY,
      regisseur_user_id: regisseur.me.user.id,
      involved_organisations: [begeleider.me.user.organisation.id],
      persons: [person('Amina', 'hoofdpersoon'), person('Tesfay', 'partner')],
    });
    assert.equal(created.status, 201, await created.clone().text());
    household = await created.json();
    amina = household.persons.find((p) => p.given_names === 'Amina');
    const assigned = await regisseur.call(
      'PUT',
      `/api/v1/tenants/${tenant}/households/${household.id}/assignments`,
      { begeleiders: [begeleider.me.user.id], vrijwilligers: [vrijwilliger.me.user.id] },
    );
    assert.equal(assigned.status, 200, await assigned.clone().text());
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('the regisseur and the begeleider do the intake together', async () => {
    let page = await pageOf(REGISSEUR, aminaPath());
    let section = page.locator('section[aria-labelledby="brede-intake"]');
    await section.getByRole('heading', { level: 2, name: 'Brede intake' }).waitFor();
    const names = [users.regisseur, users.begeleider].map((u) => u.me.user.display_name);
    for (const name of names)
      await section.getByRole('checkbox', { name: new RegExp(name) }).check();
    await section.locator('#veld-domains-wonen-situation').fill('Net gehuisvest, woning op orde.');
    await section.locator('#veld-health_screening').selectOption('ja');
    await section.locator('#veld-health_notes').fill(HEALTH_NOTE);
    await section.getByRole('button', { name: 'Intake opslaan' }).click();
    await section.getByText('De intake is opgeslagen.').waitFor();
    await assertAccessible(page, 'intake by the regisseur');

    page = await pageOf(BEGELEIDER, aminaPath());
    section = page.locator('section[aria-labelledby="brede-intake"]');
    await section.getByRole('heading', { level: 2, name: 'Brede intake' }).waitFor();
    assert.equal(await section.getByText(HEALTH_NOTE).count(), 0); // no health basis
    await section
      .getByRole('button', { name: 'Toevoegen: Taalniveau Nederlands per vaardigheid' })
      .click();
    const last = (await section.locator('[id^="veld-languages-"][id$="-skill"]').count()) - 1;
    await section.locator(`#veld-languages-${last}-skill`).selectOption('spreken');
    await section.locator(`#veld-languages-${last}-level`).selectOption('A1');
    await section.locator(`#veld-languages-${last}-source`).fill(LANGUAGE_SOURCE);
    await section.getByRole('button', { name: 'Intake opslaan' }).click();
    await section.getByText('De intake is opgeslagen.').waitFor();
    await section.getByRole('button', { name: 'Intake afronden' }).click();
    await section.getByText('De intake is afgerond.').waitFor();

    const intake = await (
      await users.regisseur.call('GET', `/api/v1/tenants/${tenant}/persons/${amina.id}/intake`)
    ).json();
    assert.equal(intake.status, 'afgerond');
    assert.deepEqual(
      intake.participants.map((p) => p.user_id).sort(),
      [users.regisseur.me.user.id, users.begeleider.me.user.id].sort(),
    );
  });

  it('the regisseur writes a plan with actions for the gemeente and Vluchtelingenwerk', async () => {
    const page = await pageOf(REGISSEUR, `${householdPath()}/plan`);
    await page.getByText('Er is nog geen plan van aanpak.').waitFor();
    await page.getByRole('button', { name: 'Plan bewerken' }).click();
    await page.getByRole('button', { name: 'Doel toevoegen' }).click();
    await page.locator('[name="goals/0/person_id"]').selectOption(String(amina.id));
    await page.locator('[name="goals/0/domain"]').selectOption({ index: 1 });
    await page.locator('[name="goals/0/text"]').fill('Amina spreekt Nederlands op A2-niveau');
    await page.locator('[name="goals/0/target_date"]').fill(uiDate(300));
    const orgs = {
      gemeente: users.regisseur.me.user.organisation,
      vwn: users.begeleider.me.user.organisation,
    };
    const actions = [
      ['Aanmelden bij de taalaanbieder', orgs.gemeente, 30],
      ['Samen het leerplan (PIP) doornemen', orgs.vwn, 45],
    ];
    for (const [j, [text, org, days]] of actions.entries()) {
      await page.getByRole('button', { name: 'Actie toevoegen' }).click();
      await page.locator(`[name="goals/0/actions/${j}/text"]`).fill(text);
      await page
        .locator(`[name="goals/0/actions/${j}/organisation_id"]`)
        .selectOption(String(org.id));
      await page.locator(`[name="goals/0/actions/${j}/due_date"]`).fill(uiDate(days));
    }
    await assertAccessible(page, 'plan editor of a new plan');
    await page.getByRole('button', { name: 'Plan opslaan' }).click();
    await page.getByText('Het plan is opgeslagen als versie 1.').waitFor();
    // The saved plan is shown again once it has been read back.
    for (const [action] of actions) await page.getByText(action).first().waitFor();
    const text = await page.locator('main').innerText();
    for (const [action, org] of actions) {
      assert.match(text, new RegExp(action.replace(/[()]/g, '\\$&')));
      assert.match(text, new RegExp(org.name));
    }
    await assertAccessible(page, 'plan with two organisations');
    // The Vluchtelingenwerk action is the begeleider's work.
    const plan = await (
      await users.begeleider.call(
        'GET',
        `/api/v1/tenants/${tenant}/households/${household.id}/plan`,
      )
    ).json();
    const vwnAction = plan.goals[0].actions.find((a) => a.organisation_id === orgs.vwn.id);
    assert.ok(vwnAction?.can_update, 'the begeleider may report progress on her action');
  });

  it('the regisseur records a three-party talk', async () => {
    const page = await pageOf(REGISSEUR, householdPath());
    const contacts = page.getByRole('region', { name: /^Contactmomenten/ });
    await contacts.waitFor();
    await contacts.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
    await contacts.getByLabel(/^Datum/).fill(uiDate(0));
    await contacts.getByLabel(/^Soort contact/).selectOption('driegesprek');
    await contacts
      .getByLabel(/^Deelnemers/)
      .fill(`Amina ${FAMILY}, ${users.begeleider.me.user.display_name}`);
    await contacts.getByLabel(/^Notitie/).fill('Plan besproken en toegelicht met tolk.');
    await assertAccessible(page, 'contact form');
    await contacts.getByRole('button', { name: 'Contactmoment vastleggen' }).click();
    await page.getByText('Het contactmoment is vastgelegd.').waitFor();
    await contacts.locator('tbody tr', { hasText: 'Driegesprek' }).waitFor();
  });

  it('the volunteer files a health signal; the GGD picks it up and closes it', async () => {
    let page = await pageOf(VRIJWILLIGER, householdPath());
    let section = page.getByRole('region', { name: 'Signalen' });
    await section.waitFor();
    await section.getByRole('button', { name: 'Signaal indienen' }).click();
    await page.getByLabel(/^Onderwerp/).selectOption('gezondheid');
    await page.getByLabel(/^Urgentie/).selectOption('hoog');
    await page.getByLabel(/^Omschrijving/).fill(SIGNAL);
    await assertAccessible(page, 'signal form of the volunteer');
    await section.getByRole('button', { name: 'Signaal indienen' }).click();
    const routed = page.getByText('Het signaal is ingediend en doorgestuurd naar', {
      exact: false,
    });
    await routed.waitFor();
    assert.match(await routed.innerText(), new RegExp(users.ggd.me.user.organisation.name));

    page = await pageOf(GGD, `/gemeenten/${tenant}/signalen`);
    const row = () => page.locator('tbody tr', { hasText: SIGNAL });
    await row().waitFor();
    await assertAccessible(page, 'signals of the GGD');
    await row()
      .getByRole('button', { name: /^Oppakken/ })
      .click();
    await row().getByRole('button', { name: 'Oppakken' }).click();
    await page.getByText('Het signaal is bijgewerkt.').waitFor();
    await row().getByText('In behandeling').waitFor();
    await row()
      .getByRole('button', { name: /^Afhandelen/ })
      .click();
    await row()
      .getByLabel(/^Resultaat/)
      .fill(FOLLOW_UP);
    await row().getByRole('button', { name: 'Afhandelen' }).click();
    await row().waitFor({ state: 'detached' }); // the page lists open signals only

    // The reporter sees that it was dealt with, not how.
    page = await pageOf(VRIJWILLIGER, householdPath());
    section = page.getByRole('region', { name: 'Signalen' });
    const mine = section.locator('tbody tr', { hasText: SIGNAL });
    await mine.getByText('Afgehandeld').waitFor();
    assert.doesNotMatch(await section.innerText(), new RegExp(FOLLOW_UP));
  });

  it('the regisseur records consent and refers Amina to the GGD', async () => {
    const ggdOrg = users.ggd.me.user.organisation;
    let page = await pageOf(REGISSEUR, aminaPath());
    await page.getByRole('heading', { name: 'Gegevens delen' }).waitFor();
    await page.getByRole('button', { name: 'Grondslag toevoegen' }).click();
    await page.getByLabel(/^Organisatie/).selectOption(String(ggdOrg.id));
    const categories = page.getByRole('group', { name: /^Gegevenscategorieën/ });
    await categories.getByLabel('Basisgegevens').check();
    await categories.getByLabel(/^Gezondheid/).check();
    await page.getByLabel(/^Doel/).fill('Verwijzing naar de GGD');
    await page.getByLabel(/^Grondslag \(verplicht\)/).selectOption('toestemming');
    await page
      .getByLabel(/^Toestemming/)
      .fill('Toestemmingsformulier getekend in het driegesprek, met tolk Tigrinya');
    await page.getByRole('button', { name: 'Grondslag vastleggen' }).click();
    await page.getByText('De grondslag is vastgelegd.').waitFor();

    page = await pageOf(REGISSEUR, householdPath());
    const section = page.getByRole('region', { name: 'Verwijzingen' });
    await section.waitFor();
    await section.getByRole('button', { name: 'Verwijzen' }).click();
    const organisation = page.getByLabel(/^Naar organisatie/);
    await organisation.locator(`option[value="${ggdOrg.id}"]`).waitFor({ state: 'attached' });
    await organisation.selectOption(String(ggdOrg.id));
    await section.getByLabel(`Amina ${FAMILY}`).check();
    await section.getByLabel(/^Basisgegevens/).check();
    await section.getByLabel(/^Gezondheid/).check();
    assert.match(
      await section.locator('[data-coverage="gezondheid"]').innerText(),
      /gedekt door een grondslag/,
    );
    await page.getByLabel(/^Reden/).fill(REFERRAL);
    await assertAccessible(page, 'referral form');
    await section.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await page.getByText('De verwijzing naar', { exact: false }).waitFor();
    const row = section.locator('tbody tr', { hasText: `Amina ${FAMILY}` });
    assert.match(await row.innerText(), /Voorgesteld/);
  });

  it('the GGD accepts and sees exactly basis + gezondheid of Amina', async () => {
    const page = await pageOf(GGD, `/gemeenten/${tenant}/verwijzingen`);
    const row = page.locator('tbody tr', { hasText: FAMILY });
    await row.waitFor();
    await row.getByRole('button', { name: /^Accepteren/ }).click();
    await row.getByLabel(/^Toelichting/).fill('Intake ingepland');
    await row.getByRole('button', { name: 'Accepteren' }).click();
    await page.getByText('De verwijzing is bijgewerkt.').waitFor();

    await page.goto(`${regie.baseUrl}${householdPath()}`);
    await settled(page);
    const access = await page.getByRole('region', { name: 'Toegang' }).innerText();
    assert.match(access, /Basisgegevens, Gezondheid \(bijzonder persoonsgegeven\)/);
    assert.doesNotMatch(access, /Contactgegevens|Inburgering|Werk en inkomen|Financiën|Jeugd/);
    const persons = page.getByRole('region', { name: 'Personen' });
    await persons.getByText('Amina', { exact: false }).first().waitFor();
    assert.equal(await persons.getByText('Tesfay', { exact: false }).count(), 0);
    await assertAccessible(page, 'household page of the GGD');

    // Amina's page: the health part of the intake, nothing of the rest.
    await page.goto(`${regie.baseUrl}${aminaPath()}`);
    await settled(page);
    const intake = page.locator('section[aria-labelledby="brede-intake"]');
    await intake.getByText(HEALTH_NOTE).waitFor();
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /Rivierdijk|3372 BA/); // contact: not shared
    assert.doesNotMatch(text, new RegExp(LANGUAGE_SOURCE)); // language levels: inburgering
    assert.match(await intake.innerText(), /Niet zichtbaar voor u.*taalniveaus/);
    await assertAccessible(page, 'person page of the GGD');

    // The same through the API: only those categories, only Amina.
    const detail = await (
      await users.ggd.call('GET', `/api/v1/tenants/${tenant}/households/${household.id}`)
    ).json();
    assert.deepEqual(
      detail.persons.map((p) => p.id),
      [amina.id],
    );
    assert.deepEqual([...detail.persons[0].visible_categories].sort(), ['basis', 'gezondheid']);
  });

  it('withdrawing the consent ends the GGD’s access at once', async () => {
    const regisseur = await pageOf(REGISSEUR, aminaPath());
    const row = regisseur
      .locator('tbody tr', { hasText: users.ggd.me.user.organisation.name })
      .filter({ hasText: 'Gezondheid' });
    await row.getByRole('button', { name: /^Intrekken/ }).click();
    await regisseur.getByText('ziet de gegevens', { exact: false }).waitFor();
    await regisseur.getByRole('button', { name: 'Ja, intrekken' }).click();
    await regisseur.getByText('De grondslag is ingetrokken.').waitFor();

    const page = await pageOf(GGD, householdPath());
    await page.getByText('U bent niet betrokken bij dit huishouden').waitFor();
    assert.equal(await page.getByText(`Amina ${FAMILY}`).count(), 0);
    await assertAccessible(page, 'household page of the GGD after the withdrawal');
    const read = await users.ggd.call(
      'GET',
      `/api/v1/tenants/${tenant}/persons/${amina.id}/intake`,
    );
    assert.equal(read.status, 403);
  });

  it('ran without console errors or CSP refusals', () => {
    assert.deepEqual(problems.flat(), []);
  });
});
