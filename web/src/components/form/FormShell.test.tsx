import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import type { FieldError } from '../../api/types';
import { clientValidation } from '../../lib/clientProblem';
import { renderWithI18n } from '../../test/render';
import { CheckboxGroupField } from './CheckboxGroupField';
import { CheckboxField, TextField } from './fields';
import { FormShell } from './FormShell';

const dateError: FieldError = {
  field: 'date',
  code: 'required',
  message_nl: 'Vul de datum in.',
  message_en: 'Fill in the date.',
};

/** A small form with a "date" text field and a "person_ids" checkbox group, like EventForm/ContactForm. */
function SmallForm({
  name,
  error = null,
  idScope,
}: {
  name: string;
  error?: unknown;
  idScope?: string;
}) {
  const [date, setDate] = useState('');
  const [ids, setIds] = useState<number[]>([]);
  const [urgent, setUrgent] = useState(false);
  return (
    <section aria-label={name}>
      <FormShell
        fields={['date', 'person_ids', 'urgent']}
        label={(f) => (f === 'date' ? 'Datum' : f)}
        submitLabel={`${name} opslaan`}
        saving={false}
        error={error}
        onSubmit={() => {}}
        idScope={idScope}
      >
        <TextField name="date" label="Datum" value={date} onChange={setDate} />
        <CheckboxGroupField
          name="person_ids"
          legend="Personen"
          empty=""
          options={[
            { value: 1, label: 'Amina' },
            { value: 2, label: 'Omar' },
          ]}
          value={ids}
          onChange={setIds}
        />
        <CheckboxField name="urgent" label="Urgent" checked={urgent} onChange={setUrgent} />
      </FormShell>
    </section>
  );
}

describe('FormShell field ids', () => {
  it('gives two forms with the same field names their own ids, labels and links', () => {
    renderWithI18n(
      <>
        <SmallForm name="Eerste" idScope="eerste" />
        <SmallForm name="Tweede" idScope="tweede" error={clientValidation([dateError])} />
      </>,
    );
    const first = screen.getByRole('region', { name: 'Eerste' });
    const second = screen.getByRole('region', { name: 'Tweede' });
    const ids = [first, second].map((form) => ({
      date: within(form).getByLabelText('Datum').id,
      amina: within(form).getByLabelText('Amina').id,
      omar: within(form).getByLabelText('Omar').id,
      urgent: within(form).getByLabelText('Urgent').id,
    }));
    for (const key of ['date', 'amina', 'omar', 'urgent'] as const) {
      expect(ids[0]![key]).not.toBe(ids[1]![key]);
      expect(document.querySelectorAll(`[id="${ids[0]![key]}"]`)).toHaveLength(1);
    }

    // Each label is tied to the input of its own form.
    for (const form of [first, second]) {
      for (const text of ['Datum', 'Amina', 'Urgent']) {
        const label = within(form).getByText(text, { selector: 'label' });
        const input = document.getElementById(label.getAttribute('for')!)!;
        expect(form.contains(input)).toBe(true);
      }
    }

    // Clicking a label toggles the checkbox of that form only.
    fireEvent.click(within(second).getByText('Amina', { selector: 'label' }));
    expect((within(second).getByLabelText('Amina') as HTMLInputElement).checked).toBe(true);
    expect((within(first).getByLabelText('Amina') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(within(first).getByText('Urgent', { selector: 'label' }));
    expect((within(first).getByLabelText('Urgent') as HTMLInputElement).checked).toBe(true);
    expect((within(second).getByLabelText('Urgent') as HTMLInputElement).checked).toBe(false);

    // The error summary of the second form links to its own field.
    const link = within(second).getByRole('link', { name: 'Datum: Vul de datum in.' });
    expect(link.getAttribute('href')).toBe(`#${ids[1]!.date}`);
    fireEvent.click(link);
    expect(document.activeElement).toBe(within(second).getByLabelText('Datum'));
  });
});

describe('FormShell version conflicts', () => {
  const conflict = (code: string) =>
    new ApiError(409, code, {
      type: `urn:regie:problem:${code}`,
      title: code,
      status: 409,
      code,
      message_nl: 'Iemand anders heeft dit intussen opgeslagen.',
      message_en: 'Someone else saved this in the meantime.',
    });

  function renderWith(error: unknown, onReload: () => void) {
    return renderWithI18n(
      <FormShell
        fields={['text']}
        label={() => 'Tekst'}
        submitLabel="Opslaan"
        saving={false}
        error={error}
        onSubmit={() => {}}
        onReload={onReload}
      >
        <TextField name="text" label="Tekst" value="" onChange={() => {}} />
      </FormShell>,
    );
  }

  it.each(['version_conflict', 'intake_version_conflict', 'plan_version_conflict'])(
    'offers to load the data again after a 409 %s',
    (code) => {
      const onReload = vi.fn();
      renderWith(conflict(code), onReload);
      expect(screen.getByText('Iemand anders heeft dit intussen opgeslagen.')).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Gegevens opnieuw laden' }));
      expect(onReload).toHaveBeenCalledTimes(1);
    },
  );

  it('offers no reload for other refusals', () => {
    renderWith(
      new ApiError(409, 'intake_finalised', {
        type: 'urn:regie:problem:intake_finalised',
        title: 'intake_finalised',
        status: 409,
        code: 'intake_finalised',
        message_nl: 'De intake is afgerond.',
        message_en: 'The intake is finalised.',
      }),
      () => {},
    );
    expect(screen.getByText('De intake is afgerond.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Gegevens opnieuw laden' })).toBeNull();
  });
});
