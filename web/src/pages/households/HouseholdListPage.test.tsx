import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HouseholdSummary } from '../../api/types';
import { navigate } from '../../router/router';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { HouseholdListPage } from './HouseholdListPage';

function summary(id: number, name: string): HouseholdSummary {
  return {
    id,
    version: 1,
    name,
    regisseur: { id: 7, display_name: 'R. de Vries' },
    member_count: 3,
    wijk: 'Centrum',
    kern: 'Oost',
    housing_date: '2024-02-29',
    archived: false,
    relationship: 'regisseur',
  };
}

const regisseur = makeMe(['regisseur']);

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
    renderSignedIn(<HouseholdListPage tenantId={1} />, regisseur);
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
    renderSignedIn(<HouseholdListPage tenantId={1} />, regisseur);
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
    renderSignedIn(<HouseholdListPage tenantId={1} />, regisseur);
    expect(await screen.findByText('Vul een geldige datum in.')).toBeTruthy();
    expect(screen.getByLabelText('Gehuisvest vanaf').getAttribute('aria-invalid')).toBe('true');
  });

  it('has an empty state that offers to clear the filters', async () => {
    fakeApi({ 'GET /api/v1/tenants/1/households': () => json({ items: [], next: null }) });
    window.history.replaceState(null, '', '/gemeenten/1/huishoudens?q=niemand');
    renderSignedIn(<HouseholdListPage tenantId={1} />, regisseur);
    expect(
      await screen.findByText('Geen huishoudens gevonden die passen bij deze zoekopdracht.'),
    ).toBeTruthy();
    act(() => navigate('/gemeenten/1/huishoudens'));
    expect(
      await screen.findByText(
        'Er zijn geen huishoudens waarbij u betrokken bent in deze gemeente.',
      ),
    ).toBeTruthy();
  });

  it('shows my relationship per row and a dash for fields the server left out', async () => {
    const { wijk, kern, housing_date, ...partnerView } = summary(5, 'Familie Tesfay');
    fakeApi({
      'GET /api/v1/tenants/1/households': () =>
        json({ items: [{ ...partnerView, relationship: 'partner' }], next: null }),
    });
    window.history.replaceState(null, '', '/gemeenten/1/huishoudens');
    renderSignedIn(<HouseholdListPage tenantId={1} />, makeMe(['partner']));
    const row = (await screen.findByRole('link', { name: 'Familie Tesfay' })).closest('tr')!;
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      'Familie Tesfay',
      'Partner',
      'R. de Vries',
      '3',
      '—afgeschermd',
      '—afgeschermd',
      '—afgeschermd',
    ]);
    // A partner may search outside their households but not create one.
    expect(screen.getByRole('link', { name: 'Zoeken buiten mijn huishoudens' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Nieuw huishouden' })).toBeNull();
  });

  it('labels break-the-glass rows as Noodtoegang and offers nothing extra to a begeleider', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/households': () =>
        json({
          items: [{ ...summary(6, 'Familie Yonas'), relationship: 'break_glass' }],
          next: null,
        }),
    });
    window.history.replaceState(null, '', '/gemeenten/1/huishoudens');
    renderSignedIn(<HouseholdListPage tenantId={1} />, makeMe(['begeleider']));
    const row = (await screen.findByRole('link', { name: 'Familie Yonas' })).closest('tr')!;
    expect(within(row).getByText('Noodtoegang')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Zoeken buiten mijn huishoudens' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Nieuw huishouden' })).toBeNull();
  });
});
