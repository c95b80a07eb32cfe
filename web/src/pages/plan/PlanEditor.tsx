import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import { ACTION_STATUSES, GOAL_STATUSES, savePlan } from '../../api/plan';
import type { ActionStatus, GoalStatus, Plan } from '../../api/plan';
import type { Organisation, Person } from '../../api/types';
import { SelectField, TextareaField, TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import {
  conflictVersion,
  draftFromPlan,
  draftToInput,
  emptyAction,
  emptyGoal,
  isPlanConflict,
  planFields,
} from '../../lib/planEditor';
import type { ActionDraft, GoalDraft } from '../../lib/planEditor';
import { fieldId } from '../../lib/fieldErrors';
import { personName } from '../../lib/personName';
import { useSubmit } from '../../lib/useSubmit';

interface Props {
  tenantId: number;
  householdId: number;
  plan: Plan;
  persons: readonly Person[];
  organisations: readonly Organisation[];
  onSaved: (plan: Plan) => void;
  onCancel: () => void;
  /** Loads the latest version (after a conflict); the edits are dropped. */
  onReload: () => void;
}

const FIELD_LABEL: Record<string, MessageKey> = {
  person_id: 'plan.field.person_id',
  domain: 'plan.field.domain',
  text: 'plan.field.text',
  target_date: 'plan.field.target_date',
  status: 'plan.field.status',
  key: 'plan.field.key',
  actions: 'plan.field.actions',
  organisation_id: 'plan.field.organisation_id',
  user_id: 'plan.field.user_id',
  due_date: 'plan.field.due_date',
  result: 'plan.field.result',
};

/**
 * "Plan bewerken": every goal the user may see with its actions; saves the
 * whole (visible) plan against the version it was opened on. A refused
 * save keeps the edits on screen; after a version conflict the user may load
 * the latest version.
 */
export function PlanEditor(props: Props) {
  const { tenantId, householdId, plan, persons, organisations, onSaved, onCancel, onReload } =
    props;
  const { t, lang } = useI18n();
  const [goals, setGoals] = useState<GoalDraft[]>(() => draftFromPlan(plan));
  // Adding or removing a goal or action re-renders the form: focus goes to
  // the new item's first field, or after a removal to the button that adds
  // one again, never to <body>.
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (focusNext === null) return;
    document.getElementById(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext, goals]);
  const fields = useMemo(() => planFields(goals), [goals]);
  const { saving, error, submit } = useSubmit(
    () => savePlan(tenantId, householdId, draftToInput(plan.version, goals)),
    onSaved,
  );
  const conflict = isPlanConflict(error);

  const setGoal = (i: number, patch: Partial<GoalDraft>) =>
    setGoals((gs) => gs.map((g, k) => (k === i ? { ...g, ...patch } : g)));
  const setAction = (i: number, j: number, patch: Partial<ActionDraft>) =>
    setGoals((gs) =>
      gs.map((g, k) =>
        k === i
          ? { ...g, actions: g.actions.map((a, m) => (m === j ? { ...a, ...patch } : a)) }
          : g,
      ),
    );
  const label = (path: string) => {
    const last = path.split('/').pop() ?? path;
    if (path.includes('/actions/') && last === 'text') return t('plan.field.actionText');
    const key = FIELD_LABEL[last];
    return key ? t(key) : path;
  };
  const domains = plan.domains ?? [];
  const orgOptions = [
    { value: '', label: t('form.choose') },
    ...organisations.map((o) => ({ value: String(o.id), label: o.name })),
  ];

  return (
    <>
      {conflict ? (
        <Alert type="warning" className="regie-problem" role="alert">
          <Paragraph>{t('plan.conflict', { version: conflictVersion(error) ?? '?' })}</Paragraph>
          <Button appearance="secondary-action-button" onClick={onReload}>
            {t('plan.loadLatest')}
          </Button>
        </Alert>
      ) : null}
      <FormShell
        fields={fields}
        label={label}
        submitLabel={t('plan.save')}
        saving={saving}
        error={conflict ? null : error}
        onSubmit={submit}
        cancel={
          <Button appearance="subtle-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        }
      >
        {goals.map((g, i) => (
          <Fieldset key={g.key ?? `new-${i}`} className="regie-plan-goal-edit">
            <FieldsetLegend>{t('plan.goalLegend', { n: i + 1 })}</FieldsetLegend>
            <SelectField
              name={`goals/${i}/person_id`}
              label={t('plan.field.person_id')}
              required
              value={g.person_id}
              options={[
                { value: '', label: t('form.choose') },
                ...persons.map((p) => ({ value: String(p.id), label: personName(t, p) })),
              ]}
              onChange={(v) => setGoal(i, { person_id: v })}
            />
            <SelectField
              name={`goals/${i}/domain`}
              label={t('plan.field.domain')}
              required
              value={g.domain}
              options={[
                { value: '', label: t('form.choose') },
                ...domains.map((d) => ({
                  value: d.code,
                  label: lang === 'en' ? d.label_en : d.label_nl,
                })),
              ]}
              onChange={(v) => setGoal(i, { domain: v })}
            />
            <TextField
              name={`goals/${i}/text`}
              label={t('plan.field.text')}
              required
              value={g.text}
              onChange={(v) => setGoal(i, { text: v })}
            />
            <TextField
              name={`goals/${i}/target_date`}
              label={t('plan.field.target_date')}
              description={t('form.dateFormat')}
              required
              value={g.target_date}
              onChange={(v) => setGoal(i, { target_date: v })}
              inputProps={{
                inputMode: 'numeric',
                autoComplete: 'off',
                className: 'regie-input-medium',
              }}
            />
            <SelectField
              name={`goals/${i}/status`}
              label={t('plan.field.status')}
              value={g.status}
              options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`plan.goalStatus.${s}`) }))}
              onChange={(v) => setGoal(i, { status: v as GoalStatus })}
            />
            {g.actions.map((a, j) => (
              <Fieldset key={a.key ?? `new-${j}`} className="regie-plan-action-edit">
                <FieldsetLegend>{t('plan.actionLegend', { n: j + 1 })}</FieldsetLegend>
                <TextField
                  name={`goals/${i}/actions/${j}/text`}
                  label={t('plan.field.actionText')}
                  required
                  value={a.text}
                  onChange={(v) => setAction(i, j, { text: v })}
                />
                <SelectField
                  name={`goals/${i}/actions/${j}/organisation_id`}
                  label={t('plan.field.organisation_id')}
                  required
                  value={a.organisation_id}
                  options={orgOptions}
                  onChange={(v) => setAction(i, j, { organisation_id: v })}
                />
                <TextField
                  name={`goals/${i}/actions/${j}/due_date`}
                  label={t('plan.field.due_date')}
                  description={t('form.dateFormat')}
                  required
                  value={a.due_date}
                  onChange={(v) => setAction(i, j, { due_date: v })}
                  inputProps={{
                    inputMode: 'numeric',
                    autoComplete: 'off',
                    className: 'regie-input-medium',
                  }}
                />
                <SelectField
                  name={`goals/${i}/actions/${j}/status`}
                  label={t('plan.field.status')}
                  value={a.status}
                  options={ACTION_STATUSES.map((s) => ({
                    value: s,
                    label: t(`plan.actionStatus.${s}`),
                  }))}
                  onChange={(v) => setAction(i, j, { status: v as ActionStatus })}
                />
                <TextareaField
                  name={`goals/${i}/actions/${j}/result`}
                  label={t('plan.field.result')}
                  value={a.result}
                  onChange={(v) => setAction(i, j, { result: v })}
                />
                <Button
                  appearance="subtle-button"
                  onClick={() => {
                    setGoal(i, { actions: g.actions.filter((_, m) => m !== j) });
                    setFocusNext(`plan-add-action-${i}`);
                  }}
                >
                  {t('plan.removeAction')}
                </Button>
              </Fieldset>
            ))}
            <ButtonGroup>
              <Button
                id={`plan-add-action-${i}`}
                appearance="secondary-action-button"
                onClick={() => {
                  setGoal(i, { actions: [...g.actions, emptyAction()] });
                  setFocusNext(fieldId(`goals/${i}/actions/${g.actions.length}/text`));
                }}
              >
                {t('plan.addAction')}
              </Button>
              <Button
                appearance="subtle-button"
                onClick={() => {
                  setGoals((gs) => gs.filter((_, k) => k !== i));
                  setFocusNext('plan-add-goal');
                }}
              >
                {t('plan.removeGoal')}
              </Button>
            </ButtonGroup>
          </Fieldset>
        ))}
        <Button
          id="plan-add-goal"
          appearance="secondary-action-button"
          onClick={() => {
            setGoals((gs) => [...gs, emptyGoal()]);
            setFocusNext(fieldId(`goals/${goals.length}/person_id`));
          }}
        >
          {t('plan.addGoal')}
        </Button>
      </FormShell>
    </>
  );
}
