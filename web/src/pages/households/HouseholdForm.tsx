import { useState } from 'react';
import { createHousehold, updateHousehold } from '../../api/regie';
import type { Household, HouseholdInput, Organisation, User } from '../../api/types';
import { CancelLink } from '../../components/CancelLink';
import { flash } from '../../components/Flash';
import { SelectField, TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { useSubmit } from '../../lib/useSubmit';
import { navigate } from '../../router/router';
import { paths } from '../../router/routes';
import { OrganisationsField } from './OrganisationsField';

const LABELS = {
  name: 'householdForm.name',
  regisseur_user_id: 'householdForm.regisseur',
  involved_organisations: 'householdForm.organisations',
} as const satisfies Record<string, MessageKey>;
const FIELDS = Object.keys(LABELS);

interface Props {
  tenantId: number;
  organisations: readonly Organisation[];
  /** Users with the role regisseur, to choose the household's regisseur from. */
  regisseurs: readonly User[];
  /** The household to edit; without it the form creates one. */
  household?: Household;
  /** Preselected regisseur of a new household (the user, when a regisseur). */
  defaultRegisseur?: number;
  onReload: () => void;
}

interface Values {
  name: string;
  regisseur: string;
  involved_organisations: number[];
}

export function toHouseholdInput(values: Values): HouseholdInput {
  const regisseur = Number(values.regisseur);
  return {
    name: values.name.trim(),
    ...(regisseur > 0 ? { regisseur_user_id: regisseur } : {}),
    involved_organisations: values.involved_organisations,
  };
}

export function HouseholdForm(props: Props) {
  const { tenantId, organisations, regisseurs, household, defaultRegisseur, onReload } = props;
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(() => ({
    name: household?.name ?? '',
    regisseur: String(household?.regisseur?.id ?? defaultRegisseur ?? ''),
    involved_organisations: household?.involved_organisations.map((o) => o.id) ?? [],
  }));
  const { saving, error, submit } = useSubmit(
    () => {
      const input = toHouseholdInput(values);
      return household
        ? updateHousehold(tenantId, household.id, household.version, input)
        : createHousehold(tenantId, input);
    },
    (saved: Household) =>
      navigate(paths.household(tenantId, saved.id), {
        state: flash(household ? 'householdForm.saved' : 'householdForm.created'),
      }),
  );
  // The current regisseur stays choosable even if they lost the role meanwhile.
  const current = household?.regisseur;
  const options = [
    { value: '', label: t('form.choose') },
    ...regisseurs.map((u) => ({ value: String(u.id), label: u.display_name })),
    ...(current && !regisseurs.some((u) => u.id === current.id)
      ? [{ value: String(current.id), label: current.display_name }]
      : []),
  ];

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
      <SelectField
        name="regisseur_user_id"
        label={t('householdForm.regisseur')}
        description={t('householdForm.regisseurDescription')}
        required
        value={values.regisseur}
        options={options}
        onChange={(regisseur) => setValues((v) => ({ ...v, regisseur }))}
      />
      <OrganisationsField
        organisations={organisations}
        value={values.involved_organisations}
        onChange={(ids) => setValues((v) => ({ ...v, involved_organisations: ids }))}
      />
    </FormShell>
  );
}
