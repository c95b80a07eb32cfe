import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../api/contacts';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeHousehold, makeMe, makePerson } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { HouseholdPage } from './HouseholdPage';

const CONTACT: Contact = {
  id: 5,
  household_id: 3,
  date: '2026-11-20',
  type: 'huisbezoek',
  participants: ['Amina Haddad', 'regisseur'],
  interpreter: true,
  interpreter_language: 'ar',
  person_ids: [],
  note: 'Taalcursus besproken.',
  recorded_by: { id: 7, display_name: 'R. de Vries' },
  recorded_at: '2026-11-20T10:00:00.000000Z',
};

describe('ContactsSection', () => {
  it('lists contacts with date, type, participants, interpreter and note', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/households/3': () => json(makeHousehold()),
      'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [CONTACT] }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    const section = (await screen.findByRole('heading', { name: 'Contactmomenten' })).closest(
      'section',
    )!;
    const row = (await within(section).findByText('Huisbezoek')).closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '20-11-2026',
      'Amina Haddad, regisseur',
      'Ja (Arabisch)',
      'Taalcursus besproken.',
      'R. de Vries',
    ]);
  });

  it('shows a partner no note column and no form', async () => {
    const { note, ...withoutNote } = CONTACT;
    expect(note).toBeTruthy();
    fakeApi({
      'GET /api/v1/tenants/1/households/3': () =>
        json(
          makeHousehold({
            access: {
              relationship: 'partner',
              categories: ['basis'],
              break_glass: false,
              can_edit: false,
            },
          }),
        ),
      'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [withoutNote] }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['partner']));
    await screen.findByText('Huisbezoek');
    expect(screen.queryByRole('columnheader', { name: 'Notitie' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Contactmoment vastleggen' })).toBeNull();
  });

  it('records a contact and shows the server field errors', async () => {
    let attempt = 0;
    const calls = fakeApi({
      'GET /api/v1/tenants/1/households/3': () =>
        json(makeHousehold({ persons: [makePerson({ id: 9 })] })),
      'GET /api/v1/tenants/1/households/3/contacts': () => json({ items: [] }),
      'POST /api/v1/tenants/1/households/3/contacts': () =>
        ++attempt === 1
          ? problem(422, {
              code: 'validation_failed',
              errors: [
                {
                  field: 'date',
                  code: 'date_in_future',
                  message_nl: 'Deze datum ligt in de toekomst.',
                  message_en: 'This date is in the future.',
                },
              ],
            })
          : json({ ...CONTACT, events_recorded: 1 }, 201),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Contactmoment vastleggen' }));
    fireEvent.change(screen.getByLabelText(/^Datum/), { target: { value: '01-12-2030' } });
    fireEvent.change(screen.getByLabelText(/^Soort contact/), { target: { value: 'gesprek' } });
    fireEvent.change(screen.getByLabelText(/^Deelnemers/), {
      target: { value: 'Amina, klantmanager' },
    });
    fireEvent.click(screen.getByLabelText('Amina Haddad'));
    fireEvent.click(screen.getByRole('button', { name: 'Contactmoment vastleggen' }));
    expect((await screen.findAllByText('Deze datum ligt in de toekomst.')).length).toBeGreaterThan(
      0,
    );
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      date: '2030-12-01',
      type: 'gesprek',
      participants: ['Amina', 'klantmanager'],
      interpreter: false,
      interpreter_language: null,
      person_ids: [9],
      note: '',
    });
    fireEvent.change(screen.getByLabelText(/^Datum/), { target: { value: '20-11-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Contactmoment vastleggen' }));
    await screen.findByText('Het contactmoment is vastgelegd.');
    await waitFor(() =>
      expect(calls.filter((c) => c.url.pathname.endsWith('/contacts')).length).toBe(4),
    );
  });
});
