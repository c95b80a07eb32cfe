// Form fields built from Utrecht components. Each field takes its name as the
// API field path ("bsn", "address/postal_code"); the server's errors for that
// path are shown with it, linked through aria-describedby and aria-invalid.
import {
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { FieldError } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { localMessage } from '../../lib/fieldErrors';
import { useFieldErrors, useFieldId } from './FormErrors';

interface FieldBase {
  name: string;
  label: string;
  description?: string;
  required?: boolean;
}

interface FieldParts {
  id: string;
  invalid: boolean;
  describedBy: string | undefined;
  label: ReactNode;
  description: ReactNode;
  errorMessage: ReactNode;
}

function useFieldParts(
  { name, label, description, required }: FieldBase,
  type?: string,
): FieldParts {
  const { t } = useI18n();
  const errors = useFieldErrors(name);
  const fieldId = useFieldId();
  const id = fieldId(name);
  const invalid = errors.length > 0;
  const descriptionId = `${id}-uitleg`;
  const errorId = `${id}-fout`;
  const describedBy =
    [invalid ? errorId : null, description ? descriptionId : null].filter(Boolean).join(' ') ||
    undefined;
  return {
    id,
    invalid,
    describedBy,
    label: (
      <FormLabel htmlFor={id} type={type === 'checkbox' ? 'checkbox' : undefined}>
        {label}
        {required ? <span className="regie-required"> {t('form.required')}</span> : null}
      </FormLabel>
    ),
    description: description ? (
      <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>
    ) : null,
    errorMessage: invalid ? <FieldErrorMessage id={errorId} errors={errors} /> : null,
  };
}

/** The server's messages for one field, in the UI language. */
export function FieldErrorMessage({ id, errors }: { id: string; errors: readonly FieldError[] }) {
  const { lang } = useI18n();
  return (
    <FormFieldErrorMessage id={id}>
      {errors.map((e) => (
        <Paragraph key={e.code}>{localMessage(e, lang)}</Paragraph>
      ))}
    </FormFieldErrorMessage>
  );
}

/** Label, description and error message above a text-like control. */
function TextLikeField({ parts, children }: { parts: FieldParts; children: ReactNode }) {
  return (
    <FormField
      invalid={parts.invalid}
      type="text"
      label={parts.label}
      description={parts.description}
    >
      {parts.errorMessage}
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name'>;

export function TextField({
  value,
  onChange,
  inputProps,
  ...base
}: FieldBase & { value: string; onChange: (value: string) => void; inputProps?: TextInputProps }) {
  const p = useFieldParts(base);
  return (
    <TextLikeField parts={p}>
      <Textbox
        {...inputProps}
        id={p.id}
        name={base.name}
        value={value}
        invalid={p.invalid}
        required={base.required}
        aria-describedby={p.describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
    </TextLikeField>
  );
}

export function TextareaField({
  value,
  onChange,
  ...base
}: FieldBase & { value: string; onChange: (value: string) => void }) {
  const p = useFieldParts(base);
  return (
    <TextLikeField parts={p}>
      <Textarea
        id={p.id}
        name={base.name}
        value={value}
        invalid={p.invalid}
        required={base.required}
        aria-describedby={p.describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
    </TextLikeField>
  );
}

interface Option {
  value: string;
  label: string;
}

export function SelectField({
  value,
  onChange,
  options,
  ...base
}: FieldBase & { value: string; onChange: (value: string) => void; options: readonly Option[] }) {
  const p = useFieldParts(base);
  return (
    <TextLikeField parts={p}>
      <Select
        id={p.id}
        name={base.name}
        value={value}
        invalid={p.invalid}
        required={base.required}
        aria-describedby={p.describedBy}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    </TextLikeField>
  );
}

export function CheckboxField({
  checked,
  onChange,
  disabled,
  ...base
}: FieldBase & { checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean }) {
  const p = useFieldParts(base, 'checkbox');
  return (
    <FormField
      invalid={p.invalid}
      type="checkbox"
      label={p.label}
      description={p.description}
      errorMessage={p.errorMessage}
      input={
        <Checkbox
          id={p.id}
          name={base.name}
          checked={checked}
          disabled={disabled}
          invalid={p.invalid}
          aria-describedby={p.describedBy}
          onChange={(e) => onChange(e.target.checked)}
        />
      }
    />
  );
}
