import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../App';
import { fakeApi, json, problem } from '../../test/fakeApi';
import type { Answer, Call } from '../../test/fakeApi';
import { makeMe } from '../../test/fixtures';
import { renderWithI18n } from '../../test/render';

type Routes = Record<string, (call: Call) => Answer>;

function anonymousApi(routes: Routes) {
  return fakeApi({
    'GET /api/v1/auth/me': () => problem(401, { code: 'not_authenticated' }),
    'GET /api/v1/tenants/1/households': () => json({ items: [], next: null }),
    'GET /api/v1/tenants/1/households/3': () => problem(404, { code: 'household_not_found' }),
    ...routes,
  });
}

function type(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function passwordStep() {
  await screen.findByRole('heading', { level: 1, name: 'Inloggen' });
  type('Gebruikersnaam', 'r.devries');
  type('Wachtwoord', 'een lang wachtwoord');
  fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
}

describe('login', () => {
  it('sends a visitor to the login page, keeping the page they wanted', async () => {
    anonymousApi({});
    window.history.replaceState(null, '', '/gemeenten/1/huishoudens/3?x=1');
    renderWithI18n(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(window.location.pathname).toBe('/inloggen');
    expect(new URLSearchParams(window.location.search).get('volgende')).toBe(
      '/gemeenten/1/huishoudens/3?x=1',
    );
    // Not an expired session: no notice, and no menu.
    expect(screen.queryByText(/Uw sessie is verlopen/)).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Hoofdmenu' })).toBeNull();
  });

  it('signs in with password and code, then opens the page the user wanted', async () => {
    const calls = anonymousApi({
      'POST /api/v1/auth/login': () => json({ stage: 'totp', csrf_token: 'half-csrf' }),
      'POST /api/v1/auth/totp': ({ body }) =>
        (body as { code: string }).code === '654321'
          ? json(makeMe(['regisseur']))
          : problem(401, { code: 'totp_invalid' }),
    });
    window.history.replaceState(null, '', '/inloggen?volgende=%2Fgemeenten%2F1%2Fhuishoudens');
    renderWithI18n(<App />);
    await passwordStep();

    const heading = await screen.findByRole('heading', { level: 1, name: 'Tweestapsverificatie' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(calls.find((c) => c.url.pathname === '/api/v1/auth/login')!.body).toEqual({
      username: 'r.devries',
      password: 'een lang wachtwoord',
    });

    // A code that is not 6 digits is refused here, without spending an attempt.
    type(/^Code/, '12345');
    fireEvent.click(screen.getByRole('button', { name: 'Controleren en inloggen' }));
    expect(
      await screen.findByRole('link', { name: 'Code: Vul de 6 cijfers van de code in.' }),
    ).toBeTruthy();
    expect(calls.filter((c) => c.url.pathname === '/api/v1/auth/totp')).toHaveLength(0);

    type(/^Code/, '111 111');
    fireEvent.click(screen.getByRole('button', { name: 'Controleren en inloggen' }));
    expect(await screen.findByText(/Deze code klopt niet of is al gebruikt/)).toBeTruthy();
    expect((screen.getByLabelText(/^Code/) as HTMLInputElement).value).toBe('');

    type(/^Code/, '654321');
    fireEvent.click(screen.getByRole('button', { name: 'Controleren en inloggen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Huishoudens' })).toBeTruthy();
    expect(window.location.pathname).toBe('/gemeenten/1/huishoudens');
    const totp = calls.filter((c) => c.url.pathname === '/api/v1/auth/totp');
    expect(totp.map((c) => c.body)).toEqual([{ code: '111111' }, { code: '654321' }]);
    // The half session's token goes with the second step.
    expect(totp[0]!.headers['X-CSRF-Token']).toBe('half-csrf');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })),
    );
  });

  it('accepts a recovery code instead', async () => {
    const calls = anonymousApi({
      'POST /api/v1/auth/login': () => json({ stage: 'totp', csrf_token: 'half' }),
      'POST /api/v1/auth/totp': () => json(makeMe(['auditor'])),
      'GET /api/v1/tenants/1/audit': () => json({ items: [], next: null }),
      'GET /api/v1/tenants/1/users': () => json({ items: [] }),
    });
    window.history.replaceState(null, '', '/inloggen');
    renderWithI18n(<App />);
    await passwordStep();
    await screen.findByRole('heading', { level: 1, name: 'Tweestapsverificatie' });
    fireEvent.click(screen.getByRole('button', { name: 'Herstelcode gebruiken' }));
    const field = screen.getByLabelText(/^Herstelcode/);
    await waitFor(() => expect(document.activeElement).toBe(field));
    type(/^Herstelcode/, ' ABCD-EFGH-IJKL ');
    fireEvent.click(screen.getByRole('button', { name: 'Controleren en inloggen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Auditlog' })).toBeTruthy();
    expect(calls.find((c) => c.url.pathname === '/api/v1/auth/totp')!.body).toEqual({
      recovery_code: 'abcd-efgh-ijkl',
    });
  });

  it('says the same for every failed login and empties the password', async () => {
    anonymousApi({
      'POST /api/v1/auth/login': () =>
        problem(401, { code: 'login_failed', message_nl: 'Gebruiker bestaat niet' }),
    });
    window.history.replaceState(null, '', '/inloggen');
    renderWithI18n(<App />);
    await passwordStep();
    expect(
      await screen.findByText(/Inloggen is niet gelukt\. Controleer uw gebruikersnaam/),
    ).toBeTruthy();
    expect(screen.queryByText('Gebruiker bestaat niet')).toBeNull();
    expect((screen.getByLabelText('Wachtwoord') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Gebruikersnaam') as HTMLInputElement).value).toBe('r.devries');
    await waitFor(() =>
      expect(document.activeElement?.classList.contains('regie-focus-target')).toBe(true),
    );
  });

  it('shows how long to wait after too many attempts', async () => {
    anonymousApi({
      'POST /api/v1/auth/login': () =>
        problem(429, { code: 'too_many_attempts' }, { 'Retry-After': '125' }),
    });
    window.history.replaceState(null, '', '/inloggen');
    renderWithI18n(<App />);
    await passwordStep();
    expect(
      await screen.findByText(
        'Er is te vaak geprobeerd in te loggen. Probeer het over 2 minuten en 5 seconden opnieuw.',
      ),
    ).toBeTruthy();
  });

  it('asks for both fields before sending', async () => {
    const calls = anonymousApi({});
    window.history.replaceState(null, '', '/inloggen');
    renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Inloggen' });
    fireEvent.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(
      await screen.findByRole('link', { name: 'Gebruikersnaam: Vul uw gebruikersnaam in.' }),
    ).toBeTruthy();
    expect(screen.getByLabelText('Wachtwoord').getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.url.pathname === '/api/v1/auth/login')).toBe(false);
  });

  it('starts again when the half-finished session ran out', async () => {
    anonymousApi({
      'POST /api/v1/auth/login': () => json({ stage: 'totp', csrf_token: 'half' }),
      'POST /api/v1/auth/totp': () => problem(401, { code: 'not_authenticated' }),
    });
    window.history.replaceState(null, '', '/inloggen');
    renderWithI18n(<App />);
    await passwordStep();
    await screen.findByRole('heading', { level: 1, name: 'Tweestapsverificatie' });
    type(/^Code/, '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Controleren en inloggen' }));
    expect(await screen.findByText('Het inloggen duurde te lang. Log opnieuw in.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
  });

  it('does not follow a next page outside the app', async () => {
    anonymousApi({
      'POST /api/v1/auth/login': () => json({ stage: 'totp', csrf_token: 'half' }),
      'POST /api/v1/auth/totp': () => json(makeMe(['regisseur'])),
    });
    window.history.replaceState(null, '', '/inloggen?volgende=%2F%2Fevil.example%2Fx');
    renderWithI18n(<App />);
    await passwordStep();
    await screen.findByRole('heading', { level: 1, name: 'Tweestapsverificatie' });
    type(/^Code/, '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Controleren en inloggen' }));
    await screen.findByRole('heading', { level: 1, name: 'Huishoudens' });
    expect(window.location.pathname).toBe('/gemeenten/1/huishoudens');
  });
});

