import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { UserFormPage } from './UserFormPage';
import { UserListPage } from './UserListPage';

const user: User = {
  id: 12,
  version: 3,
  username: 'p.partner',
  display_name: 'P. Partner',
  email: 'p@example.org',
  roles: ['partner'],
  organisation: { id: 4, name: 'Taalschool Noord', kind: 'taalaanbieder' },
  active: true,
  totp_enabled: false,
};

const beheer = makeMe(['beheer']);

describe('users (beheer)', () => {
  it('lists users with roles and enrolment status', async () => {
    fakeApi({ 'GET /api/v1/tenants/1/users': () => json({ items: [user] }) });
    renderSignedIn(<UserListPage tenantId={1} />, beheer);
    const row = (await screen.findByRole('rowheader', { name: 'P. Partner' })).closest('tr')!;
    expect(row.textContent).toContain('Partner');
    expect(row.textContent).toContain('Inschrijving nog niet afgerond');
    expect(screen.getByRole('link', { name: 'Bewerken P. Partner' }).getAttribute('href')).toBe(
      '/gemeenten/1/gebruikers/12/bewerken',
    );
  });

  it('offers no edit link for a regional organisation managed by its home municipality', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/users': () =>
        json({
          items: [
            { ...user, managed: false },
            { ...user, id: 13, display_name: 'Eigen', managed: true },
          ],
        }),
    });
    renderSignedIn(<UserListPage tenantId={1} />, beheer);
    const row = (await screen.findByRole('rowheader', { name: 'P. Partner' })).closest('tr')!;
    expect(row.textContent).toContain('Beheerd door de thuisgemeente van de organisatie');
    expect(screen.queryByRole('link', { name: 'Bewerken P. Partner' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Bewerken Eigen' })).toBeTruthy();
  });

  it('creates a user and shows the full enrolment link to pass on', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/organisations': () =>
        json({ items: [{ id: 4, name: 'Taalschool Noord', kind: 'taalaanbieder' }] }),
      'POST /api/v1/tenants/1/users': ({ body }) =>
        (body as { username: string }).username === 'bestaat'
          ? problem(409, {
              code: 'duplicate',
              errors: [
                {
                  field: 'username',
                  code: 'duplicate',
                  message_nl: 'Deze gebruikersnaam bestaat al.',
                  message_en: 'Taken.',
                },
              ],
            })
          : json({ user, enrolment_url: '/inschrijven/abc_DEF-123' }, 201),
    });
    renderSignedIn(<UserFormPage tenantId={1} />, beheer);
    await screen.findByLabelText(/^Organisatie/);
    fireEvent.change(screen.getByLabelText(/^Gebruikersnaam/), { target: { value: 'bestaat' } });
    fireEvent.change(screen.getByLabelText(/^Naam/), { target: { value: 'P. Partner' } });
    fireEvent.change(screen.getByLabelText(/^E-mailadres/), { target: { value: 'p@example.org' } });
    fireEvent.change(screen.getByLabelText(/^Organisatie/), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /^Partner/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Gebruiker aanmaken' }));
    expect(
      await screen.findByRole('link', { name: 'Gebruikersnaam: Deze gebruikersnaam bestaat al.' }),
    ).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Gebruikersnaam/), { target: { value: 'p.partner' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gebruiker aanmaken' }));
    const heading = await screen.findByRole('heading', { name: 'Inschrijflink voor P. Partner' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect((screen.getByLabelText('Inschrijflink') as HTMLInputElement).value).toBe(
      `${window.location.origin}/inschrijven/abc_DEF-123`,
    );
    expect(
      screen.getByText(/Geef deze link veilig en persoonlijk door aan P\. Partner/),
    ).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').pop()!.body).toEqual({
      username: 'p.partner',
      display_name: 'P. Partner',
      email: 'p@example.org',
      organisation_id: 4,
      roles: ['partner'],
    });
  });

  it('edits roles and active, and makes a new enrolment link after confirmation', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/users': () => json({ items: [user] }),
      'PUT /api/v1/tenants/1/users/12': () => json({ ...user, version: 4 }),
      'POST /api/v1/tenants/1/users/12/enrolment': () =>
        json({ enrolment_url: '/inschrijven/new_TOKEN' }),
    });
    renderSignedIn(<UserFormPage tenantId={1} userId={12} />, beheer);
    await screen.findByRole('heading', { level: 1, name: 'P. Partner bewerken' });

    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe inschrijflink maken' }));
    expect(
      screen.getByText(
        /Het wachtwoord en de tweestapsverificatie van P\. Partner werken dan direct niet meer/,
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ja, nieuwe link maken' }));
    await screen.findByRole('heading', { name: 'Inschrijflink voor P. Partner' });
    expect((screen.getByLabelText('Inschrijflink') as HTMLInputElement).value).toBe(
      `${window.location.origin}/inschrijven/new_TOKEN`,
    );

    fireEvent.click(screen.getByRole('checkbox', { name: /^Vrijwilliger/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^Actief/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(() => expect(window.location.pathname).toBe('/gemeenten/1/gebruikers'));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      version: 3,
      display_name: 'P. Partner',
      email: 'p@example.org',
      roles: ['partner', 'vrijwilliger'],
      active: false,
    });
  });

  it('shows a single sign-on link and warns that another address ends it', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/users': () =>
        json({
          items: [
            {
              ...user,
              sso: [{ issuer: 'https://idp.example.org', linked_at: '2026-11-02T09:30:00Z' }],
            },
          ],
        }),
    });
    renderSignedIn(<UserFormPage tenantId={1} userId={12} />, beheer);
    expect(
      await screen.findByText(/^Gekoppeld aan https:\/\/idp\.example\.org sinds 02-11-2026/),
    ).toBeTruthy();
    const email = screen.getByLabelText(/^E-mailadres/);
    const described = document.getElementById(email.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toMatch(/Een ander e-mailadres verbreekt die koppeling/);
  });

  it('says an account without single sign-on is not linked, without a warning', async () => {
    fakeApi({ 'GET /api/v1/tenants/1/users': () => json({ items: [{ ...user, sso: [] }] }) });
    renderSignedIn(<UserFormPage tenantId={1} userId={12} />, beheer);
    expect(await screen.findByText('Niet gekoppeld')).toBeTruthy();
    expect(screen.getByLabelText(/^E-mailadres/).getAttribute('aria-describedby')).toBeNull();
  });
});
