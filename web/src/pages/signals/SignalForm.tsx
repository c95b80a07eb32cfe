import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Organisation, Person } from '../../api/types';
import { fileSignal, SIGNAL_CATEGORIES, SIGNAL_URGENCIES } from '../../api/signals';
import type { Signal } from '../../api/signals';
import { CheckboxGroupField } from '../../components/form/CheckboxGroupField';
import { SelectField, TextareaField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { clientFieldError, clientValidation } from '../../lib/clientProblem';
import { personName } from '../../lib/personName';
import { useSubmit } from '../../lib/useSubmit';

const FIELDS = ['category', 'urgency', 'description', 'person_ids', 'organisation_id'] as const;
const LABELS: Record<(typeof FIELDS)[number], MessageKey> = {
  category: 'signals.field.category',
  urgency: 'signals.field.urgency',
  description: 'signals.field.description',
  person_ids: 'signals.field.persons',
  organisation_id: 'signals.field.organisation',
};

interface Props {
  tenantId: number;
  householdId: number;
  persons: readonly Person[];
  /** Only the regisseur may route a signal to an organisation of their choice. */
  organisations: readonly Organisation[] | null;
  onSaved: (signal: Signal) => void;
  onCancel: () => void;
}

/** "Signaal indienen": what worries the reporter, how urgent, about whom. */
export function SignalForm({
  tenantId,
  householdId,
  persons,
  organisations,
  onSaved,
  onCancel,
}: Props) {
  const { t } = useI18n();
  const [category, setCategory] = useState('');
  const [urgency, setUrgency] = useState('normaal');
  const [description, setDescription] = useState('');
  const [personIds, setPersonIds] = useState<number[]>([]);
  const [organisation, setOrganisation] = useState('');
  const { saving, error, submit } = useSubmit(async () => {
    const errors = [
      ...(category ? [] : [clientFieldError('category', 'required', 'signals.errors.category')]),
      ...(urgency ? [] : [clientFieldError('urgency', 'required', 'signals.errors.urgency')]),
      ...(description.trim()
        ? []
        : [clientFieldError('description', 'required', 'signals.errors.description')]),
    ];
    const invalid = clientValidation(errors);
    if (invalid) throw invalid;
    return fileSignal(tenantId, householdId, {
      category,
      urgency,
      description,
      person_ids: personIds,
      ...(organisation ? { organisation_id: Number(organisation) } : {}),
    });
  }, onSaved);

  return (
    <FormShell
      idScope="signal"
      fields={FIELDS}
      label={(field) => t(LABELS[field as keyof typeof LABELS])}
      submitLabel={t('signals.submit')}
      cancel={
        <Button appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
      saving={saving}
      error={error}
      onSubmit={submit}
    >
      <SelectField
        name="category"
        label={t('signals.field.category')}
        required
        value={category}
        options={[
          { value: '', label: t('form.choose') },
          ...SIGNAL_CATEGORIES.map((c) => ({ value: c, label: t(`signals.category.${c}`) })),
        ]}
        onChange={setCategory}
      />
      <SelectField
        name="urgency"
        label={t('signals.field.urgency')}
        description={t('signals.urgencyDescription')}
        required
        value={urgency}
        options={SIGNAL_URGENCIES.map((u) => ({ value: u, label: t(`signals.urgency.${u}`) }))}
        onChange={setUrgency}
      />
      <TextareaField
        name="description"
        label={t('signals.field.description')}
        required
        value={description}
        onChange={setDescription}
      />
      <CheckboxGroupField
        name="person_ids"
        legend={t('signals.field.persons')}
        description={t('signals.personsDescription')}
        empty={t('contacts.noPersons')}
        options={persons.map((p) => ({ value: p.id, label: personName(t, p) }))}
        value={personIds}
        onChange={setPersonIds}
      />
      {organisations ? (
        <SelectField
          name="organisation_id"
          label={t('signals.field.organisation')}
          value={organisation}
          options={[
            { value: '', label: t('signals.organisationDefault') },
            ...organisations.map((o) => ({ value: String(o.id), label: o.name })),
          ]}
          onChange={setOrganisation}
        />
      ) : null}
    </FormShell>
  );
}
