import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { CheckboxField, SelectField, TextareaField, TextField } from '../../components/form/fields';
import { useI18n } from '../../i18n/i18n';
import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { enumOptions } from '../../lib/enumLabel';
import type { PersonField, PersonFormValues } from '../../lib/personForm';
import { PERSON_SECTIONS } from './personFormSections';
import type { FieldSpec } from './personFormSections';

const DATE_INPUT = {
  inputMode: 'numeric',
  autoComplete: 'off',
  className: 'regie-input-medium',
} as const;

function dotted(name: string): string {
  return name.replace('/', '.');
}

/** Label of a person field: `personForm.fields.<path with dots>`. */
export function personFieldLabel(t: Translate, name: string): string {
  return t(`personForm.fields.${dotted(name)}` as MessageKey);
}

function description(t: Translate, spec: FieldSpec): string | undefined {
  const parts: string[] = [];
  if (spec.described) parts.push(t(`personForm.descriptions.${dotted(spec.name)}` as MessageKey));
  if (spec.kind === 'date') parts.push(t('form.dateFormat'));
  return parts.length ? parts.join(' ') : undefined;
}

interface Props {
  values: PersonFormValues;
  onChange: (name: PersonField, value: string | boolean) => void;
}

function Field({ spec, values, onChange }: Props & { spec: FieldSpec }) {
  const { t } = useI18n();
  const { name, kind } = spec;
  const common = {
    name,
    label: personFieldLabel(t, name),
    required: spec.required,
    description: description(t, spec),
  };
  const value = values[name];
  if (kind === 'checkbox') {
    return (
      <CheckboxField {...common} checked={value === true} onChange={(v) => onChange(name, v)} />
    );
  }
  const text = typeof value === 'string' ? value : '';
  const set = (v: string) => onChange(name, v);
  if (kind === 'select' && spec.options) {
    const options = enumOptions(t, spec.options.group, spec.options.codes);
    const all = spec.options.placeholder
      ? [{ value: '', label: t('form.choose') }, ...options]
      : options;
    return <SelectField {...common} value={text} onChange={set} options={all} />;
  }
  if (kind === 'textarea') return <TextareaField {...common} value={text} onChange={set} />;
  const input = kind === 'date' ? DATE_INPUT : spec.input;
  return <TextField {...common} value={text} onChange={set} inputProps={input} />;
}

const NOTHING_HIDDEN: ReadonlySet<PersonField> = new Set();

/**
 * Every field of PersonInput, grouped in fieldsets; fields the user may not
 * see (`hidden`) are left out, and so is a fieldset left empty by that.
 */
export function PersonFields({
  values,
  onChange,
  hidden = NOTHING_HIDDEN,
}: Props & { hidden?: ReadonlySet<PersonField> }) {
  const { t } = useI18n();
  return (
    <>
      {PERSON_SECTIONS.map((section) => {
        const fields = section.fields.filter(
          (spec) => !hidden.has(spec.name) && (!spec.when || spec.when(values)),
        );
        if (fields.length === 0) return null;
        return (
          <Fieldset key={section.id} className="regie-fieldset">
            <FieldsetLegend>{t(`personForm.sections.${section.id}`)}</FieldsetLegend>
            {fields.map((spec) => (
              <Field key={spec.name} spec={spec} values={values} onChange={onChange} />
            ))}
          </Fieldset>
        );
      })}
    </>
  );
}
