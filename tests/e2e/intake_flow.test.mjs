// The broad intake in the browser, as a joint intake: the regisseur
// (gemeente) and the Vluchtelingenwerk begeleider fill the intake of an
// adult together, the regisseur gets a wrong value refused at its field,
// the begeleider adds the Dutch language levels and finalises; the
// language provider's partner, who has no health basis, reads the intake
// without its health parts. axe-core checks the section with its form.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { apiSession, demoUser, login } from './support/session.mjs';

const REGISSEUR = demoUser('regisseur');
const BEGELEIDER = demoUser('begeleider');
const PARTNER = demoUser('partner', 2); // language provider: inburgering, no health

/**
 * An adult of a household the regisseur directs and the begeleider is
 * assigned to, whose intake the partner may read without the health
 * category; its intake is reopened if the demo finalised it.
 */
async function findPerson(regisseur, begeleider, partner, tenant) {
  const adultBefore = new Date();
  adultBefore.setFullYear(adultBefore.getFullYear() - 19);
  const list = await begeleider.call('GET', `/api/v1/tenants/${tenant}/households?limit=100`);
  assert.equal(list.status, 200);
  for (const item of (await list.json()).items) {
    const detail = await regisseur.call('GET', `/api/v1/tenants/${tenant}/households/${item.id}`);
    if (detail.status !== 200) continue;
    const household = await detail.json();
    if (household.archived) continue;
    for (const p of household.persons) {
      if (!p.birth_date || new Date(p.birth_date) >= adultBefore) continue;
      const path = `/api/v1/tenants/${tenant}/persons/${p.id}/intake`;
      const seen = await partner.call('GET', path);
      if (seen.status !== 200) continue;
      if ((await seen.json()).access.visible_categories.includes('gezondheid')) continue;
      const intake = await (await regisseur.call('GET', path)).json();
      if (intake.status === 'afgerond') {
        const r = await regisseur.call('POST', `${path}/reopen`, {
          version: intake.version,
        });
        assert.equal(r.status, 200);
      }
      return p;
    }
  }
  return null;
}

describe('intake: a joint intake of the gemeente and Vluchtelingenwerk', () => {
  let regie;
  let browser;
  let tenant;
  let person;
  let url;
  let regisseurName;
  let begeleiderName;

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    const r = await apiSession(regie.baseUrl, REGISSEUR);
    const b = await apiSession(regie.baseUrl, BEGELEIDER);
    const p = await apiSession(regie.baseUrl, PARTNER);
    tenant = r.me.user.tenants[0].id;
    regisseurName = r.me.user.display_name;
    begeleiderName = b.me.user.display_name;
    person = await findPerson(r, b, p, tenant);
    assert.ok(person, 'a demo adult of the regisseur and begeleider, readable by the partner');
    url = `/gemeenten/${tenant}/personen/${person.id}`;
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('the regisseur records the joint intake; a wrong value is refused at its field', async () => {
    const { page } = await newPage(browser);
    await login(page, regie.baseUrl, REGISSEUR, url);
    await settled(page);
    const section = page.locator('section[aria-labelledby="brede-intake"]');
    await section.getByRole('heading', { level: 2, name: 'Brede intake' }).waitFor();
    await section.getByRole('checkbox', { name: new RegExp(regisseurName) }).check();
    await section.getByRole('checkbox', { name: new RegExp(begeleiderName) }).check();
    await section.locator('#veld-domains-wonen-situation').fill('Woont in een eengezinswoning.');
    await section.locator('#veld-health_notes').fill('Rugklachten, bekend bij de huisarts.');
    await section.locator('#veld-health_screening').selectOption('ja');
    await section.getByRole('button', { name: 'Toevoegen: NOA-assessment' }).click();
    const last = (await section.locator('[id^="veld-noa-"][id$="-component"]').count()) - 1;
    await section.locator(`#veld-noa-${last}-component`).selectOption('ptss');
    await section.locator(`#veld-noa-${last}-outcome`).fill('verhoogd');
    await section.locator('#veld-availability_dagdelen').fill('12');
    await section.getByRole('button', { name: 'Intake opslaan' }).click();
    const error = section.locator('#veld-availability_dagdelen-fout');
    await error.waitFor();
    assert.match(await error.innerText(), /bereik/);
    await assertAccessible(page, 'intake form with a field error');
    await section.locator('#veld-availability_dagdelen').fill('8');
    await section.getByRole('button', { name: 'Intake opslaan' }).click();
    await section.getByText('De intake is opgeslagen.').waitFor();
    assert.equal(await section.locator('#veld-availability_dagdelen').inputValue(), '8');
  });

  it('the begeleider adds the language levels and finalises', async () => {
    const { page } = await newPage(browser);
    await login(page, regie.baseUrl, BEGELEIDER, url);
    await settled(page);
    const section = page.locator('section[aria-labelledby="brede-intake"]');
    await section.getByRole('heading', { level: 2, name: 'Brede intake' }).waitFor();
    // Vluchtelingenwerk has no health basis here: the notes stay hidden.
    assert.equal(await section.getByText('Rugklachten').count(), 0);
    await section.getByText(/Niet zichtbaar voor u/).waitFor();
    await section
      .getByRole('button', {
        name: 'Toevoegen: Taalniveau Nederlands per vaardigheid',
      })
      .click();
    const last = (await section.locator('[id^="veld-languages-"][id$="-skill"]').count()) - 1;
    await section.locator(`#veld-languages-${last}-skill`).selectOption('spreken');
    await section.locator(`#veld-languages-${last}-level`).selectOption('A1');
    await section.locator(`#veld-languages-${last}-source`).fill('Intakegesprek');
    await section.getByRole('button', { name: 'Intake opslaan' }).click();
    await section.getByText('De intake is opgeslagen.').waitFor();
    await assertAccessible(page, 'intake section of the begeleider');
    await section.getByRole('button', { name: 'Intake afronden' }).click();
    await section.getByText('De intake is afgerond.').waitFor();
    await section.getByText(/U kunt deze intake lezen/).waitFor();
  });

  it('the partner without a health basis does not see the health parts', async () => {
    const { page } = await newPage(browser);
    await login(page, regie.baseUrl, PARTNER, url);
    await settled(page);
    const section = page.locator('section[aria-labelledby="brede-intake"]');
    await section.getByRole('heading', { level: 2, name: 'Brede intake' }).waitFor();
    await section.getByText(/Niet zichtbaar voor u/).waitFor();
    const text = await section.innerText();
    assert.doesNotMatch(text, /Rugklachten/);
    assert.doesNotMatch(text, /PTSS/);
    assert.doesNotMatch(text, /verhoogd/);
    assert.match(text, /medische gegevens/);
    assert.match(text, /A1/);
    await assertAccessible(page, 'intake read by a partner');
  });
});
