import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { recordAgreement } from '../../api/plan';
import type { PlanAgreement } from '../../api/plan';
import type { Person } from '../../api/types';
import { CheckboxGroupField } from '../../components/form/CheckboxGroupField';
import { CheckboxField, TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import { formatDate, parseDateInput, todayIso } from '../../lib/dates';
import { personName } from '../../lib/personName';
import { useSubmit } from '../../lib/useSubmit';

const FIELDS = ['plan_version', 'date', 'interpreter', 'language', 'signed_by'] as const;

/** Adults on `on` (ISO): who may sign the plan. */
export function adults(persons: readonly Person[], on: string): Person[] {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return persons.filter((p) => {
    if (!p.birth_date) return false;
    const [by, bm, bd] = p.birth_date.split('-').map(Number) as [number, number, number];
    const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
    return age >= 18;
  });
}

/** "Instemming vastleggen": the client agreed with the current version. */
export function PlanAgreementForm({
  tenantId,
  householdId,
  version,
  persons,
  onSaved,
  onCancel,
}: {
  tenantId: number;
  householdId: number;
  version: number;
  persons: readonly Person[];
  onSaved: (a: PlanAgreement) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState(() => formatDate(todayIso()));
  const [interpreter, setInterpreter] = useState(false);
  const [language, setLanguage] = useState('');
  const [signedBy, setSignedBy] = useState<number[]>([]);
  const { saving, error, submit } = useSubmit(() => {
    const iso = parseDateInput(date.trim());
    return recordAgreement(tenantId, householdId, {
      plan_version: version,
      ...(date.trim() ? { date: iso ?? date.trim() } : {}),
      interpreter,
      language: language.trim() ? language.trim().toLowerCase() : null,
      signed_by: [...signedBy].sort((a, b) => a - b),
    });
  }, onSaved);
  const signers = adults(persons, parseDateInput(date.trim()) ?? todayIso());
  return (
    <FormShell
      fields={FIELDS}
      label={(f) => t(`plan.agreement.field.${f as (typeof FIELDS)[number]}`)}
      submitLabel={t('plan.agreement.submit')}
      saving={saving}
      error={error}
      onSubmit={submit}
      cancel={
        <Button appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
    >
      <TextField
        name="date"
        label={t('plan.agreement.field.date')}
        description={t('form.dateFormat')}
        required
        value={date}
        onChange={setDate}
        inputProps={{ inputMode: 'numeric', autoComplete: 'off', className: 'regie-input-medium' }}
      />
      <CheckboxField
        name="interpreter"
        label={t('plan.agreement.field.interpreter')}
        checked={interpreter}
        onChange={setInterpreter}
      />
      <TextField
        name="language"
        label={t('plan.agreement.field.language')}
        value={language}
        onChange={setLanguage}
        inputProps={{ autoComplete: 'off', className: 'regie-input-medium' }}
      />
      <CheckboxGroupField
        name="signed_by"
        legend={t('plan.agreement.field.signed_by')}
        empty={t('plan.agreement.noAdults')}
        options={signers.map((p) => ({ value: p.id, label: personName(t, p) }))}
        value={signedBy}
        onChange={setSignedBy}
      />
    </FormShell>
  );
}
