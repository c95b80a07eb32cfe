import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { CONTACT_TYPES, recordContact } from '../../api/contacts';
import type { Contact } from '../../api/contacts';
import type { Person } from '../../api/types';
import { CheckboxGroupField } from '../../components/form/CheckboxGroupField';
import { CheckboxField, SelectField, TextareaField, TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { clientValidation } from '../../lib/clientProblem';
import {
  CONTACT_FIELDS,
  contactFormErrors,
  emptyContactForm,
  formToContactInput,
} from '../../lib/contactForm';
import type { ContactFormValues } from '../../lib/contactForm';
import { personName } from '../../lib/personName';
import { useSubmit } from '../../lib/useSubmit';

const LABELS: Record<(typeof CONTACT_FIELDS)[number], MessageKey> = {
  date: 'contacts.field.date',
  type: 'contacts.field.type',
  participants: 'contacts.field.participants',
  interpreter: 'contacts.field.interpreter',
  interpreter_language: 'contacts.field.interpreterLanguage',
  person_ids: 'contacts.field.persons',
  note: 'contacts.field.note',
};

interface Props {
  tenantId: number;
  householdId: number;
  persons: readonly Person[];
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
}

/** "Contactmoment vastleggen": when, how and with whom; the server records the cadence events. */
export function ContactForm({ tenantId, householdId, persons, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState<ContactFormValues>(() => emptyContactForm());
  const set =
    <K extends keyof ContactFormValues>(key: K) =>
    (value: ContactFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const { saving, error, submit } = useSubmit(async () => {
    const invalid = clientValidation(contactFormErrors(values));
    if (invalid) throw invalid;
    return recordContact(tenantId, householdId, formToContactInput(values));
  }, onSaved);

  return (
    <FormShell
      idScope="contact"
      fields={CONTACT_FIELDS}
      label={(field) => t(LABELS[field as keyof typeof LABELS])}
      submitLabel={t('contacts.submit')}
      cancel={
        <Button appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
      saving={saving}
      error={error}
      onSubmit={submit}
    >
      <TextField
        name="date"
        label={t('contacts.field.date')}
        description={t('form.dateFormat')}
        required
        value={values.date}
        onChange={set('date')}
        inputProps={{ inputMode: 'numeric', autoComplete: 'off', className: 'regie-input-medium' }}
      />
      <SelectField
        name="type"
        label={t('contacts.field.type')}
        required
        value={values.type}
        options={[
          { value: '', label: t('form.choose') },
          ...CONTACT_TYPES.map((c) => ({ value: c, label: t(`contacts.type.${c}`) })),
        ]}
        onChange={set('type')}
      />
      <TextField
        name="participants"
        label={t('contacts.field.participants')}
        description={t('contacts.participantsDescription')}
        value={values.participants}
        onChange={set('participants')}
        inputProps={{ autoComplete: 'off' }}
      />
      <CheckboxField
        name="interpreter"
        label={t('contacts.field.interpreter')}
        checked={values.interpreter}
        onChange={set('interpreter')}
      />
      {values.interpreter ? (
        <TextField
          name="interpreter_language"
          label={t('contacts.field.interpreterLanguage')}
          description={t('contacts.languageDescription')}
          value={values.interpreter_language}
          onChange={set('interpreter_language')}
          inputProps={{ autoComplete: 'off', className: 'regie-input-medium' }}
        />
      ) : null}
      <CheckboxGroupField
        name="person_ids"
        legend={t('contacts.field.persons')}
        description={t('contacts.personsDescription')}
        empty={t('contacts.noPersons')}
        options={persons.map((p) => ({ value: p.id, label: personName(t, p) }))}
        value={values.person_ids}
        onChange={set('person_ids')}
      />
      <TextareaField
        name="note"
        label={t('contacts.field.note')}
        value={values.note}
        onChange={set('note')}
      />
    </FormShell>
  );
}
