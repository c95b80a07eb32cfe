import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { fakeApi, json } from './test/fakeApi';
import { renderWithI18n } from './test/render';

const tenants = [
  { id: 1, code: 'GM0148', name: 'Dalfsen' },
  { id: 2, code: 'GM0632', name: 'Woerden' },
];

function api() {
  return fakeApi({
    'GET /api/v1/tenants': () => json({ items: tenants }),
    'GET /api/v1/tenants/1/households': () => json({ items: [], next: null }),
    'GET /api/v1/tenants/2/households': () => json({ items: [], next: null }),
  });
}

describe('App', () => {
  it('opens the remembered municipality and titles the page', async () => {
    api();
    window.localStorage.setItem('regie.tenant', '2');
    renderWithI18n(<App />);
    await waitFor(() => expect(window.location.pathname).toBe('/gemeenten/2/huishoudens'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Huishoudens' })).toBeTruthy();
    expect(document.title).toBe('Huishoudens - Regie');
    expect((screen.getByLabelText('Gemeente') as HTMLSelectElement).value).toBe('2');
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).toBeTruthy();
  });

  it('switches municipality with the selector and remembers it', async () => {
    api();
    renderWithI18n(<App />);
    await waitFor(() => expect(window.location.pathname).toBe('/gemeenten/1/huishoudens'));
    fireEvent.change(screen.getByLabelText('Gemeente'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Wisselen' }));
    await waitFor(() => expect(window.location.pathname).toBe('/gemeenten/2/huishoudens'));
    await waitFor(() => expect(window.localStorage.getItem('regie.tenant')).toBe('2'));
    // After a navigation the new page's heading has focus.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })),
    );
  });

  it('switches to English and keeps that choice', async () => {
    api();
    renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Huishoudens' });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Households' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('regie.lang')).toBe('en');
    expect(document.title).toBe('Households - Regie');
    expect(screen.getByRole('button', { name: 'Nederlands' }).getAttribute('lang')).toBe('nl');
  });

  it('moves focus to the main content with the skip link', async () => {
    api();
    renderWithI18n(<App />);
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('link', { name: 'Naar de inhoud' }));
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('shows a not-found page for an unknown path', async () => {
    api();
    window.history.replaceState(null, '', '/onbekend');
    renderWithI18n(<App />);
    expect(await screen.findByRole('heading', { name: 'Pagina niet gevonden' })).toBeTruthy();
  });
});
