import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Household, Person } from '../../api/types';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeHousehold, makePerson } from '../../test/fixtures';
import { renderWithI18n } from '../../test/render';
import { PersonForm } from './PersonForm';

const household: Household = makeHousehold();

const bsnError = {
  field: 'bsn',
  code: 'bsn_invalid',
  message_nl: 'Dit BSN is niet geldig.',
  message_en: 'This BSN is not valid.',
};

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** Fills the fields the form itself requires, by name so it works in both languages. */
function fillRequired() {
  const values: Record<string, string> = {
    given_names: 'Amina',
    family_name: 'Haddad',
    birth_date: '01-04-1990',
    nationality: 'SY',
    role: 'hoofdpersoon',
    literacy: 'beperkt',
    inburgeringsplicht: 'ja',
  };
  for (const [name, value] of Object.entries(values)) {
    const field = document.querySelector(`[name="${name}"]`)!;
    fireEvent.change(field, { target: { value } });
  }
}

describe('PersonForm', () => {
  it('shows the server field errors next to their fields and in a focused summary', async () => {
    const calls = fakeApi({
      'POST /api/v1/tenants/1/households/3/persons': () =>
        problem(422, {
          code: 'validation_failed',
          errors: [
            bsnError,
            {
              field: 'address/postal_code',
              code: 'postal_code_invalid',
              message_nl: 'Vul een postcode in zoals 1234 AB.',
              message_en: 'Enter a postal code like 1234 AB.',
            },
            {
              field: 'languages/1',
              code: 'unknown_language',
              message_nl: 'Onbekende taalcode.',
              message_en: 'Unknown language code.',
            },
          ],
        }),
    });
    renderWithI18n(<PersonForm household={household} onReload={() => {}} />);
    fillRequired();
    fill(/^BSN/, '123456789');
    fill(/^Talen/, 'ar, zz');
    fireEvent.click(screen.getByRole('button', { name: 'Persoon toevoegen' }));

    const summary = await screen.findByRole('heading', {
      name: /Controleer de volgende gegevens \(3\)/,
    });
    await waitFor(() => expect(document.activeElement).toBe(summary.closest('[tabindex="-1"]')));

    const bsn = screen.getByLabelText(/^BSN/);
    expect(bsn.getAttribute('aria-invalid')).toBe('true');
    const describedBy = bsn.getAttribute('aria-describedby')!.split(' ');
    const messages = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain('Dit BSN is niet geldig.');

    expect(screen.getByLabelText(/^Postcode/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/^Talen/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/^Achternaam/).getAttribute('aria-invalid')).toBeNull();

    const link = screen.getByRole('link', { name: 'BSN: Dit BSN is niet geldig.' });
    fireEvent.click(link);
    expect(document.activeElement).toBe(bsn);

    expect(calls[0]?.body).toMatchObject({
      given_names: 'Amina',
      bsn: '123456789',
      languages: ['ar', 'zz'],
    });
  });

  it('shows the messages in English after switching language', async () => {
    window.localStorage.setItem('regie.lang', 'en');
    fakeApi({
      'POST /api/v1/tenants/1/households/3/persons': () =>
        problem(422, { code: 'validation_failed', errors: [bsnError] }),
    });
    renderWithI18n(<PersonForm household={household} onReload={() => {}} />);
    fillRequired();
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    expect(await screen.findByRole('link', { name: 'BSN: This BSN is not valid.' })).toBeTruthy();
  });

  it('offers to reload after a version conflict', async () => {
    const person = {
      id: 9,
      version: 1,
      given_names: 'A',
      family_name: 'B',
      birth_date: '2000-01-01',
      sex: 'man',
      nationality: 'SY',
      languages: [],
      literacy: 'ja',
      highest_education: 'onbekend',
      bsn: null,
      v_number: null,
      permit_date: null,
      koppeling_date: null,
      housing_date: null,
      address: { street: '', house_number: '', postal_code: '', city: '', wijk: '', kern: '' },
      role: 'partner',
      family_reunification: false,
      inburgeringsplicht: 'ja',
      exemption_reason: '',
      tenant_id: 1,
      household_id: 3,
      created_at: '',
      updated_at: '',
    } as Person;
    const calls = fakeApi({
      'PUT /api/v1/tenants/1/persons/9': () =>
        problem(409, {
          code: 'version_conflict',
          message_nl: 'Iemand anders heeft dit intussen gewijzigd.',
        }),
    });
    let reloads = 0;
    renderWithI18n(
      <PersonForm household={household} person={person} onReload={() => (reloads += 1)} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(await screen.findByText('Iemand anders heeft dit intussen gewijzigd.')).toBeTruthy();
    expect(calls[0]?.body).toMatchObject({ version: 1, given_names: 'A' });
    fireEvent.click(screen.getByRole('button', { name: 'Gegevens opnieuw laden' }));
    expect(reloads).toBe(1);
  });

  it('asserts no literacy or civic-integration duty the user did not choose', async () => {
    const calls = fakeApi({
      'POST /api/v1/tenants/1/households/3/persons': () => json({ id: 1 }, 201),
    });
    renderWithI18n(<PersonForm household={household} onReload={() => {}} />);
    const literacy = screen.getByLabelText(/^Geletterdheid/) as HTMLSelectElement;
    const duty = screen.getByLabelText(/^Inburgeringsplicht/) as HTMLSelectElement;
    for (const select of [literacy, duty]) {
      expect(select.value).toBe('');
      expect(select.selectedOptions[0]?.textContent).toBe('Maak een keuze');
      expect(select.getAttribute('aria-required')).toBe('true');
    }
    expect(screen.getByLabelText('Geletterdheid (verplicht)')).toBe(literacy);
    expect(screen.getByLabelText('Inburgeringsplicht (verplicht)')).toBe(duty);

    fillRequired();
    fireEvent.change(literacy, { target: { value: '' } });
    fireEvent.change(duty, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Persoon toevoegen' }));
    expect(
      await screen.findByRole('link', { name: 'Geletterdheid: Maak een keuze.' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Inburgeringsplicht: Maak een keuze.' })).toBeTruthy();
    expect(literacy.getAttribute('aria-invalid')).toBe('true');
    expect(calls).toHaveLength(0);

    fireEvent.change(literacy, { target: { value: 'nee' } });
    fireEvent.change(duty, { target: { value: 'nee' } });
    fireEvent.click(screen.getByRole('button', { name: 'Persoon toevoegen' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toMatchObject({ literacy: 'nee', inburgeringsplicht: 'nee' });
  });

  it('reports every empty required field at once, without asking the server', async () => {
    const calls = fakeApi({});
    renderWithI18n(<PersonForm household={household} onReload={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Persoon toevoegen' }));
    expect(
      await screen.findByRole('heading', { name: 'Controleer de volgende gegevens (6)' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Voornamen: Dit veld is verplicht.' })).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('asks for an exemption reason only with an exemption', async () => {
    fakeApi({ 'POST /api/v1/tenants/1/households/3/persons': () => json({ id: 1 }, 201) });
    renderWithI18n(<PersonForm household={household} onReload={() => {}} />);
    expect(screen.queryByLabelText(/^Reden van vrijstelling/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Inburgeringsplicht/), {
      target: { value: 'vrijgesteld' },
    });
    expect(screen.getByLabelText(/^Reden van vrijstelling/)).toBeTruthy();
  });

  it('leaves fields of categories the user cannot see out of the form and the update', async () => {
    const { address, literacy, inburgeringsplicht, exemption_reason, ...visible } = makePerson();
    const person: Person = { ...visible, visible_categories: ['basis', 'werk_inkomen'] };
    const calls = fakeApi({ 'PUT /api/v1/tenants/1/persons/9': () => json(person) });
    renderWithI18n(<PersonForm household={household} person={person} onReload={() => {}} />);
    expect(
      screen.getByText(/Sommige gegevens van deze persoon zijn voor u afgeschermd/),
    ).toBeTruthy();
    expect(screen.queryByLabelText(/^Postcode/)).toBeNull();
    expect(screen.queryByLabelText(/^Geletterdheid/)).toBeNull();
    expect(screen.queryByLabelText(/^Inburgeringsplicht/)).toBeNull();
    expect((screen.getByLabelText(/^Voornamen/) as HTMLInputElement).value).toBe('Amina');
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    const body = calls[0]!.body as Record<string, unknown>;
    for (const hidden of ['address', 'literacy', 'inburgeringsplicht', 'exemption_reason']) {
      expect(body, hidden).not.toHaveProperty(hidden);
    }
    expect(body).toMatchObject({ version: 1, given_names: 'Amina', highest_education: 'mbo' });
  });
});
