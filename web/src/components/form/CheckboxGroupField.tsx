import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { FieldErrorMessage } from './fields';
import { useFieldErrors, useFieldId } from './FormErrors';

export interface CheckboxOption<V extends string | number> {
  value: V;
  label: ReactNode;
}

interface Props<V extends string | number> {
  /** The API field path, for the server's errors ("categories", "begeleiders"). */
  name: string;
  legend: string;
  description?: string;
  required?: boolean;
  requiredText?: string;
  /** Shown instead of checkboxes when there are none to choose from. */
  empty: string;
  options: readonly CheckboxOption<V>[];
  value: readonly V[];
  onChange: (value: V[]) => void;
}

/**
 * A group of checkboxes for a list value. The first checkbox carries the
 * field's id, so the error summary can link to the group.
 */
export function CheckboxGroupField<V extends string | number>(props: Props<V>) {
  const { name, legend, description, required, requiredText, empty, options, value, onChange } =
    props;
  const errors = useFieldErrors(name);
  const fieldId = useFieldId();
  const baseId = fieldId(name);
  const descriptionId = `${baseId}-uitleg`;
  const errorId = `${baseId}-fout`;
  const invalid = errors.length > 0;
  const describedBy =
    [invalid ? errorId : null, description ? descriptionId : null].filter(Boolean).join(' ') ||
    undefined;
  const toggle = (v: V, checked: boolean) =>
    onChange(checked ? [...value, v] : value.filter((x) => x !== v));

  return (
    <Fieldset invalid={invalid} aria-describedby={describedBy} className="regie-checkbox-group">
      <FieldsetLegend>
        {legend}
        {required && requiredText ? <span className="regie-required"> {requiredText}</span> : null}
      </FieldsetLegend>
      {description ? (
        <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>
      ) : null}
      {invalid ? <FieldErrorMessage id={errorId} errors={errors} /> : null}
      {options.length === 0 ? <Paragraph>{empty}</Paragraph> : null}
      {options.map((o, index) => {
        const id = index === 0 ? baseId : `${baseId}-${String(o.value)}`;
        return (
          <FormField
            key={String(o.value)}
            type="checkbox"
            label={
              <FormLabel htmlFor={id} type="checkbox">
                {o.label}
              </FormLabel>
            }
            input={
              <Checkbox
                id={id}
                name={name}
                value={String(o.value)}
                checked={value.includes(o.value)}
                invalid={invalid}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
            }
          />
        );
      })}
    </Fieldset>
  );
}
