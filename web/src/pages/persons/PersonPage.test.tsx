import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Household, Person, SharingBasis } from '../../api/types';
import { fakeApi, json, problem } from '../../test/fakeApi';
import type { Answer, Call } from '../../test/fakeApi';
import { makeHousehold, makeMe, makePerson } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { PersonPage } from './PersonPage';

const basis: SharingBasis = {
  id: 21,
  person_id: 9,
  organisation: { id: 4, name: 'Taalschool Noord', kind: 'taalaanbieder' },
  categories: ['inburgering', 'basis'],
  purpose: 'Taallessen plannen',
  legal_basis: 'toestemming',
  given: '2024-03-01',
  expires: null,
  withdrawn_at: null,
  recorded_by: { id: 7, display_name: 'R. de Vries' },
  consent_text: 'Formulier 12',
  active: true,
};

function personApi(
  person: Person,
  household: Household,
  extra: Record<string, (c: Call) => Answer> = {},
) {
  return fakeApi({
    'GET /api/v1/tenants/1/persons/9': () => json(person),
    'GET /api/v1/tenants/1/households/3': () => json(household),
    'GET /api/v1/tenants/1/organisations': () =>
      json({ items: [{ id: 4, name: 'Taalschool Noord', kind: 'taalaanbieder', regional: true }] }),
    ...extra,
  });
}

function valueOf(label: string): HTMLElement {
  const key = screen.getByText(label, { selector: '.utrecht-data-list__item-key' });
  return key.parentElement!.querySelector('.utrecht-data-list__item-value')!;
}

