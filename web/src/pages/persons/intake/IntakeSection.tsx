import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError } from '../../../api/client';
import {
  CEFR_LEVELS,
  EDUCATION_LEVELS,
  finaliseIntake,
  getIntake,
  LANGUAGE_SKILLS,
  LEARNABILITY_INSTRUMENTS,
  NOA_COMPONENTS,
  reopenIntake,
  saveIntake,
} from '../../../api/intake';
import type { Intake } from '../../../api/intake';
import type { FieldError } from '../../../api/types';
import {
  CheckboxField,
  SelectField,
  TextareaField,
  TextField,
} from '../../../components/form/fields';
import { FormShell } from '../../../components/form/FormShell';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useI18n } from '../../../i18n/i18n';
import type { Translate } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/translate';
import { formatDate, formatDateTime, todayIso } from '../../../lib/dates';
import {
  formToIntakeInput,
  intakeErrorPath,
  intakeFields,
  intakeToForm,
  participantKey,
} from '../../../lib/intakeForm';
import type { IntakeFormValues } from '../../../lib/intakeForm';
import { useResource } from '../../../lib/useResource';
import { useSubmit } from '../../../lib/useSubmit';

interface Props {
  tenantId: number;
  personId: number;
}

const DOMAIN_FIELDS = ['situation', 'wishes', 'obstacles', 'strengths'] as const;

/** Error paths whose label is not that of their last part. */
const PATH_LABELS: Record<string, MessageKey> = {
  health_screening: 'intake.field.health_screening_done',
  'health_screening/done': 'intake.field.health_screening_done',
  'health_screening/date': 'intake.field.health_screening_date',
};

/** The label of an intake field path ("domains/wonen/situation", "participants"); the path if unknown. */
function intakeFieldLabel(
  field: string,
  t: Translate,
  domainLabel: (code: string) => string,
): string {
  const special = PATH_LABELS[field];
  if (special) return t(special);
  const parts = field.split('/');
  const leaf = parts[parts.length - 1]!;
  if (parts[0] === 'domains' && parts.length === 3)
    return `${domainLabel(parts[1]!)}: ${t(`intake.field.${leaf}` as MessageKey)}`;
  const key = `intake.field.${leaf === 'level' && parts[0] === 'languages' ? 'cefr' : leaf}`;
  const text = t(key as MessageKey);
  return text === key ? field : text;
}

function domainLabelOf(intake: Intake, lang: 'nl' | 'en') {
  return (code: string) => {
    const d = intake.domains_config.find((c) => c.code === code);
    return d ? (lang === 'nl' ? d.label_nl : d.label_en) : code;
  };
}

/**
 * "Brede intake": the intake of an adult per life domain and its structured
 * parts, filled jointly by the organisations taking part. The server decides
 * what this user sees and may change; parts it withholds are named, never
 * shown. A user the server refuses (403) does not see the section.
 */
