import type { Organisation } from '../../api/types';
import { CheckboxGroupField } from '../../components/form/CheckboxGroupField';
import { useI18n } from '../../i18n/i18n';
import { enumLabel } from '../../lib/enumLabel';

/** The organisations involved with a household, as a group of checkboxes. */
export function OrganisationsField({
  organisations,
  value,
  onChange,
}: {
  organisations: readonly Organisation[];
  value: readonly number[];
  onChange: (ids: number[]) => void;
}) {
  const { t } = useI18n();
  return (
    <CheckboxGroupField
      name="involved_organisations"
      legend={t('householdForm.organisations')}
      description={t('householdForm.organisationsDescription')}
      empty={t('householdForm.noOrganisations')}
      options={organisations.map((o) => ({
        value: o.id,
        label: (
          <>
            {o.name}{' '}
            <span className="regie-muted">({enumLabel(t, 'organisationKind', o.kind)})</span>
          </>
        ),
      }))}
      value={value}
      onChange={onChange}
    />
  );
}
