// Referrals in the browser: the regisseur refers a person of a household to
// the GGD with a package of basis + gezondheid under her consent (the form
// shows both categories covered); the GGD partner accepts on its
// Verwijzingen page and then sees exactly those categories of that person
// and nothing else; the consent is withdrawn and the GGD loses that access
// with its next request. axe-core checks every page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { apiSession, demoUser, login } from './support/session.mjs';

const REGISSEUR = demoUser('regisseur');
const PARTNER = demoUser('partner'); // GGD, regional
const SUFFIX = Date.now().toString(36);
const HOUSEHOLD = `Verwijzing ${SUFFIX}`;
const REASON = `Klachten sinds de verhuizing, intake GGD ${SUFFIX}`;

function person(given, family) {
  return {
    given_names: given,
    family_name: family,
    birth_date: '1988-03-04',
    sex: 'vrouw',
    nationality: 'SY',
    languages: ['ar'],
    permit_date: '2025-01-10',
    housing_date: '2025-04-01',
    address: {
      street: 'Dorpsstraat',
      house_number: '12',
      postal_code: '3371 AB',
      city: 'Hardinxveld-Giessendam',
      wijk: 'Centrum',
      kern: 'Giessendam',
    },
    role: 'hoofdpersoon',
  };
}

describe('referral journey', () => {
  let regie;
  let browser;
  let regisseurPage;
  let partnerPage;
  let problems;
  let api;
  let tenant;
  let household;
  let consent;
  let ggd;

  before(async () => {
    regie = await startRegie();
    api = await apiSession(regie.baseUrl, REGISSEUR);
    const partner = await apiSession(regie.baseUrl, PARTNER);
    tenant = api.me.user.tenants[0].id;
    ggd = partner.me.user.organisation;
    // A household the GGD is not involved in: all it sees comes from the referral.
    const created = await api.call('POST', `/api/v1/tenants/${tenant}/households`, {
      name: HOUSEHOLD,
      persons: [person('Amina', HOUSEHOLD), { ...person('Omar', HOUSEHOLD), role: 'partner' }],
    });
    assert.equal(created.status, 201, await created.clone().text());
    household = await created.json();
    // Her consent: basis and gezondheid for the GGD.
    const basis = await api.call(
      'POST',
      `/api/v1/tenants/${tenant}/persons/${household.persons[0].id}/sharing-bases`,
      {
        organisation_id: ggd.id,
        categories: ['basis', 'gezondheid'],
        purpose: 'Verwijzing naar de GGD',
        legal_basis: 'toestemming',
        given: '2024-01-01',
        expires: null,
        consent_text: 'Toestemmingsformulier getekend bij de regisseur',
      },
    );
    assert.equal(basis.status, 201, await basis.clone().text());
    consent = await basis.json();
    browser = await launchBrowser();
    const first = await newPage(browser);
    const second = await newPage(browser);
    regisseurPage = first.page;
    partnerPage = second.page;
    problems = [first.problems, second.problems];
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('lets the regisseur refer to the GGD with a covered package', async () => {
    const page = regisseurPage;
    await login(page, regie.baseUrl, REGISSEUR, `/gemeenten/${tenant}/huishoudens/${household.id}`);
    const section = page.getByRole('region', { name: 'Verwijzingen' });
    await section.waitFor();
    await section.getByRole('button', { name: 'Verwijzen' }).click();
    const organisation = page.getByLabel(/^Naar organisatie/);
    await organisation.locator(`option[value="${ggd.id}"]`).waitFor({ state: 'attached' });
    await organisation.selectOption(String(ggd.id));
    await section.getByLabel(`Amina ${HOUSEHOLD}`).check();
    await section.getByLabel(/^Basisgegevens/).check();
    await section.getByLabel(/^Gezondheid/).check();
    assert.match(
      await section.locator('[data-coverage="gezondheid"]').innerText(),
      /gedekt door een grondslag/,
    );
    assert.match(
      await section.locator('[data-coverage="contact"]').innerText(),
      /geen grondslag voor Amina/,
    );
    await page.getByLabel(/^Reden/).fill(REASON);
    await assertAccessible(page, 'referral form');
    await section.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await page.getByText('De verwijzing naar', { exact: false }).waitFor();
    const row = section.locator('tbody tr', { hasText: `Amina ${HOUSEHOLD}` });
    await row.waitFor();
    assert.match(await row.innerText(), /Voorgesteld/);
    assert.match(await row.innerText(), /Basisgegevens, Gezondheid/);
    await assertAccessible(page, 'household page with referrals');
  });

  it('lets the GGD accept and see exactly the package of the named person', async () => {
    const page = partnerPage;
    await login(page, regie.baseUrl, PARTNER, `/gemeenten/${tenant}/verwijzingen`);
    assert.equal(await page.locator('h1').textContent(), 'Verwijzingen');
    const row = page.locator('tbody tr', { hasText: HOUSEHOLD });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(REASON));
    await assertAccessible(page, 'referrals page');
    await row.getByRole('button', { name: /^Accepteren/ }).click();
    await row.getByLabel(/^Toelichting/).fill('Intake gepland');
    await row.getByRole('button', { name: 'Accepteren' }).click();
    await page.getByText('De verwijzing is bijgewerkt.').waitFor();
    // Open lists still show it, now accepted.
    await page.locator('tbody tr', { hasText: HOUSEHOLD }).getByText('Geaccepteerd').waitFor();

    await page.locator('tbody tr', { hasText: HOUSEHOLD }).getByRole('link').first().click();
    await settled(page);
    const access = page.getByRole('region', { name: 'Toegang' });
    await access.waitFor();
    const text = await access.innerText();
    assert.match(text, /Ontvanger van een verwijzing/);
    assert.match(text, /Basisgegevens, Gezondheid \(bijzonder persoonsgegeven\)/);
    assert.doesNotMatch(text, /Contactgegevens|Inburgering|Werk en inkomen|Financiën|Jeugd/);
    // Only Amina is named: Omar is not shown at all.
    const persons = page.getByRole('region', { name: 'Personen' });
    await persons.getByText(`Amina`, { exact: false }).first().waitFor();
    assert.equal(await persons.getByText('Omar', { exact: false }).count(), 0);
    await assertAccessible(page, 'household page of the receiving GGD');
  });

  it('takes the access away the moment the consent is withdrawn', async () => {
    const withdrawn = await api.call(
      'POST',
      `/api/v1/tenants/${tenant}/sharing-bases/${consent.id}/withdraw`,
      {},
    );
    assert.equal(withdrawn.status, 200);
    const page = partnerPage;
    await page.reload();
    await settled(page);
    await page.getByText('U bent niet betrokken bij dit huishouden').waitFor();
    assert.equal(await page.getByRole('region', { name: 'Toegang' }).count(), 0);
    assert.equal(await page.getByText(`Amina ${HOUSEHOLD}`).count(), 0);
    await assertAccessible(page, 'household page after the consent was withdrawn');
  });

  it('ran without console errors or CSP refusals', () => {
    assert.deepEqual(problems.flat(), []);
  });
});
