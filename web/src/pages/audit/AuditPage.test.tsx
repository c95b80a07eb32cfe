import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../api/types';
import { fakeApi, json } from '../../test/fakeApi';
import { makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { AuditPage } from './AuditPage';

function record(seq: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    seq,
    at: '2024-05-01T10:00:00.000000Z',
    user: { id: 7, display_name: 'R. de Vries' },
    organisation_id: 1,
    tenant_id: 1,
    action: 'read',
    resource_type: 'household',
    resource_id: '3',
    household_id: 3,
    person_id: null,
    categories: ['basis'],
    purpose: 'regisseur',
    break_glass: false,
    outcome: 'allowed',
    client_ip: '127.0.0.1',
    ...overrides,
  };
}

const PAGES: Record<string, { items: AuditRecord[]; next: string | null }> = {
  '': {
    items: [
      record(12, {
        break_glass: true,
        purpose: 'break_glass: Melding huiselijk geweld buiten kantoortijd',
        user: { id: 8, display_name: 'P. Partner' },
      }),
      record(11),
    ],
    next: 'c1',
  },
  c1: {
    items: [
      record(10, { action: 'login', resource_type: 'session', user: null, outcome: 'failed' }),
    ],
    next: null,
  },
};

function auditApi() {
  return fakeApi({
    'GET /api/v1/tenants/1/audit': ({ url }) => json(PAGES[url.searchParams.get('after') ?? '']),
    'GET /api/v1/tenants/1/users': () =>
      json({
        items: [
          {
            id: 7,
            version: 1,
            username: 'r.devries',
            display_name: 'R. de Vries',
            roles: ['regisseur'],
            organisation: { id: 1, name: 'Gemeente Dalfsen', kind: 'gemeente' },
            active: true,
            totp_enabled: true,
          },
        ],
      }),
  });
}

describe('AuditPage', () => {
  it('highlights break-the-glass with its reason and pages with the cursor', async () => {
    const calls = auditApi();
    window.history.replaceState(null, '', '/gemeenten/1/auditlog');
    renderSignedIn(<AuditPage tenantId={1} />, makeMe(['auditor']));
    const partner = await screen.findByText('P. Partner');
    const row = partner.closest('tr')!;
    expect(row.className).toContain('regie-row-break-glass');
    expect(within(row).getByText('noodtoegang')).toBeTruthy();
    expect(row.textContent).toContain('Reden: Melding huiselijk geweld buiten kantoortijd');
    expect(
      screen.getByText('R. de Vries', { selector: 'td' }).closest('tr')!.className,
    ).not.toContain('regie-row-break-glass');
    expect(row.textContent).toMatch(/01-05-2024 \d\d:00:00/);
    // Actions and what they concern in words, not the server's codes.
    expect(row.textContent).toContain('Bekeken');
    expect(row.textContent).toContain('Huishouden 3');
    expect(row.textContent).not.toContain('household');

    fireEvent.click(screen.getByRole('button', { name: 'Volgende pagina' }));
    expect(await screen.findByText('Onbekend (mislukte login)')).toBeTruthy();
    const login = screen.getByText('Onbekend (mislukte login)').closest('tr')!;
    expect(within(login).getByText('Ingelogd')).toBeTruthy();
    expect(within(login).getByText('Sessie 3')).toBeTruthy();
    expect(screen.getByText('Mislukt')).toBeTruthy();
    expect(
      calls
        .filter((c) => c.url.pathname.endsWith('/audit'))
        .map((c) => c.url.searchParams.get('after')),
    ).toEqual([null, 'c1']);
  });

  it('puts the filters in the URL, sends them, and exports with the same filters', async () => {
    const calls = auditApi();
    window.history.replaceState(null, '', '/gemeenten/1/auditlog');
    renderSignedIn(<AuditPage tenantId={1} />, makeMe(['auditor']));
    await screen.findByText('P. Partner');
    fireEvent.change(screen.getByLabelText('Gebruiker'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText(/^Actie/), { target: { value: 'read' } });
    fireEvent.change(screen.getByLabelText('Huishoudnummer'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText(/^Vanaf/), { target: { value: '1-5-2024' } });
    fireEvent.change(screen.getByLabelText(/^Tot en met/), { target: { value: '31-05-2024' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filteren' }));
    await screen.findByText('P. Partner');
    expect(window.location.search).toBe(
      '?user_id=7&household_id=3&action=read&from=2024-05-01&to=2024-05-31',
    );
    const last = calls.filter((c) => c.url.pathname.endsWith('/audit')).pop()!.url.searchParams;
    expect(last.get('user_id')).toBe('7');
    expect(last.get('from')).toBe('2024-05-01');
    expect(last.get('to')).toBe('2024-05-31');
    expect(last.get('household_id')).toBe('3');
    expect((screen.getByLabelText(/^Vanaf/) as HTMLInputElement).value).toBe('01-05-2024');
    expect(screen.getByRole('link', { name: 'Exporteer CSV' }).getAttribute('href')).toBe(
      '/api/v1/tenants/1/audit.csv?user_id=7&household_id=3&action=read&from=2024-05-01&to=2024-05-31',
    );
  });

  it('names an action the list does not know by its code', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/audit': () =>
        json({
          items: [record(20, { action: 'shred', resource_type: 'archive_box' })],
          next: null,
        }),
      'GET /api/v1/tenants/1/users': () => json({ items: [] }),
    });
    window.history.replaceState(null, '', '/gemeenten/1/auditlog?action=shred');
    renderSignedIn(<AuditPage tenantId={1} />, makeMe(['auditor']));
    const row = (await screen.findByText('shred', { selector: 'td' })).closest('tr')!;
    expect(row.textContent).toContain('archive_box 3');
    // The filter offers the known actions in words and keeps the one from the URL.
    const select = screen.getByLabelText(/^Actie/) as HTMLSelectElement;
    expect(select.value).toBe('shred');
    expect(within(select).getByRole('option', { name: 'Noodtoegang geopend' })).toBeTruthy();
  });

  it('names known purpose codes in words and keeps free text as written', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/audit': () =>
        json({
          items: [
            record(24, { purpose: 'regisseur_of_household' }),
            record(23, { action: 'login_password', purpose: 'password_verified' }),
            record(22, { action: 'export', purpose: 'case_team_exact csv' }),
            record(21, { purpose: 'finalise: tenant_changes:9' }),
            record(20, { purpose: 'overdracht afgewezen: onvolledig' }),
          ],
          next: null,
        }),
      'GET /api/v1/tenants/1/users': () => json({ items: [] }),
    });
    window.history.replaceState(null, '', '/gemeenten/1/auditlog');
    renderSignedIn(<AuditPage tenantId={1} />, makeMe(['auditor']));
    const purpose = await screen.findByText('Regisseur van het huishouden');
    expect(purpose.getAttribute('title')).toBe('regisseur_of_household');
    expect(screen.getByText('Wachtwoord gecontroleerd')).toBeTruthy();
    expect(screen.getByText('Casusteam, exacte aantallen csv')).toBeTruthy();
    expect(screen.getByText('Definitief gemaakt: tenant_changes:9')).toBeTruthy();
    expect(screen.getByText('overdracht afgewezen: onvolledig')).toBeTruthy();
    expect(screen.queryByText(/password_verified|regisseur_of_household/)).toBeNull();
  });
});
