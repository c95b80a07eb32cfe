import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { User, UserRole } from '../../api/types';
import { fakeApi, json } from '../../test/fakeApi';
import { makeHousehold, makeMe } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { AssignmentsPage } from './AssignmentsPage';
import { HouseholdFormPage } from './HouseholdFormPage';

function makeUser(id: number, name: string, roles: UserRole[]): User {
  return {
    id,
    version: 1,
    username: name.toLowerCase().replace(/\W/g, ''),
    display_name: name,
    roles,
    organisation: { id: 2, name: 'Vluchtelingenwerk', kind: 'vluchtelingenwerk' },
    active: true,
    totp_enabled: true,
  };
}

describe('household forms under access control', () => {
  it('chooses the regisseur among users with that role, the user by default', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/organisations': () => json({ items: [] }),
      'GET /api/v1/tenants/1/users': ({ url }) => {
        expect(url.searchParams.get('role')).toBe('regisseur');
        return json({
          items: [
            makeUser(7, 'R. de Vries', ['regisseur']),
            makeUser(9, 'S. Bakker', ['regisseur']),
          ],
        });
      },
      'POST /api/v1/tenants/1/households': () => json(makeHousehold({ id: 44 }), 201),
    });
    renderSignedIn(<HouseholdFormPage tenantId={1} />, makeMe(['regisseur']));
    const select = (await screen.findByLabelText(/^Regisseur/)) as HTMLSelectElement;
    expect(select.value).toBe('7');
    expect([...select.options].map((o) => o.text)).toEqual([
      'Maak een keuze',
      'R. de Vries',
      'S. Bakker',
    ]);
    fireEvent.change(screen.getByLabelText(/^Naam van het huishouden/), {
      target: { value: 'Familie Yonas' },
    });
    fireEvent.change(select, { target: { value: '9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Huishouden aanmaken' }));
    await waitFor(() => expect(window.location.pathname).toBe('/gemeenten/1/huishoudens/44'));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: 'Familie Yonas',
      regisseur_user_id: 9,
      involved_organisations: [],
    });
  });

  it('assigns begeleiders and vrijwilligers, as the regisseur', async () => {
    const household = makeHousehold({
      version: 5,
      begeleiders: [{ id: 20, display_name: 'B. Een' }],
    });
    const calls = fakeApi({
      'GET /api/v1/tenants/1/households/3': () => json(household),
      'GET /api/v1/tenants/1/users': ({ url }) =>
        json({
          items:
            url.searchParams.get('role') === 'begeleider'
              ? [makeUser(20, 'B. Een', ['begeleider']), makeUser(21, 'B. Twee', ['begeleider'])]
              : [makeUser(30, 'V. Drie', ['vrijwilliger'])],
        }),
      'PUT /api/v1/tenants/1/households/3/assignments': () => json(household),
    });
    renderSignedIn(<AssignmentsPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    const een = (await screen.findByRole('checkbox', { name: /^B\. Een/ })) as HTMLInputElement;
    expect(een.checked).toBe(true);
    fireEvent.click(een);
    fireEvent.click(screen.getByRole('checkbox', { name: /^B\. Twee/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^V\. Drie/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Toewijzing opslaan' }));
    await waitFor(() => expect(window.location.pathname).toBe('/gemeenten/1/huishoudens/3'));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      version: 5,
      begeleiders: [21],
      vrijwilligers: [30],
    });
  });

  it('does not offer the assignments form to anyone but the regisseur', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/households/3': () =>
        json(
          makeHousehold({
            access: {
              relationship: 'begeleider',
              categories: [],
              break_glass: false,
              can_edit: true,
            },
          }),
        ),
      'GET /api/v1/tenants/1/users': () => json({ items: [] }),
    });
    renderSignedIn(<AssignmentsPage tenantId={1} householdId={3} />, makeMe(['begeleider']));
    expect(
      await screen.findByText('Alleen de regisseur van dit huishouden kan betrokkenen toewijzen.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Toewijzing opslaan' })).toBeNull();
  });
});
