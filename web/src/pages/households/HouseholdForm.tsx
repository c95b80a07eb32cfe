import { useState } from 'react';
import { createHousehold, updateHousehold } from '../../api/regie';
import type { Household, HouseholdInput, Organisation } from '../../api/types';
import { CancelLink } from '../../components/CancelLink';
import { flash } from '../../components/Flash';
import { TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { useSubmit } from '../../lib/useSubmit';
import { navigate } from '../../router/router';
import { paths } from '../../router/routes';
import { OrganisationsField } from './OrganisationsField';

const LABELS = {
  name: 'householdForm.name',
  regisseur: 'householdForm.regisseur',
  involved_organisations: 'householdForm.organisations',
} as const satisfies Record<string, MessageKey>;
const FIELDS = Object.keys(LABELS);

interface Props {
  tenantId: number;
  organisations: readonly Organisation[];
  /** The household to edit; without it the form creates one. */
  household?: Household;
  onReload: () => void;
}

export function HouseholdForm({ tenantId, organisations, household, onReload }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState<HouseholdInput>(() => ({
    name: household?.name ?? '',
    regisseur: household?.regisseur ?? '',
    involved_organisations: household?.involved_organisations.map((o) => o.id) ?? [],
  }));
  const { saving, error, submit } = useSubmit(
    () => {
      const input = { ...values, name: values.name.trim(), regisseur: values.regisseur.trim() };
      return household
        ? updateHousehold(tenantId, household.id, household.version, input)
        : createHousehold(tenantId, input);
    },
    (saved: Household) =>
      navigate(paths.household(tenantId, saved.id), {
        state: flash(household ? 'householdForm.saved' : 'householdForm.created'),
      }),
  );

  return (
    <FormShell
      fields={FIELDS}
      label={(field) => t(LABELS[field as keyof typeof LABELS])}
      submitLabel={t(household ? 'householdForm.submitEdit' : 'householdForm.submitCreate')}
      cancel={
        <CancelLink
          href={household ? paths.household(tenantId, household.id) : paths.households(tenantId)}
        />
      }
      saving={saving}
      error={error}
      onSubmit={submit}
      onReload={onReload}
    >
      <TextField
        name="name"
        label={t('householdForm.name')}
        description={t('householdForm.nameDescription')}
        required
        value={values.name}
        onChange={(name) => setValues((v) => ({ ...v, name }))}
        inputProps={{ autoComplete: 'off' }}
      />
      <TextField
        name="regisseur"
        label={t('householdForm.regisseur')}
        description={t('householdForm.regisseurDescription')}
        required
        value={values.regisseur}
        onChange={(regisseur) => setValues((v) => ({ ...v, regisseur }))}
        inputProps={{ autoComplete: 'off' }}
      />
      <OrganisationsField
        organisations={organisations}
        value={values.involved_organisations}
        onChange={(ids) => setValues((v) => ({ ...v, involved_organisations: ids }))}
      />
    </FormShell>
  );
}
