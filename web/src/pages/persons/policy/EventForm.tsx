import { Button } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { recordPersonEvent } from '../../../api/policy';
import type { PersonEvent } from '../../../api/policyTypes';
import { SelectField, TextareaField, TextField } from '../../../components/form/fields';
import { FormShell } from '../../../components/form/FormShell';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/translate';
import { clientValidation } from '../../../lib/clientProblem';
import {
  chosenOption,
  emptyEventForm,
  EVENT_FIELDS,
  eventErrorsFor,
  eventFormErrors,
  formToEventInput,
  OTHER_EVENT,
} from '../../../lib/eventForm';
import type { EventFormValues, EventOption } from '../../../lib/eventForm';
import { localText } from '../../../lib/milestones';
import { useSubmit } from '../../../lib/useSubmit';

const LABELS: Record<(typeof EVENT_FIELDS)[number], MessageKey> = {
  event: 'events.field.event',
  event_other: 'events.field.other',
  date: 'events.field.date',
  value: 'events.field.value',
  code: 'events.field.code',
  reason: 'events.field.reason',
};

const SHORT_INPUT = {
  inputMode: 'numeric',
  autoComplete: 'off',
  className: 'regie-input-medium',
} as const;

interface Props {
  tenantId: number;
  personId: number;
  /** The events the active packs let one record; empty when they could not be loaded. */
  options: readonly EventOption[];
  onSaved: (event: PersonEvent) => void;
  onCancel: () => void;
}

/** "Gebeurtenis vastleggen": what happened on which day, checked by the server against the packs. */
export function EventForm({ tenantId, personId, options, onSaved, onCancel }: Props) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<EventFormValues>(() => emptyEventForm());
  const set =
    <K extends keyof EventFormValues>(key: K) =>
    (value: EventFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const option = chosenOption(values, options);
  const { saving, error, submit } = useSubmit(async () => {
    const invalid = clientValidation(eventFormErrors(values, option));
    if (invalid) throw invalid;
    return recordPersonEvent(tenantId, personId, formToEventInput(values, option));
  }, onSaved);
  const mapErrors = useMemo(() => eventErrorsFor({ choice: values.choice }), [values.choice]);

  const eventOptions = [
    { value: '', label: t('form.choose') },
    ...[...options]
      .map((o) => ({ value: o.id, label: localText(o.label, lang) || o.id }))
      .sort((a, b) => a.label.localeCompare(b.label, lang)),
    { value: OTHER_EVENT, label: t('events.otherOption') },
  ];
  const unit = option?.unit ? t('events.unit', { unit: option.unit.replace(/_/g, ' ') }) : '';

  return (
    <FormShell
      idScope="event"
      fields={EVENT_FIELDS}
      label={(field) => t(LABELS[field as keyof typeof LABELS])}
      submitLabel={t('events.submit')}
      cancel={
        <Button appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
      saving={saving}
      error={error}
      onSubmit={submit}
      mapErrors={mapErrors}
    >
      <SelectField
        name="event"
        label={t('events.field.event')}
        description={options.length > 0 ? t('events.eventDescription') : t('events.noOptions')}
        required
        value={values.choice}
        options={eventOptions}
        onChange={(choice) => setValues((v) => ({ ...v, choice, value: '', code: '' }))}
      />
      {values.choice === OTHER_EVENT ? (
        <TextField
          name="event_other"
          label={t('events.field.other')}
          description={t('events.otherDescription')}
          required
          value={values.other}
          onChange={set('other')}
          inputProps={{ autoComplete: 'off' }}
        />
      ) : null}
      <TextField
        name="date"
        label={t('events.field.date')}
        description={t('form.dateFormat')}
        required
        value={values.date}
        onChange={set('date')}
        inputProps={SHORT_INPUT}
      />
      {option?.value === 'integer' ? (
        <TextField
          name="value"
          label={t('events.field.value')}
          description={unit || undefined}
          required
          value={values.value}
          onChange={set('value')}
          inputProps={SHORT_INPUT}
        />
      ) : null}
      {option?.value === 'code' ? (
        <SelectField
          name="code"
          label={t('events.field.code')}
          required
          value={values.code}
          options={[
            { value: '', label: t('form.choose') },
            ...option.codes.map((c) => ({
              value: c.code,
              label: `${c.code}: ${localText(c.label, lang)}`,
            })),
          ]}
          onChange={set('code')}
        />
      ) : null}
      <TextareaField
        name="reason"
        label={t('events.field.reason')}
        description={
          option?.requiresReason ? t('events.reasonRequired') : t('events.reasonDescription')
        }
        required={option?.requiresReason ?? false}
        value={values.reason}
        onChange={set('reason')}
      />
    </FormShell>
  );
}
