import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { SelectField, TextField, FieldErrorMessage } from '../../components/form/fields';
import { useFieldErrors, useFieldId } from '../../components/form/FormErrors';
import { useI18n } from '../../i18n/i18n';
import { rowField } from '../../lib/activationForm';
import type { ActivationRow } from '../../lib/activationForm';

const DATE_INPUT = {
  inputMode: 'numeric',
  autoComplete: 'off',
  className: 'regie-input-medium',
} as const;

interface Props {
  index: number;
  row: ActivationRow;
  packOptions: readonly { value: string; label: string }[];
  onChange: (patch: Partial<ActivationRow>) => void;
  onRemove: () => void;
}

/**
 * One activation window. Errors about the row as a whole (an overlap with
 * another window) show at its legend; the fieldset takes focus from the
 * error summary.
 */
export function ActivationRowFields({ index, row, packOptions, onChange, onRemove }: Props) {
  const { t } = useI18n();
  const rowErrors = useFieldErrors(rowField(index));
  const fieldId = useFieldId();
  const id = fieldId(rowField(index));
  const number = index + 1;
  const options = packOptions.some((o) => o.value === row.pack_id)
    ? packOptions
    : [...packOptions, { value: row.pack_id, label: row.pack_id }];
  return (
    <Fieldset
      id={id}
      tabIndex={-1}
      invalid={rowErrors.length > 0}
      aria-describedby={rowErrors.length > 0 ? `${id}-fout` : undefined}
      className="regie-fieldset regie-activation-row"
      data-row={number}
    >
      <FieldsetLegend>{t('activations.row', { row: number })}</FieldsetLegend>
      {rowErrors.length > 0 ? <FieldErrorMessage id={`${id}-fout`} errors={rowErrors} /> : null}
      <div className="regie-activation-row__fields">
        <SelectField
          name={rowField(index, 'pack_id')}
          label={t('activations.field.pack_id')}
          required
          value={row.pack_id}
          options={options}
          onChange={(pack_id) => onChange({ pack_id })}
        />
        <TextField
          name={rowField(index, 'from')}
          label={t('activations.field.from')}
          description={t('list.dateFormat')}
          required
          value={row.from}
          onChange={(from) => onChange({ from })}
          inputProps={DATE_INPUT}
        />
        <TextField
          name={rowField(index, 'to')}
          label={t('activations.field.to')}
          description={t('activations.toDescription')}
          value={row.to}
          onChange={(to) => onChange({ to })}
          inputProps={DATE_INPUT}
        />
      </div>
      <Paragraph>
        <Button appearance="subtle-button" hint="danger" onClick={onRemove}>
          {t('activations.remove', { row: number })}
        </Button>
      </Paragraph>
    </Fieldset>
  );
}
