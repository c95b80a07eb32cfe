import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from './api/types';
import { App } from './App';
import { fakeApi, json, noContent, problem } from './test/fakeApi';
import type { Answer } from './test/fakeApi';
import { makeMe } from './test/fixtures';
import { renderWithI18n } from './test/render';

const EMPTY_LIST = () => json({ items: [], next: null });

function signedInApi(me: Me, extra: Record<string, () => Answer> = {}) {
  return fakeApi({
    'GET /api/v1/auth/me': () => json(me),
    'GET /api/v1/tenants/1/households': EMPTY_LIST,
    'GET /api/v1/tenants/2/households': EMPTY_LIST,
    'POST /api/v1/auth/logout': noContent,
    ...extra,
  });
}

function nav() {
  return screen.getByRole('navigation', { name: 'Hoofdmenu' });
}

describe('App, signed in', () => {
  it('opens the remembered municipality and shows who is signed in', async () => {
    const calls = signedInApi(makeMe(['regisseur', 'begeleider']));
    window.localStorage.setItem('regie.tenant', '2');
    renderWithI18n(<App />);
    await waitFor(() => expect(window.location.pathname).toBe('/gemeenten/2/huishoudens'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Huishoudens' })).toBeTruthy();
    expect(document.title).toBe('Huishoudens - Regie');
    const header = screen.getByRole('banner');
    expect(within(header).getByText('R. de Vries')).toBeTruthy();
    expect(within(header).getByText('Gemeente Dalfsen')).toBeTruthy();
    expect(within(header).getByText('Regisseur, Begeleider')).toBeTruthy();
    const select = screen.getByLabelText('Gemeente') as HTMLSelectElement;
    expect(select.value).toBe('2');
    expect([...select.options].map((o) => o.text)).toEqual(['Dalfsen', 'Woerden']);
    // The user's tenants come from /auth/me; the old tenant list is not asked.
    expect(calls.some((c) => c.url.pathname === '/api/v1/tenants')).toBe(false);
  });

  it('names the only municipality instead of offering a selector', async () => {
    signedInApi(makeMe(['regisseur'], { tenants: [{ id: 1, code: 'GM0148', name: 'Dalfsen' }] }));
    renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Huishoudens' });
    expect(screen.queryByLabelText('Gemeente')).toBeNull();
    expect(within(screen.getByRole('banner')).getByText('Dalfsen')).toBeTruthy();
  });

  it('switches municipality with the selector, keeping the section', async () => {
    signedInApi(makeMe(['beheer']), {
      'GET /api/v1/tenants/1/users': () => json({ items: [] }),
      'GET /api/v1/tenants/2/users': () => json({ items: [] }),
    });
    renderWithI18n(<App />);
    await waitFor(() => expect(window.location.pathname).toBe('/gemeenten/1/gebruikers'));
    fireEvent.change(screen.getByLabelText('Gemeente'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wisselen' }));
    await waitFor(() => expect(window.location.pathname).toBe('/gemeenten/2/gebruikers'));
    await waitFor(() => expect(window.localStorage.getItem('regie.tenant')).toBe('2'));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })),
    );
  });

  it('shows a municipality the user does not serve as not found', async () => {
    signedInApi(makeMe(['regisseur'], { tenants: [{ id: 1, code: 'GM0148', name: 'Dalfsen' }] }));
    window.history.replaceState(null, '', '/gemeenten/2/huishoudens');
    renderWithI18n(<App />);
    expect(await screen.findByRole('heading', { name: 'Pagina niet gevonden' })).toBeTruthy();
  });

  it('switches to English and keeps that choice', async () => {
    signedInApi(makeMe(['regisseur']));
    renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Huishoudens' });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Households' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('regie.lang')).toBe('en');
    expect(screen.getByText('Case director')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nederlands' }).getAttribute('lang')).toBe('nl');
  });

  it('moves focus to the main content with the skip link', async () => {
    signedInApi(makeMe(['regisseur']));
    renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('link', { name: 'Naar de inhoud' }));
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('shows a not-found page for an unknown path', async () => {
    signedInApi(makeMe(['regisseur']));
    window.history.replaceState(null, '', '/onbekend');
    renderWithI18n(<App />);
    expect(await screen.findByRole('heading', { name: 'Pagina niet gevonden' })).toBeTruthy();
  });

  it('logs out with the CSRF token and shows the login page', async () => {
    const calls = signedInApi(makeMe(['regisseur']));
    renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Huishoudens' });
    fireEvent.click(screen.getByRole('button', { name: 'Uitloggen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(screen.getByText('U bent uitgelogd.')).toBeTruthy();
    expect(window.location.pathname).toBe('/inloggen');
    const logout = calls.find((c) => c.url.pathname === '/api/v1/auth/logout')!;
    expect(logout.method).toBe('POST');
    expect(logout.headers['X-CSRF-Token']).toBe('csrf-123');
    expect(screen.queryByRole('navigation', { name: 'Hoofdmenu' })).toBeNull();
  });

  it('returns to the login page with a notice when the session expired, keeping the page', async () => {
    let expired = false;
    signedInApi(makeMe(['regisseur']), {
      'GET /api/v1/tenants/1/households': () =>
        expired ? problem(401, { code: 'not_authenticated' }) : EMPTY_LIST(),
    });
    renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Huishoudens' });
    expired = true;
    fireEvent.change(screen.getByLabelText('Zoeken op naam'), { target: { value: 'Haddad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(
      screen.getByText('Uw sessie is verlopen. Log opnieuw in om verder te gaan.'),
    ).toBeTruthy();
    expect(window.location.pathname).toBe('/inloggen');
    expect(new URLSearchParams(window.location.search).get('volgende')).toBe(
      '/gemeenten/1/huishoudens?q=Haddad',
    );
  });
});

describe('App, navigation per role', () => {
  const sections = () =>
    within(nav())
      .getAllByRole('link')
      .map((a) => a.textContent);

  it('gives case roles the households, beheer the users and packs, the auditor the audit log', async () => {
    signedInApi(makeMe(['partner']));
    const first = renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Huishoudens' });
    // A partner's worklist holds the plan actions its organisation answers for;
    // it writes its organisation's contribution to the progress report.
    expect(sections()).toEqual([
      'Huishoudens',
      'Werklijst',
      'Signalen',
      'Verwijzingen',
      'Rapportage',
    ]);
    first.unmount();

    signedInApi(makeMe(['beheer', 'auditor']), {
      'GET /api/v1/tenants/1/users': () => json({ items: [] }),
    });
    window.history.replaceState(null, '', '/');
    renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Gebruikers' });
    expect(sections()).toEqual(['Gebruikers', "Regio's", 'Beleidsregels', 'Auditlog']);
  });

  it('gives the regisseur and begeleider the worklist next to the households', async () => {
    signedInApi(makeMe(['begeleider']));
    renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Huishoudens' });
    expect(sections()).toEqual(['Huishoudens', 'Werklijst', 'Signalen', 'Verwijzingen']);
  });

  it('gives beleid the dashboard, the start page with name and role, and no case pages', async () => {
    const calls = signedInApi(makeMe(['beleid'], { display_name: 'B. Beleid' }), {
      'GET /api/v1/tenants/1/indicators': () => problem(503, { code: 'unavailable' }),
    });
    renderWithI18n(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeTruthy();
    expect(window.location.pathname).toBe('/gemeenten/1/dashboard');
    expect(sections()).toEqual(['Dashboard', 'Rapportage', 'Regionale vergelijking']);
    await waitFor(() =>
      expect(calls.some((c) => c.url.pathname === '/api/v1/tenants/1/indicators')).toBe(true),
    );
    window.history.pushState(null, '', '/gemeenten/1');
    fireEvent(window, new PopStateEvent('popstate'));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welkom, B. Beleid' }),
    ).toBeTruthy();
    expect(window.location.pathname).toBe('/gemeenten/1');
    expect(screen.getByRole('main').textContent).toContain('Beleid');
    // Beleid reads the policy packs from the start page.
    expect(screen.getByRole('link', { name: /^Beleidsregels bekijken/ })).toBeTruthy();
    window.history.pushState(null, '', '/gemeenten/1/huishoudens');
    fireEvent(window, new PopStateEvent('popstate'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeTruthy();
  });

  it('refuses the users page to a regisseur without asking the server', async () => {
    const calls = signedInApi(makeMe(['regisseur']));
    window.history.replaceState(null, '', '/gemeenten/1/gebruikers');
    renderWithI18n(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Geen toegang' })).toBeTruthy();
    expect(calls.some((c) => c.url.pathname.endsWith('/users'))).toBe(false);
  });
});
