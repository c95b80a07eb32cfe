import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HouseholdSummary } from '../../api/types';
import { navigate } from '../../router/router';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { renderWithI18n } from '../../test/render';
import { HouseholdListPage } from './HouseholdListPage';

function summary(id: number, name: string): HouseholdSummary {
  return {
    id,
    version: 1,
    name,
    regisseur: 'R. de Vries',
    member_count: 3,
    wijk: 'Centrum',
    kern: 'Oost',
    housing_date: '2024-02-29',
    archived: false,
  };
}

const PAGES: Record<string, { items: HouseholdSummary[]; next: string | null }> = {
  '': { items: [summary(1, 'Familie Ahmadi')], next: 'c1' },
  c1: { items: [summary(2, 'Familie Bekele')], next: 'c2' },
  c2: { items: [summary(3, 'Familie Haddad')], next: null },
};

function listApi() {
  return fakeApi({
    'GET /api/v1/tenants/1/households': ({ url }) => {
      if (url.searchParams.get('housed_from') === 'gisteren') {
        return problem(400, {
          code: 'bad_request',
          errors: [
            {
              field: 'housed_from',
              code: 'invalid_date',
              message_nl: 'Vul een geldige datum in.',
              message_en: 'Enter a valid date.',
            },
          ],
        });
      }
      return json(PAGES[url.searchParams.get('after') ?? '']);
    },
  });
}

function rowNames() {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('link')
    .map((a) => a.textContent);
}

describe('HouseholdListPage', () => {
  it('pages forward with the cursor and back through the remembered stack', async () => {
    const calls = listApi();
    window.history.replaceState(null, '', '/gemeenten/1/huishoudens');
    renderWithI18n(<HouseholdListPage tenantId={1} />);
    expect(await screen.findByRole('link', { name: 'Familie Ahmadi' })).toBeTruthy();
    expect(screen.getByText('29-02-2024')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Vorige pagina' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Volgende pagina' }));
    expect(await screen.findByRole('link', { name: 'Familie Bekele' })).toBeTruthy();
    // Paging keeps the user at the results, not back at the top of the page.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Resultaten' }));
    fireEvent.click(screen.getByRole('button', { name: 'Volgende pagina' }));
    expect(await screen.findByRole('link', { name: 'Familie Haddad' })).toBeTruthy();
    expect(screen.getByText('Pagina 3')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Volgende pagina' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Vorige pagina' }));
    expect(await screen.findByRole('link', { name: 'Familie Bekele' })).toBeTruthy();
    expect(rowNames()).toEqual(['Familie Bekele']);
    expect(calls.map((c) => c.url.searchParams.get('after'))).toEqual([null, 'c1', 'c2', 'c1']);
  });

  it('puts the filters in the URL and sends them to the API', async () => {
    const calls = listApi();
    window.history.replaceState(null, '', '/gemeenten/1/huishoudens');
    renderWithI18n(<HouseholdListPage tenantId={1} />);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Zoeken op naam'), { target: { value: 'Haddad' } });
    fireEvent.change(screen.getByLabelText('Gehuisvest vanaf'), { target: { value: '1-2-2024' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ook gearchiveerde huishoudens tonen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    await screen.findByRole('table');
    expect(window.location.search).toBe('?q=Haddad&housed_from=2024-02-01&include_archived=true');
    const last = calls[calls.length - 1]!.url.searchParams;
    expect(last.get('q')).toBe('Haddad');
    expect(last.get('housed_from')).toBe('2024-02-01');
    expect(last.get('include_archived')).toBe('true');
    // The form shows the URL's filters again, dates as dd-mm-jjjj.
    expect((screen.getByLabelText('Gehuisvest vanaf') as HTMLInputElement).value).toBe(
      '01-02-2024',
    );
  });

  it('shows a refused filter at its field', async () => {
    listApi();
    window.history.replaceState(null, '', '/gemeenten/1/huishoudens?housed_from=gisteren');
    renderWithI18n(<HouseholdListPage tenantId={1} />);
    expect(await screen.findByText('Vul een geldige datum in.')).toBeTruthy();
    expect(screen.getByLabelText('Gehuisvest vanaf').getAttribute('aria-invalid')).toBe('true');
  });

  it('has an empty state that offers to clear the filters', async () => {
    fakeApi({ 'GET /api/v1/tenants/1/households': () => json({ items: [], next: null }) });
    window.history.replaceState(null, '', '/gemeenten/1/huishoudens?q=niemand');
    renderWithI18n(<HouseholdListPage tenantId={1} />);
    expect(
      await screen.findByText('Geen huishoudens gevonden die passen bij deze zoekopdracht.'),
    ).toBeTruthy();
    act(() => navigate('/gemeenten/1/huishoudens'));
    expect(await screen.findByText('Er zijn nog geen huishoudens in deze gemeente.')).toBeTruthy();
  });
});
