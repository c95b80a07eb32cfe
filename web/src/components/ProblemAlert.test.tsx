import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { FieldError } from '../api/types';
import { renderWithI18n } from '../test/render';
import { ProblemAlert } from './ProblemAlert';

function fe(field: string, nl: string, en: string, code = 'required'): FieldError {
  return { field, code, message_nl: nl, message_en: en };
}

function refused(errors: FieldError[]): ApiError {
  return new ApiError(422, 'validation_failed', {
    type: 'urn:regie:problem:validation_failed',
    title: 'validation_failed',
    status: 422,
    code: 'validation_failed',
    message_nl: 'Niet alle gegevens zijn goed ingevuld. Bekijk de velden met een melding.',
    message_en: 'Not all data is filled in correctly. Check the fields with a message.',
    errors,
  });
}

const ERRORS = [
  fe('participants', 'Dit veld is verplicht.', 'This field is required.'),
  fe('health_screening/done', 'Dit veld is verplicht.', 'This field is required.'),
  fe('health_screening/done', 'Dit veld is verplicht.', 'This field is required.'),
  fe('version', 'Geen geldig getal.', 'Not a valid number.', 'invalid_number'),
];
const LABELS: Record<string, string> = {
  participants: 'Deelnemers',
  'health_screening/done': 'Gezondheidsscreening gedaan',
};

describe('ProblemAlert', () => {
  it("lists each field error with the field's name, once, in Dutch", () => {
    renderWithI18n(<ProblemAlert error={refused(ERRORS)} label={(f) => LABELS[f]} />);
    const alert = screen
      .getByText(/Niet alle gegevens zijn goed ingevuld/)
      .closest('.regie-problem')!;
    const items = within(alert as HTMLElement)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Deelnemers: Dit veld is verplicht.',
      'Gezondheidsscreening gedaan: Dit veld is verplicht.',
      // A path the caller has no name for is shown as such.
      'Geen geldig getal. (version)',
    ]);
  });

  it('lists them in English when the UI is in English', () => {
    window.localStorage.setItem('regie.lang', 'en');
    renderWithI18n(
      <ProblemAlert error={refused(ERRORS.slice(0, 1))} label={() => 'Participants'} />,
    );
    expect(screen.getByText('Participants: This field is required.')).toBeTruthy();
  });

  it('leaves out the errors a form on the page shows at its fields', () => {
    renderWithI18n(
      <ProblemAlert
        error={refused([
          fe('from', 'Geen geldige datum.', 'Not a valid date.', 'invalid_date'),
          fe('cursor', 'Ongeldige cursor.', 'Invalid cursor.', 'invalid'),
        ])}
        shownFields={['from', 'to']}
      />,
    );
    expect(screen.queryByText(/Geen geldige datum/)).toBeNull();
    expect(screen.getByText('Ongeldige cursor. (cursor)')).toBeTruthy();
  });

  it('shows no list without field errors', () => {
    renderWithI18n(<ProblemAlert error={refused([])} />);
    expect(screen.queryByRole('list')).toBeNull();
  });
});
