import {
  Button,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
} from '@utrecht/component-library-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  FERM_WERK_OUTCOMES,
  LADDER_RUNGS,
  recordAssessment,
  ZRM_SCORES,
} from '../../../api/assessments';
import type { Assessment } from '../../../api/assessments';
import type { FieldError } from '../../../api/types';
import { CheckboxGroupField } from '../../../components/form/CheckboxGroupField';
import { FieldErrorMessage, SelectField, TextField } from '../../../components/form/fields';
import { useFieldErrors, useFieldId } from '../../../components/form/FormErrors';
import { FormShell } from '../../../components/form/FormShell';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/translate';
import {
  assessmentErrorsFor,
  assessmentFields,
  assessmentFormErrors,
  emptyAssessmentForm,
  formToAssessmentInput,
  scoredDomains,
  zrmField,
} from '../../../lib/assessmentForm';
import type { AssessmentFormValues, RecordScope } from '../../../lib/assessmentForm';
import { clientValidation } from '../../../lib/clientProblem';
import { useSubmit } from '../../../lib/useSubmit';
import { domainLabel, kindLabel, outcomeLabel, rungLabel, scoreLabel } from './labels';

const LABELS: Record<string, MessageKey> = {
  kind: 'assessments.field.kind',
  date: 'assessments.field.date',
  assessor: 'assessments.field.assessor',
  zrm: 'assessments.field.zrm',
  rung: 'assessments.field.rung',
  rungs_present: 'assessments.field.rungsPresent',
  outcome: 'assessments.field.outcome',
};

/** The ZRM scores: a select per domain the user may score, blank for "not assessed". */
function ZrmScores({
  domains,
  scores,
  onChange,
}: {
  domains: readonly string[];
  scores: Record<string, string>;
  onChange: (domain: string, score: string) => void;
}) {
  const { t } = useI18n();
  const errors = useFieldErrors('zrm');
  const fieldId = useFieldId();
  const id = fieldId('zrm');
  const options = [
    { value: '', label: t('assessments.notAssessed') },
    ...ZRM_SCORES.map((s) => ({ value: String(s), label: scoreLabel(t, s) })),
  ];
  const describedBy = [errors.length ? `${id}-fout` : null, `${id}-uitleg`]
    .filter(Boolean)
    .join(' ');
  return (
    <Fieldset
      id={id}
      tabIndex={-1}
      invalid={errors.length > 0}
      aria-describedby={describedBy}
      className="regie-zrm-scores"
    >
      <FieldsetLegend>{t('assessments.field.zrm')}</FieldsetLegend>
      <FormFieldDescription id={`${id}-uitleg`}>
        {t('assessments.zrmDescription')}
      </FormFieldDescription>
      {errors.length ? <FieldErrorMessage id={`${id}-fout`} errors={errors} /> : null}
      <div className="regie-zrm-scores__grid">
        {domains.map((d) => (
          <SelectField
            key={d}
            name={zrmField(d)}
            label={domainLabel(t, d)}
            value={scores[d] ?? ''}
            options={options}
            onChange={(v) => onChange(d, v)}
          />
        ))}
      </div>
    </Fieldset>
  );
}

interface Props {
  tenantId: number;
  personId: number;
  /** The domains and kinds the user may record. */
  scope: RecordScope;
  onSaved: (assessment: Assessment) => void;
  onCancel: () => void;
}

/** "Meting vastleggen": a ZRM, a rung on the participatieladder or a Ferm Werk outcome. */
export function AssessmentForm({ tenantId, personId, scope, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const { domains, kinds } = scope;
  const [values, setValues] = useState<AssessmentFormValues>(() => ({
    ...emptyAssessmentForm(),
    kind: kinds.length === 1 ? kinds[0]! : '',
  }));
  const set =
    <K extends keyof AssessmentFormValues>(key: K) =>
    (value: AssessmentFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  // The server names ZRM scores by their place in the request: keep the order sent.
  const sent = useRef<string[]>([]);
  const { saving, error, submit } = useSubmit(async () => {
    const invalid = clientValidation(assessmentFormErrors(values, domains));
    if (invalid) throw invalid;
    sent.current = values.kind === 'zrm' ? scoredDomains(values, domains) : [];
    return recordAssessment(tenantId, personId, formToAssessmentInput(values, domains));
  }, onSaved);
  const mapErrors = useCallback(
    (errors: readonly FieldError[]) => assessmentErrorsFor(sent.current)(errors),
    [],
  );
  const fields = useMemo(() => assessmentFields(domains), [domains]);
  const label = (field: string) =>
    field.startsWith('zrm/')
      ? domainLabel(t, field.slice(4))
      : LABELS[field]
        ? t(LABELS[field])
        : field;

  return (
    <FormShell
      idScope="assessment"
      fields={fields}
      label={label}
      submitLabel={t('assessments.submit')}
      cancel={
        <Button appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
      saving={saving}
      error={error}
      onSubmit={submit}
      mapErrors={mapErrors}
    >
      <SelectField
        name="kind"
        label={t('assessments.field.kind')}
        required
        value={values.kind}
        options={[
          { value: '', label: t('form.choose') },
          ...kinds.map((k) => ({ value: k, label: kindLabel(t, k) })),
        ]}
        onChange={(kind) => set('kind')(kind as AssessmentFormValues['kind'])}
      />
      <TextField
        name="date"
        label={t('assessments.field.date')}
        description={t('form.dateFormat')}
        required
        value={values.date}
        onChange={set('date')}
        inputProps={{ inputMode: 'numeric', autoComplete: 'off', className: 'regie-input-medium' }}
      />
      <TextField
        name="assessor"
        label={t('assessments.field.assessor')}
        description={t('assessments.assessorDescription')}
        value={values.assessor}
        onChange={set('assessor')}
        inputProps={{ autoComplete: 'off' }}
      />
      {values.kind === 'zrm' ? (
        <ZrmScores
          domains={domains}
          scores={values.scores}
          onChange={(d, score) => setValues((v) => ({ ...v, scores: { ...v.scores, [d]: score } }))}
        />
      ) : null}
      {values.kind === 'participatieladder' ? (
        <>
          <SelectField
            name="rung"
            label={t('assessments.field.rung')}
            description={t('assessments.rungDescription')}
            required
            value={values.rung}
            options={[
              { value: '', label: t('form.choose') },
              ...LADDER_RUNGS.map((r) => ({ value: String(r), label: rungLabel(t, r) })),
            ]}
            onChange={set('rung')}
          />
          <CheckboxGroupField
            name="rungs_present"
            legend={t('assessments.field.rungsPresent')}
            description={t('assessments.rungsPresentDescription')}
            empty=""
            options={LADDER_RUNGS.map((r) => ({ value: r as number, label: rungLabel(t, r) }))}
            value={values.rungs_present}
            onChange={set('rungs_present')}
          />
        </>
      ) : null}
      {values.kind === 'ferm_werk' ? (
        <SelectField
          name="outcome"
          label={t('assessments.field.outcome')}
          required
          value={values.outcome}
          options={[
            { value: '', label: t('form.choose') },
            ...FERM_WERK_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(t, o) })),
          ]}
          onChange={set('outcome')}
        />
      ) : null}
    </FormShell>
  );
}
