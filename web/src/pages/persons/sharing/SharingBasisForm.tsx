import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { createSharingBasis } from '../../../api/access';
import { CATEGORIES, LEGAL_BASES } from '../../../api/types';
import type { Category, Organisation, SharingBasis } from '../../../api/types';
import { CheckboxGroupField } from '../../../components/form/CheckboxGroupField';
import { SelectField, TextareaField, TextField } from '../../../components/form/fields';
import { FormShell } from '../../../components/form/FormShell';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/translate';
import { clientValidation } from '../../../lib/clientProblem';
import { enumLabel, enumOptions } from '../../../lib/enumLabel';
import {
  emptySharingForm,
  formToSharingInput,
  needsConsentText,
  SHARING_FIELDS,
  sharingFormErrors,
} from '../../../lib/sharingForm';
import type { SharingFormValues } from '../../../lib/sharingForm';
import { useSubmit } from '../../../lib/useSubmit';

const LABELS: Record<(typeof SHARING_FIELDS)[number], MessageKey> = {
  organisation_id: 'sharing.organisation',
  categories: 'sharing.categories',
  purpose: 'sharing.purpose',
  legal_basis: 'sharing.legalBasis',
  given: 'sharing.given',
  expires: 'sharing.expires',
  consent_text: 'sharing.consentText',
};

const DATE_INPUT = {
  inputMode: 'numeric',
  autoComplete: 'off',
  className: 'regie-input-medium',
} as const;

interface Props {
  tenantId: number;
  personId: number;
  organisations: readonly Organisation[];
  onSaved: (basis: SharingBasis) => void;
  onCancel: () => void;
}

/** "Grondslag vastleggen": which organisation may see which categories of this person, why, until when. */
export function SharingBasisForm({ tenantId, personId, organisations, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState<SharingFormValues>(() => emptySharingForm());
  const set =
    <K extends keyof SharingFormValues>(key: K) =>
    (value: SharingFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const { saving, error, submit } = useSubmit(async () => {
    const invalid = clientValidation(sharingFormErrors(values));
    if (invalid) throw invalid;
    return createSharingBasis(tenantId, personId, formToSharingInput(values));
  }, onSaved);

  const organisationOptions = [
    { value: '', label: t('form.choose') },
    ...organisations.map((o) => ({
      value: String(o.id),
      label: `${o.name} (${enumLabel(t, 'organisationKind', o.kind)}${o.regional ? `, ${t('sharing.regional')}` : ''})`,
    })),
  ];

  return (
    <FormShell
      fields={SHARING_FIELDS}
      label={(field) => t(LABELS[field as keyof typeof LABELS])}
      submitLabel={t('sharing.submit')}
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
        name="organisation_id"
        label={t('sharing.organisation')}
        description={t('sharing.organisationDescription')}
        required
        value={values.organisation_id}
        options={organisationOptions}
        onChange={set('organisation_id')}
      />
      <CheckboxGroupField<Category>
        name="categories"
        legend={t('sharing.categories')}
        description={t('sharing.categoriesDescription')}
        required
        requiredText={t('form.required')}
        empty=""
        options={CATEGORIES.map((c) => ({ value: c, label: enumLabel(t, 'category', c) }))}
        value={values.categories}
        onChange={set('categories')}
      />
      <TextareaField
        name="purpose"
        label={t('sharing.purpose')}
        description={t('sharing.purposeDescription')}
        required
        value={values.purpose}
        onChange={set('purpose')}
      />
      <SelectField
        name="legal_basis"
        label={t('sharing.legalBasis')}
        required
        value={values.legal_basis}
        options={[
          { value: '', label: t('form.choose') },
          ...enumOptions(t, 'legalBasis', LEGAL_BASES),
        ]}
        onChange={(v) => set('legal_basis')(v as SharingFormValues['legal_basis'])}
      />
      <TextField
        name="given"
        label={t('sharing.given')}
        description={t('form.dateFormat')}
        required
        value={values.given}
        onChange={set('given')}
        inputProps={DATE_INPUT}
      />
      <TextField
        name="expires"
        label={t('sharing.expires')}
        description={`${t('sharing.expiresDescription')} ${t('form.dateFormat')}`}
        value={values.expires}
        onChange={set('expires')}
        inputProps={DATE_INPUT}
      />
      {needsConsentText(values) ? (
        <TextareaField
          name="consent_text"
          label={t('sharing.consentText')}
          description={t('sharing.consentTextDescription')}
          required
          value={values.consent_text}
          onChange={set('consent_text')}
        />
      ) : null}
    </FormShell>
  );
}
