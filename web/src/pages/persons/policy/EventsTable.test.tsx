import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PersonEvent } from '../../../api/policyTypes';
import { renderWithI18n } from '../../../test/render';
import { EventsTable } from './EventsTable';

const EVENT: PersonEvent = {
  id: 31,
  person_id: 9,
  event: 'buren_kennismaking',
  label: { nl: 'Kennismaking met de buren', en: 'Meeting the neighbours' },
  known: true,
  date: '2024-02-02',
  value: null,
  code: null,
  code_label: null,
  reason: '',
  recorded_by: { id: 7, display_name: 'R. de Vries' },
  recorded_at: '2024-02-03T09:00:00Z',
  voided: false,
  voided_at: null,
  void_reason: '',
};

describe('EventsTable', () => {
  it('names an event by its label only, with the code on hover', () => {
    renderWithI18n(<EventsTable events={[EVENT]} labelledBy="x" />);
    const header = screen.getByRole('rowheader');
    expect(header.textContent).toBe('Kennismaking met de buren');
    expect(screen.getByText('Kennismaking met de buren').getAttribute('title')).toBe(
      'buren_kennismaking',
    );
  });

  it('names an event no pack knows by its code', () => {
    renderWithI18n(
      <EventsTable events={[{ ...EVENT, label: null, known: false }]} labelledBy="x" />,
    );
    expect(screen.getByRole('rowheader').textContent).toMatch(/^buren_kennismaking/);
  });
});
