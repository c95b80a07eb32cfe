import {
  Button,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { formatDate, parseDateInput } from '../../lib/dates';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The reference date ("peildatum") of a timeline or worklist: the state of
 * the milestones on that day. Calls `onChange` with the ISO date.
 */
export function ReferenceDateForm({
  value,
  onChange,
}: {
  /** The ISO date now shown. */
  value: string;
  onChange: (iso: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(() => formatDate(value));
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const iso = parseDateInput(text);
    const ok = iso !== null && ISO_DATE.test(iso);
    setInvalid(!ok);
    if (ok) onChange(iso);
  };
  return (
    <form className="regie-reference-date" onSubmit={submit} noValidate>
      <FormField
        type="text"
        invalid={invalid}
        label={<FormLabel htmlFor={id}>{t('milestones.on')}</FormLabel>}
        description={
          <FormFieldDescription id={`${id}-uitleg`}>{t('form.dateFormat')}</FormFieldDescription>
        }
      >
        {invalid ? (
          <FormFieldErrorMessage id={`${id}-fout`}>
            <Paragraph>{t('milestones.onInvalid')}</Paragraph>
          </FormFieldErrorMessage>
        ) : null}
        <div className="utrecht-form-field__input regie-reference-date__row">
          <Textbox
            id={id}
            value={text}
            invalid={invalid}
            inputMode="numeric"
            autoComplete="off"
            className="regie-input-medium"
            aria-describedby={invalid ? `${id}-fout ${id}-uitleg` : `${id}-uitleg`}
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="submit" appearance="secondary-action-button">
            {t('milestones.onApply')}
          </Button>
        </div>
      </FormField>
    </form>
  );
}
