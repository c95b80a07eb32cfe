import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Paragraph,
} from '@utrecht/component-library-react';
import type { Organisation } from '../../api/types';
import { FieldErrorMessage } from '../../components/form/fields';
import { useFieldErrors } from '../../components/form/FormErrors';
import { useI18n } from '../../i18n/i18n';
import { enumLabel } from '../../lib/enumLabel';
import { fieldId } from '../../lib/fieldErrors';

const NAME = 'involved_organisations';

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
  const errors = useFieldErrors(NAME);
  const baseId = fieldId(NAME);
  const descriptionId = `${baseId}-uitleg`;
  const errorId = `${baseId}-fout`;
  const invalid = errors.length > 0;
  const toggle = (id: number, checked: boolean) =>
    onChange(checked ? [...value, id] : value.filter((v) => v !== id));

  return (
    <Fieldset
      invalid={invalid}
      aria-describedby={[invalid ? errorId : null, descriptionId].filter(Boolean).join(' ')}
    >
      <FieldsetLegend>{t('householdForm.organisations')}</FieldsetLegend>
      <FormFieldDescription id={descriptionId}>
        {t('householdForm.organisationsDescription')}
      </FormFieldDescription>
      {invalid ? <FieldErrorMessage id={errorId} errors={errors} /> : null}
      {organisations.length === 0 ? (
        <Paragraph>{t('householdForm.noOrganisations')}</Paragraph>
      ) : null}
      {organisations.map((o, index) => {
        // The first checkbox carries the field's id, so the error summary can link to the group.
        const id = index === 0 ? baseId : `${baseId}-${o.id}`;
        return (
          <FormField
            key={o.id}
            type="checkbox"
            label={
              <FormLabel htmlFor={id} type="checkbox">
                {o.name}{' '}
                <span className="regie-muted">({enumLabel(t, 'organisationKind', o.kind)})</span>
              </FormLabel>
            }
            input={
              <Checkbox
                id={id}
                name={NAME}
                value={String(o.id)}
                checked={value.includes(o.id)}
                invalid={invalid}
                onChange={(e) => toggle(o.id, e.target.checked)}
              />
            }
          />
        );
      })}
    </Fieldset>
  );
}