describe('PersonPage', () => {
  it('shows fields of categories the user may not see as afgeschermd, with why', async () => {
    const { address, literacy, inburgeringsplicht, exemption_reason, bsn, ...visible } =
      makePerson();
    personApi(
      { ...visible, visible_categories: ['basis'] } as Person,
      makeHousehold({
        access: {
          relationship: 'partner',
          categories: ['basis'],
          break_glass: false,
          can_edit: false,
        },
      }),
    );
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['partner']));
    await screen.findByRole('heading', { level: 1, name: 'Amina Haddad' });
    expect(valueOf('Voornamen').textContent).toBe('Amina');
    expect(valueOf('Postcode').textContent).toBe(
      'afgeschermd: U heeft geen toegang tot deze gegevenscategorie.',
    );
    expect(valueOf('BSN').textContent).toMatch(/^afgeschermd/);
    expect(valueOf('Geletterdheid').querySelector('[title]')!.getAttribute('title')).toBe(
      'U heeft geen toegang tot deze gegevenscategorie.',
    );
    expect(valueOf('Datum koppeling aan de gemeente').textContent).toBe('Niet ingevuld');
    expect(screen.getByText(/U ziet van deze persoon: Basisgegevens\./)).toBeTruthy();
    // Not the regisseur: no sharing section, no edit.
    expect(screen.queryByRole('heading', { name: 'Gegevens delen' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Gegevens bewerken' })).toBeNull();
  });

  it('lets the regisseur record a sharing basis, checking and mapping errors to the fields', async () => {
    let bases: SharingBasis[] = [];
    const calls = personApi(makePerson(), makeHousehold(), {
      'GET /api/v1/tenants/1/persons/9/sharing-bases': () => json({ items: bases }),
      'POST /api/v1/tenants/1/persons/9/sharing-bases': ({ body }) => {
        const b = body as { purpose: string };
        if (b.purpose === 'x') {
          return problem(422, {
            code: 'validation_failed',
            errors: [
              {
                field: 'purpose',
                code: 'too_short',
                message_nl: 'Beschrijf het doel.',
                message_en: 'Describe the purpose.',
              },
              {
                field: 'expires',
                code: 'date_before_given',
                message_nl: 'Vóór de ingangsdatum.',
                message_en: 'Before given.',
              },
              {
                field: 'categories/1',
                code: 'invalid_enum',
                message_nl: 'Onbekende categorie.',
                message_en: 'Unknown.',
              },
            ],
          });
        }
        bases = [basis];
        return json(basis, 201);
      },
    });
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['regisseur']));
    expect(await screen.findByText(/Er zijn nog geen grondslagen vastgelegd/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Grondslag toevoegen' }));
    const formHeading = screen.getByRole('heading', {
      name: 'Grondslag toevoegen voor Amina Haddad',
    });
    await waitFor(() => expect(document.activeElement).toBe(formHeading));

    // Every category with its Dutch label.
    const group = screen.getByRole('group', { name: /^Gegevenscategorieën/ });
    expect(
      within(group)
        .getAllByRole('checkbox')
        .map((c) => c.closest('.utrecht-form-field')!.textContent),
    ).toEqual([
      'Basisgegevens',
      'Contactgegevens',
      'Inburgering',
      'Werk en inkomen',
      'Financiën',
      'Gezondheid (bijzonder persoonsgegeven)',
      'Jeugd (JGZ)',
      'Justitie',
      'Notities',
    ]);

    // Consent needs its text: checked here, with the other missing fields.
    fireEvent.change(screen.getByLabelText(/^Grondslag \(verplicht\)/), {
      target: { value: 'toestemming' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Grondslag vastleggen' }));
    expect(
      await screen.findByRole('heading', { name: 'Controleer de volgende gegevens (4)' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('link', { name: /^Toestemming: Leg bij toestemming vast/ }),
    ).toBeTruthy();
    expect(
      screen.getByRole('link', {
        name: 'Gegevenscategorieën: Kies minstens één gegevenscategorie.',
      }),
    ).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText(/^Organisatie/), { target: { value: '4' } });
    fireEvent.click(within(group).getByLabelText('Inburgering'));
    fireEvent.click(within(group).getByLabelText('Basisgegevens'));
    fireEvent.change(screen.getByLabelText(/^Doel/), { target: { value: 'x' } });
    fireEvent.change(screen.getByLabelText(/^Toestemming/), { target: { value: 'Formulier 12' } });
    fireEvent.change(screen.getByLabelText(/^Geldig tot/), { target: { value: '01-01-2020' } });
    fireEvent.click(screen.getByRole('button', { name: 'Grondslag vastleggen' }));

    // The server's errors land at their fields, "categories/1" at the group.
    expect(await screen.findByRole('link', { name: 'Doel: Beschrijf het doel.' })).toBeTruthy();
    expect(screen.getByLabelText(/^Geldig tot/).getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByRole('link', { name: 'Gegevenscategorieën: Onbekende categorie.' }),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      organisation_id: 4,
      categories: ['inburgering', 'basis'],
      legal_basis: 'toestemming',
      expires: '2020-01-01',
      consent_text: 'Formulier 12',
    });

    fireEvent.change(screen.getByLabelText(/^Doel/), { target: { value: 'Taallessen plannen' } });
    fireEvent.change(screen.getByLabelText(/^Geldig tot/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Grondslag vastleggen' }));
    expect(await screen.findByText('De grondslag is vastgelegd.')).toBeTruthy();
    const row = (await screen.findByRole('rowheader', { name: 'Taalschool Noord' })).closest('tr')!;
    expect(row.textContent).toContain('Basisgegevens, Inburgering');
    expect(row.textContent).toContain('Toestemming');
    expect(row.textContent).toContain('vanaf 01-03-2024');
    expect(row.textContent).toContain('Actief');
  });

  it('withdraws a basis only after confirmation', async () => {
    let withdrawn = false;
    const calls = personApi(makePerson(), makeHousehold(), {
      'GET /api/v1/tenants/1/persons/9/sharing-bases': () =>
        json({
          items: [
            withdrawn ? { ...basis, active: false, withdrawn_at: '2024-05-01T10:00:00Z' } : basis,
          ],
        }),
      'POST /api/v1/tenants/1/sharing-bases/21/withdraw': () => {
        withdrawn = true;
        return json({ ...basis, active: false, withdrawn_at: '2024-05-01T10:00:00Z' });
      },
    });
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Intrekken Taalschool Noord' }));
    const heading = screen.getByRole('heading', {
      name: 'Grondslag voor Taalschool Noord intrekken',
    });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(
      screen.getByText(
        /Taalschool Noord ziet de gegevens \(Basisgegevens, Inburgering\) van Amina Haddad dan direct niet meer/,
      ),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Annuleren' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Intrekken Taalschool Noord' }),
      ),
    );
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Intrekken Taalschool Noord' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, intrekken' }));
    expect(await screen.findByText('De grondslag is ingetrokken.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({});
    expect(await screen.findByText(/Ingetrokken op 01-05-2024/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Intrekken Taalschool Noord' })).toBeNull();
  });
});