describe('single sign-on on the login page', () => {
  it('offers a link per configured provider, in the chosen language', async () => {
    anonymousApi({
      'GET /api/v1/auth/oidc/providers': () =>
        json({
          items: [{ id: 'gemeente', name_nl: 'Gemeente-account', name_en: 'Council account' }],
        }),
    });
    window.history.replaceState(null, '', '/inloggen');
    renderWithI18n(<App />);
    const link = await screen.findByRole('link', { name: 'Inloggen met Gemeente-account' });
    expect(link.getAttribute('href')).toBe('/api/v1/auth/oidc/start?provider=gemeente');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Inloggen via uw organisatie' }),
    ).toBeTruthy();
    // The password form stays.
    expect(screen.getByLabelText('Wachtwoord')).toBeTruthy();
  });

  it('shows nothing of it without providers, and the generic message after a refusal', async () => {
    anonymousApi({ 'GET /api/v1/auth/oidc/providers': () => json({ items: [] }) });
    window.history.replaceState(null, '', '/inloggen?sso=mislukt');
    renderWithI18n(<App />);
    expect(await screen.findByText(/inlogdienst van uw organisatie is niet gelukt/)).toBeTruthy();
    expect(
      screen.queryByRole('heading', { level: 2, name: 'Inloggen via uw organisatie' }),
    ).toBeNull();
  });
});
