// A new colleague from start to first login: beheer creates the user and
// gets an enrolment link; the user sets a password (the policy refuses weak
// ones at the field), scans the QR code (here: reads the secret), keeps the
// recovery codes, confirms with a code and logs in, also with a recovery
// code. A new enrolment link stops the old password at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible } from './support/axe.mjs';
import { launchBrowser, newPage, settled } from './support/browser.mjs';
import { startRegie } from './support/server.mjs';
import { demoUser, login, loginInPage, logout, passwordStep } from './support/session.mjs';
import { base32Decode, freshCode } from './support/totp.mjs';

const BEHEER = demoUser('beheer');
const SUFFIX = Date.now().toString(36);
const USERNAME = `e2e.regisseur.${SUFFIX}`;
const NAME = `Eva Tweede ${SUFFIX}`;
const PASSWORD = 'een lange zin als wachtwoord voor de test';

/** The text of the elements an input's aria-describedby points to. */
function describedText(locator) {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

describe('users and enrolment', () => {
  let regie;
  let browser;
  const opened = [];
  let admin;
  let newcomer;
  let link;
  let secret;
  let recoveryCodes;

  before(async () => {
    regie = await startRegie();
    browser = await launchBrowser();
    for (let i = 0; i < 2; i += 1) opened.push(await newPage(browser));
    [admin, newcomer] = opened.map((o) => o.page);
  });

  after(async () => {
    await browser?.close();
    await regie?.stop();
  });

  it('lets beheer create a user and shows the enrolment link to pass on', async () => {
    await login(admin, regie.baseUrl, BEHEER);
    assert.equal(await admin.locator('h1').textContent(), 'Gebruikers');
    assert.ok((await admin.locator('tbody tr').count()) > 5);
    await assertAccessible(admin, 'user list');
    await admin.getByRole('link', { name: 'Nieuwe gebruiker' }).click();
    await settled(admin);
    await assertAccessible(admin, 'new user form');
    await admin.getByLabel(/^Gebruikersnaam/).fill(USERNAME);
    await admin.getByLabel(/^Naam/).fill(NAME);
    await admin.getByLabel(/^E-mailadres/).fill(`${SUFFIX}@example.org`);
    const gemeente = admin.locator('#veld-organisation_id option', { hasText: 'Gemeente' });
    await admin
      .getByLabel(/^Organisatie/)
      .selectOption(await gemeente.first().getAttribute('value'));
    await admin.getByRole('checkbox', { name: /^Regisseur/ }).check();
    await admin.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await admin.locator('h2', { hasText: `Inschrijflink voor ${NAME}` }).waitFor();
    link = await admin.getByRole('textbox', { name: 'Inschrijflink' }).inputValue();
    assert.match(link, new RegExp(`^${regie.baseUrl}/inschrijven/[A-Za-z0-9_-]+$`));
    await assertAccessible(admin, 'enrolment link');
  });

  it('lets the new user choose a password, refusing weak ones at the field', async () => {
    await newcomer.goto(link);
    await settled(newcomer);
    assert.equal(await newcomer.locator('h1').textContent(), 'Account instellen');
    assert.match(
      await newcomer.locator('main').innerText(),
      new RegExp(`Deze link is voor ${NAME}`),
    );
    await assertAccessible(newcomer, 'enrolment page');

    const password = newcomer.getByLabel(/^Nieuw wachtwoord/);
    await password.fill('kort');
    await newcomer.getByLabel(/^Herhaal het wachtwoord/).fill('anders');
    await newcomer.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await newcomer.locator('.regie-error-summary').waitFor();
    assert.match(await describedText(password), /minstens 12 tekens/);
    await assertAccessible(newcomer, 'enrolment password errors');

    // Long enough and equal, but it contains the username: the server's policy refuses it.
    const weak = `${USERNAME}-geheim`;
    await password.fill(weak);
    await newcomer.getByLabel(/^Herhaal het wachtwoord/).fill(weak);
    await newcomer.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await newcomer.locator('#veld-password[aria-invalid="true"]').waitFor();
    await newcomer.waitForFunction(() =>
      document.querySelector('#veld-password-fout')?.textContent?.match(/gebruikersnaam/i),
    );

    await password.fill(PASSWORD);
    await newcomer.getByLabel(/^Herhaal het wachtwoord/).fill(PASSWORD);
    await newcomer.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await newcomer.locator('h1', { hasText: 'Tweestapsverificatie instellen' }).waitFor();
  });

  it('shows the QR code as an image, the secret in groups and ten recovery codes', async () => {
    const qr = newcomer.getByRole('img', { name: /QR-code/ });
    assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;base64,/);
    // The image really renders under the page's CSP.
    await newcomer.waitForFunction(() => document.querySelector('img.regie-qr')?.naturalWidth > 0);
    const grouped = (await newcomer.locator('.regie-secret').textContent()).trim();
    assert.match(grouped, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    secret = base32Decode(grouped);
    recoveryCodes = await newcomer.locator('.regie-recovery-codes li').allTextContents();
    assert.equal(recoveryCodes.length, 10);
    await assertAccessible(newcomer, 'TOTP setup');
  });

  it('confirms the setup with a code from the app, then logs in', async () => {
    await newcomer.getByLabel(/^Code/).fill('000000');
    await newcomer.getByRole('button', { name: 'Bevestigen' }).click();
    await newcomer.locator('#veld-code[aria-invalid="true"]').waitFor();
    await newcomer.getByLabel(/^Code/).fill(await freshCode(USERNAME, secret));
    await newcomer.getByRole('button', { name: 'Bevestigen' }).click();
    await newcomer.locator('h1', { hasText: 'Uw account is klaar' }).waitFor();
    await assertAccessible(newcomer, 'enrolment done');
    await newcomer.getByRole('link', { name: 'Ga naar inloggen' }).click();
    await loginInPage(newcomer, USERNAME, { password: PASSWORD, secret });
    assert.equal(await newcomer.locator('h1').textContent(), 'Huishoudens');
    assert.match(await newcomer.locator('header').innerText(), new RegExp(NAME));
    // The link worked once.
    const again = await newcomer.evaluate(
      (path) => fetch(`/api/v1/auth/enrol/${path.split('/').pop()}`).then((r) => r.status),
      link,
    );
    assert.equal(again, 404);
  });

  it('logs in with a recovery code instead of the app, once per code', async () => {
    await logout(newcomer);
    await passwordStep(newcomer, USERNAME, PASSWORD);
    await newcomer.getByRole('button', { name: 'Herstelcode gebruiken' }).click();
    await newcomer.getByLabel(/^Herstelcode/).fill(recoveryCodes[0]);
    await newcomer.getByRole('button', { name: 'Controleren en inloggen' }).click();
    await newcomer.locator('h1', { hasText: 'Huishoudens' }).waitFor();
    await logout(newcomer);
    await passwordStep(newcomer, USERNAME, PASSWORD);
    await newcomer.getByRole('button', { name: 'Herstelcode gebruiken' }).click();
    await newcomer.getByLabel(/^Herstelcode/).fill(recoveryCodes[0]);
    await newcomer.getByRole('button', { name: 'Controleren en inloggen' }).click();
    await newcomer.getByText('Deze code klopt niet of is al gebruikt.', { exact: false }).waitFor();
  });

  it('gives a new enrolment link on request, which stops the old password', async () => {
    await admin.getByRole('link', { name: 'Terug naar gebruikers' }).click();
    await settled(admin);
    await admin.getByRole('link', { name: `Bewerken ${NAME}` }).click();
    await settled(admin);
    assert.equal(await admin.locator('h1').textContent(), `${NAME} bewerken`);
    await assertAccessible(admin, 'edit user');
    await admin.getByRole('button', { name: 'Nieuwe inschrijflink maken' }).click();
    await admin.getByText('werken dan direct niet meer', { exact: false }).waitFor();
    await admin.getByRole('button', { name: 'Ja, nieuwe link maken' }).click();
    await admin.locator('h2', { hasText: `Inschrijflink voor ${NAME}` }).waitFor();
    assert.notEqual(await admin.getByRole('textbox', { name: 'Inschrijflink' }).inputValue(), link);

    await newcomer.getByRole('button', { name: 'Opnieuw beginnen met inloggen' }).click();
    await passwordStep(newcomer, USERNAME, PASSWORD);
    await newcomer.getByText('Inloggen is niet gelukt', { exact: false }).waitFor();
  });

  it('ran without console errors or CSP refusals', () => {
    for (const { problems } of opened) assert.deepEqual(problems, []);
  });
});