export function IntakeSection({ tenantId, personId }: Props) {
  const { t } = useI18n();
  const { resource, reload, replace } = useResource(
    (signal) => getIntake(tenantId, personId, signal),
    [tenantId, personId],
  );
  const [done, setDone] = useState<MessageKey | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (
    resource.status === 'error' &&
    resource.error instanceof ApiError &&
    resource.error.status === 403
  )
    return null;
  const data = resource.status === 'ready' ? resource.data : null;
  const updated = (intake: Intake, message: MessageKey) => {
    replace(intake);
    setDone(message);
  };

  return (
    <section aria-labelledby="brede-intake" className="regie-intake-section">
      <Heading2 id="brede-intake">{t('intake.title')}</Heading2>
      <Paragraph>{t('intake.intro')}</Paragraph>
      {done ? (
        <div ref={doneRef} tabIndex={-1} className="regie-focus-target">
          <Alert type="ok">
            <Paragraph>{t(done)}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {data ? (
        <IntakeBody
          key={`${data.version}-${data.status}`}
          tenantId={tenantId}
          personId={personId}
          intake={data}
          onUpdated={updated}
          onReload={reload}
        />
      ) : null}
    </section>
  );
}

function IntakeBody({
  tenantId,
  personId,
  intake,
  onUpdated,
  onReload,
}: Props & {
  intake: Intake;
  onUpdated: (intake: Intake, message: MessageKey) => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  // Unsaved edits in the form: finalising would drop them (it sends only the version).
  const [dirty, setDirty] = useState(false);
  if (!intake.adult && intake.version === 0) return <Paragraph>{t('intake.notAdult')}</Paragraph>;
  const status = t(`intake.status.${intake.status}` as MessageKey);
  return (
    <>
      {intake.version > 0 ? (
        <Paragraph>
          {t('intake.meta', {
            version: intake.version,
            status,
            by: intake.saved_by?.display_name ?? '',
            at: formatDateTime(intake.saved_at),
          })}
          {intake.finalised_at
            ? ` ${t('intake.finalisedBy', {
                by: intake.finalised_by?.display_name ?? '',
                at: formatDateTime(intake.finalised_at),
              })}`
            : null}
        </Paragraph>
      ) : (
        <Paragraph>{t('intake.none')}</Paragraph>
      )}
      {intake.hidden_parts.length > 0 ? (
        <Paragraph className="regie-shielded-legend">
          {t('intake.hidden', {
            parts: intake.hidden_parts.map((p) => t(`intake.part.${p}` as MessageKey)).join(', '),
          })}
        </Paragraph>
      ) : null}
      {intake.hidden_domains + intake.hidden_noa > 0 ? (
        <Paragraph className="regie-shielded-legend">
          {t('intake.hiddenCounts', { domains: intake.hidden_domains, noa: intake.hidden_noa })}
        </Paragraph>
      ) : null}
      {intake.access.edit ? (
        <IntakeForm
          tenantId={tenantId}
          personId={personId}
          intake={intake}
          onSaved={(i) => onUpdated(i, 'intake.saved')}
          onReload={onReload}
          onDirtyChange={setDirty}
        />
      ) : (
        <>
          <Paragraph>{t('intake.readOnly')}</Paragraph>
          <IntakeSummary intake={intake} lang={lang} />
        </>
      )}
      <TransitionButtons
        tenantId={tenantId}
        personId={personId}
        intake={intake}
        unsaved={dirty}
        onDone={onUpdated}
      />
    </>
  );
}

function TransitionButtons({
  tenantId,
  personId,
  intake,
  unsaved,
  onDone,
}: Props & {
  intake: Intake;
  /** The form has edits that are not saved: finalising waits for them. */
  unsaved: boolean;
  onDone: (intake: Intake, message: MessageKey) => void;
}) {
  const { t, lang } = useI18n();
  const hintId = useId();
  const finalise = useSubmit(
    () => finaliseIntake(tenantId, personId, intake.version),
    (i) => onDone(i, 'intake.finalised'),
  );
  const reopen = useSubmit(
    () => reopenIntake(tenantId, personId, intake.version),
    (i) => onDone(i, 'intake.reopened'),
  );
  if (!intake.access.finalise && !intake.access.reopen) return null;
  // Why the server refused (e.g. no participants yet): the form does not show these.
  const label = (field: string) => intakeFieldLabel(field, t, domainLabelOf(intake, lang));
  const waiting = intake.access.finalise && unsaved;
  return (
    <>
      {finalise.error ? <ProblemAlert error={finalise.error} label={label} /> : null}
      {reopen.error ? <ProblemAlert error={reopen.error} label={label} /> : null}
      {waiting ? <Paragraph id={hintId}>{t('intake.finaliseUnsaved')}</Paragraph> : null}
      <ButtonGroup className="regie-page-actions">
        {intake.access.finalise ? (
          <Button
            appearance="secondary-action-button"
            disabled={finalise.saving || waiting}
            aria-describedby={waiting ? hintId : undefined}
            onClick={finalise.submit}
          >
            {t('intake.finalise')}
          </Button>
        ) : null}
        {intake.access.reopen ? (
          <Button
            appearance="secondary-action-button"
            disabled={reopen.saving}
            onClick={reopen.submit}
          >
            {t('intake.reopen')}
          </Button>
        ) : null}
      </ButtonGroup>
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The intake as text, for who may read but not write it. */
function IntakeSummary({ intake, lang }: { intake: Intake; lang: 'nl' | 'en' }) {
  const { t } = useI18n();
  const domainLabel = domainLabelOf(intake, lang);
  return (
    <dl className="regie-intake-summary">
      <Row label={t('intake.field.participants')}>
        {intake.participants
          .map((p) => `${p.display_name ?? p.user_id} (${p.organisation_name ?? ''})`)
          .join(', ')}
      </Row>
      {intake.domains.map((d) => (
        <Row key={d.domain} label={domainLabel(d.domain)}>
          {DOMAIN_FIELDS.filter((f) => d[f])
            .map((f) => `${t(`intake.field.${f}` as MessageKey)}: ${d[f]}`)
            .join(' · ')}
        </Row>
      ))}
      {intake.education.map((e, i) => (
        <Row key={`e${i}`} label={t('intake.section.education')}>
          {[
            t(`intake.educationLevel.${e.level}` as MessageKey),
            e.description,
            e.country,
            e.diploma ? t('intake.field.diploma') : '',
            e.valuation_requested ? t('intake.field.valuation_requested') : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Row>
      ))}
      {intake.work.map((w, i) => (
        <Row key={`w${i}`} label={t('intake.section.work')}>
          {[w.occupation, w.country, `${w.years} ${t('intake.years')}`, w.skills]
            .filter(Boolean)
            .join(' · ')}
        </Row>
      ))}
      {intake.languages.map((l, i) => (
        <Row key={`l${i}`} label={t(`intake.skill.${l.skill}` as MessageKey)}>
          {l.level}
          {l.source ? ` (${l.source})` : ''}
          {l.test_date ? `, ${formatDate(l.test_date)}` : ''}
        </Row>
      ))}
      {intake.learnability ? (
        <Row label={t('intake.section.learnability')}>
          {[
            t(`intake.instrument.${intake.learnability.instrument}` as MessageKey),
            intake.learnability.outcome,
            formatDate(intake.learnability.date),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Row>
      ) : null}
      {intake.interests ? <Row label={t('intake.field.interests')}>{intake.interests}</Row> : null}
      {intake.availability_dagdelen !== null ? (
        <Row label={t('intake.field.availability_dagdelen')}>{intake.availability_dagdelen}</Row>
      ) : null}
      {intake.hidden_parts.includes('health_screening') ? null : (
        <Row label={t('intake.field.health_screening_done')}>
          {intake.health_screening.done === null
            ? t('intake.unknown')
            : t(intake.health_screening.done ? 'intake.yes' : 'intake.no')}
          {intake.health_screening.date ? `, ${formatDate(intake.health_screening.date)}` : ''}
        </Row>
      )}
      {intake.health_notes ? (
        <Row label={t('intake.field.health_notes')}>{intake.health_notes}</Row>
      ) : null}
      {intake.noa.map((n) => (
        <Row key={n.component} label={t(`intake.noa.${n.component}` as MessageKey)}>
          {n.outcome}
          {n.remark ? ` (${n.remark})` : ''}
        </Row>
      ))}
    </dl>
  );
}

function IntakeForm({
  tenantId,
  personId,
  intake,
  onSaved,
  onReload,
  onDirtyChange,
}: Props & {
  intake: Intake;
  onSaved: (intake: Intake) => void;
  onReload: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const [initial] = useState<IntakeFormValues>(() => intakeToForm(intake, todayIso()));
  const [values, setValues] = useState<IntakeFormValues>(initial);
  const dirty = useMemo(
    () => JSON.stringify(values) !== JSON.stringify(initial),
    [values, initial],
  );
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const set =
    <K extends keyof IntakeFormValues>(key: K) =>
    (value: IntakeFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const domainOrder = intake.domains_config.map((d) => d.code);
  const sent = useRef<string[]>([]);
  const { saving, error, submit } = useSubmit(async () => {
    const { input, sentDomains } = formToIntakeInput(values, domainOrder);
    sent.current = sentDomains;
    return saveIntake(tenantId, personId, input);
  }, onSaved);
  const mapErrors = useCallback(
    (errors: readonly FieldError[]) =>
      errors.map((e) => ({ ...e, field: intakeErrorPath(e.field, sent.current) })),
    [],
  );
  const fields = useMemo(() => intakeFields(values), [values]);
  const sees = (category: string) => intake.access.visible_categories.includes(category);
  const domainLabel = domainLabelOf(intake, lang);
  const label = (field: string) => intakeFieldLabel(field, t, domainLabel);
  const options = intake.participant_options ?? intake.participants;
  const list = <T,>(key: 'education' | 'work' | 'languages' | 'noa', empty: T) => ({
    add: () => setValues((v) => ({ ...v, [key]: [...(v[key] as T[]), empty] })),
    remove: (i: number) =>
      setValues((v) => ({ ...v, [key]: (v[key] as T[]).filter((_, j) => j !== i) })),
    update: (i: number, patch: Partial<T>) =>
      setValues((v) => ({
        ...v,
        [key]: (v[key] as T[]).map((x, j) => (j === i ? { ...x, ...patch } : x)),
      })),
  });
  const education = list('education', {
    country: '',
    level: 'geen',
    description: '',
    diploma: false,
    valuation_requested: false,
  });
  const work = list('work', { occupation: '', country: '', years: '', skills: '' });
  const languages = list('languages', {
    skill: 'luisteren',
    level: 'A0',
    test_date: '',
    source: '',
  });
  const noa = list('noa', { component: 'zelfredzaamheid', outcome: '', date: '', remark: '' });
  const removeButton = (onClick: () => void, what: string) => (
    <Button
      appearance="subtle-button"
      onClick={onClick}
      aria-label={`${t('intake.remove')}: ${what}`}
    >
      {t('intake.remove')}
    </Button>
  );
  const visibleNoa = NOA_COMPONENTS.filter((c) =>
    intake.noa_config.some((n) => n.component === c && n.visible),
  );

  return (
    <FormShell
      fields={fields}
      label={label}
      submitLabel={t('intake.save')}
      saving={saving}
      error={error}
      onSubmit={submit}
      onReload={onReload}
      mapErrors={mapErrors}
    >
      <Fieldset>
        <FieldsetLegend>{t('intake.section.frame')}</FieldsetLegend>
        {!intake.access.edit_frame ? <Paragraph>{t('intake.frameReadOnly')}</Paragraph> : null}
        <TextField
          name="intake_date"
          label={t('intake.field.intake_date')}
          description={t('form.dateFormat')}
          required
          value={values.intake_date}
          onChange={set('intake_date')}
          inputProps={{ readOnly: !intake.access.edit_frame, inputMode: 'numeric' }}
        />
        <Fieldset>
          <FieldsetLegend>{t('intake.field.participants')}</FieldsetLegend>
          {options.map((o) => {
            const key = participantKey(o.user_id, o.organisation_id);
            return (
              <CheckboxField
                key={key}
                name={`participants/${key}`}
                label={`${o.display_name ?? o.user_id} (${o.organisation_name ?? ''})`}
                checked={values.participants.includes(key)}
                disabled={!intake.access.edit_frame}
                onChange={(on) =>
                  intake.access.edit_frame &&
                  set('participants')(
                    on
                      ? [...values.participants, key]
                      : values.participants.filter((p) => p !== key),
                  )
                }
              />
            );
          })}
        </Fieldset>
        <CheckboxField
          name="interpreter"
          label={t('intake.field.interpreter')}
          checked={values.interpreter}
          disabled={!intake.access.edit_frame}
          onChange={(on) => intake.access.edit_frame && set('interpreter')(on)}
        />
        {values.interpreter ? (
          <TextField
            name="interpreter_language"
            label={t('intake.field.interpreter_language')}
            value={values.interpreter_language}
            onChange={set('interpreter_language')}
            inputProps={{ readOnly: !intake.access.edit_frame, className: 'regie-input-small' }}
          />
        ) : null}
      </Fieldset>

      <Heading3 className="regie-h3">{t('intake.section.domains')}</Heading3>
      {Object.keys(values.domains).map((code) => (
        <Fieldset key={code}>
          <FieldsetLegend>{domainLabel(code)}</FieldsetLegend>
          {DOMAIN_FIELDS.map((f) => (
            <TextareaField
              key={f}
              name={`domains/${code}/${f}`}
              label={t(`intake.field.${f}` as MessageKey)}
              value={values.domains[code]![f]}
              onChange={(text) =>
                setValues((v) => ({
                  ...v,
                  domains: { ...v.domains, [code]: { ...v.domains[code]!, [f]: text } },
                }))
              }
            />
          ))}
        </Fieldset>
      ))}

      {sees('inburgering') ? (
        <Fieldset>
          <FieldsetLegend>{t('intake.section.education')}</FieldsetLegend>
          {values.education.map((e, i) => (
            <div key={i} className="regie-intake-row">
              <TextField
                name={`education/${i}/country`}
                label={t('intake.field.country')}
                value={e.country}
                onChange={(country) => education.update(i, { country })}
                inputProps={{ className: 'regie-input-small' }}
              />
              <SelectField
                name={`education/${i}/level`}
                label={t('intake.field.level')}
                value={e.level}
                options={EDUCATION_LEVELS.map((l) => ({
                  value: l,
                  label: t(`intake.educationLevel.${l}` as MessageKey),
                }))}
                onChange={(level) => education.update(i, { level })}
              />
              <TextField
                name={`education/${i}/description`}
                label={t('intake.field.description')}
                value={e.description}
                onChange={(description) => education.update(i, { description })}
              />
              <CheckboxField
                name={`education/${i}/diploma`}
                label={t('intake.field.diploma')}
                checked={e.diploma}
                onChange={(diploma) => education.update(i, { diploma })}
              />
              <CheckboxField
                name={`education/${i}/valuation_requested`}
                label={t('intake.field.valuation_requested')}
                checked={e.valuation_requested}
                onChange={(valuation_requested) => education.update(i, { valuation_requested })}
              />
              {removeButton(() => education.remove(i), t('intake.section.education'))}
            </div>
          ))}
          <Button appearance="secondary-action-button" onClick={education.add}>
            {t('intake.add')}: {t('intake.section.education')}
          </Button>
        </Fieldset>
      ) : null}

      {sees('werk_inkomen') ? (
        <Fieldset>
          <FieldsetLegend>{t('intake.section.work')}</FieldsetLegend>
          {values.work.map((w, i) => (
            <div key={i} className="regie-intake-row">
              <TextField
                name={`work/${i}/occupation`}
                label={t('intake.field.occupation')}
                value={w.occupation}
                onChange={(occupation) => work.update(i, { occupation })}
              />
              <TextField
                name={`work/${i}/country`}
                label={t('intake.field.country')}
                value={w.country}
                onChange={(country) => work.update(i, { country })}
                inputProps={{ className: 'regie-input-small' }}
              />
              <TextField
                name={`work/${i}/years`}
                label={t('intake.field.years')}
                value={w.years}
                onChange={(years) => work.update(i, { years })}
                inputProps={{ inputMode: 'numeric', className: 'regie-input-small' }}
              />
              <TextareaField
                name={`work/${i}/skills`}
                label={t('intake.field.skills')}
                value={w.skills}
                onChange={(skills) => work.update(i, { skills })}
              />
              {removeButton(() => work.remove(i), t('intake.section.work'))}
            </div>
          ))}
          <Button appearance="secondary-action-button" onClick={work.add}>
            {t('intake.add')}: {t('intake.section.work')}
          </Button>
        </Fieldset>
      ) : null}

      {sees('inburgering') ? (
        <Fieldset>
          <FieldsetLegend>{t('intake.section.languages')}</FieldsetLegend>
          {values.languages.map((l, i) => (
            <div key={i} className="regie-intake-row">
              <SelectField
                name={`languages/${i}/skill`}
                label={t('intake.field.skill')}
                value={l.skill}
                options={LANGUAGE_SKILLS.map((s) => ({
                  value: s,
                  label: t(`intake.skill.${s}` as MessageKey),
                }))}
                onChange={(skill) => languages.update(i, { skill })}
              />
              <SelectField
                name={`languages/${i}/level`}
                label={t('intake.field.cefr')}
                value={l.level}
                options={CEFR_LEVELS.map((c) => ({ value: c, label: c }))}
                onChange={(level) => languages.update(i, { level })}
              />
              <TextField
                name={`languages/${i}/test_date`}
                label={t('intake.field.test_date')}
                description={t('form.dateFormat')}
                value={l.test_date}
                onChange={(test_date) => languages.update(i, { test_date })}
                inputProps={{ inputMode: 'numeric', className: 'regie-input-medium' }}
              />
              <TextField
                name={`languages/${i}/source`}
                label={t('intake.field.source')}
                value={l.source}
                onChange={(source) => languages.update(i, { source })}
              />
              {removeButton(() => languages.remove(i), t('intake.section.languages'))}
            </div>
          ))}
          <Button appearance="secondary-action-button" onClick={languages.add}>
            {t('intake.add')}: {t('intake.section.languages')}
          </Button>
          <SelectField
            name="learnability"
            label={`${t('intake.section.learnability')}: ${t('intake.field.instrument')}`}
            value={values.learnability_instrument}
            options={[
              { value: '', label: t('form.choose') },
              ...LEARNABILITY_INSTRUMENTS.map((x) => ({
                value: x,
                label: t(`intake.instrument.${x}` as MessageKey),
              })),
            ]}
            onChange={set('learnability_instrument')}
          />
          <TextField
            name="learnability/outcome"
            label={`${t('intake.section.learnability')}: ${t('intake.field.outcome')}`}
            value={values.learnability_outcome}
            onChange={set('learnability_outcome')}
          />
        </Fieldset>
      ) : null}

      {sees('werk_inkomen') ? (
        <Fieldset>
          <FieldsetLegend>{t('intake.section.other')}</FieldsetLegend>
          <TextareaField
            name="interests"
            label={t('intake.field.interests')}
            value={values.interests}
            onChange={set('interests')}
          />
          <TextField
            name="availability_dagdelen"
            label={t('intake.field.availability_dagdelen')}
            value={values.availability_dagdelen}
            onChange={set('availability_dagdelen')}
            inputProps={{ inputMode: 'numeric', className: 'regie-input-small' }}
          />
        </Fieldset>
      ) : null}

      <Fieldset>
        <FieldsetLegend>{t('intake.section.health')}</FieldsetLegend>
        <SelectField
          name="health_screening"
          label={t('intake.field.health_screening_done')}
          value={values.health_screening_done}
          options={[
            { value: '', label: t('intake.unknown') },
            { value: 'ja', label: t('intake.yes') },
            { value: 'nee', label: t('intake.no') },
          ]}
          onChange={(v) =>
            set('health_screening_done')(v as IntakeFormValues['health_screening_done'])
          }
        />
        <TextField
          name="health_screening/date"
          label={t('intake.field.health_screening_date')}
          description={t('form.dateFormat')}
          value={values.health_screening_date}
          onChange={set('health_screening_date')}
          inputProps={{ inputMode: 'numeric', className: 'regie-input-medium' }}
        />
        {sees('gezondheid') ? (
          <TextareaField
            name="health_notes"
            label={t('intake.field.health_notes')}
            value={values.health_notes}
            onChange={set('health_notes')}
          />
        ) : null}
      </Fieldset>

      {visibleNoa.length > 0 ? (
        <Fieldset>
          <FieldsetLegend>{t('intake.section.noa')}</FieldsetLegend>
          {values.noa.map((n, i) => (
            <div key={i} className="regie-intake-row">
              <SelectField
                name={`noa/${i}/component`}
                label={t('intake.field.component')}
                value={n.component}
                options={visibleNoa.map((c) => ({
                  value: c,
                  label: t(`intake.noa.${c}` as MessageKey),
                }))}
                onChange={(component) => noa.update(i, { component })}
              />
              <TextField
                name={`noa/${i}/outcome`}
                label={t('intake.field.outcome')}
                value={n.outcome}
                onChange={(outcome) => noa.update(i, { outcome })}
              />
              <TextField
                name={`noa/${i}/date`}
                label={t('intake.field.date')}
                description={t('form.dateFormat')}
                value={n.date}
                onChange={(date) => noa.update(i, { date })}
                inputProps={{ inputMode: 'numeric', className: 'regie-input-medium' }}
              />
              {removeButton(() => noa.remove(i), t('intake.section.noa'))}
            </div>
          ))}
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              noa.add();
              const first = visibleNoa[0]!;
              setValues((v) => ({
                ...v,
                noa: v.noa.map((x, j) => (j === v.noa.length - 1 ? { ...x, component: first } : x)),
              }));
            }}
          >
            {t('intake.add')}: {t('intake.section.noa')}
          </Button>
        </Fieldset>
      ) : null}
    </FormShell>
  );
}
