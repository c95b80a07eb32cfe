import {
  Button,
  Heading3,
  Heading4,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Fragment, useState } from 'react';
import { ACTION_STATUSES, reportProgress } from '../../api/plan';
import type { ActionStatus, Plan, PlanAction, PlanDomain } from '../../api/plan';
import type { Organisation, Person } from '../../api/types';
import { SelectField, TextareaField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import { formatDate, todayIso } from '../../lib/dates';
import { useInlineFormFocus } from '../../lib/focus';
import { domainLabel, groupGoals, isOverdue } from '../../lib/planEditor';
import { personName } from '../../lib/personName';
import { useSubmit } from '../../lib/useSubmit';

interface Context {
  tenantId: number;
  householdId: number;
  plan: Plan;
  persons: readonly Person[];
  organisations: readonly Organisation[];
  onSaved: (plan: Plan) => void;
  /** Loads the plan again, offered after a version conflict. */
  onReload: () => void;
}

function ProgressForm({
  ctx,
  action,
  onDone,
}: {
  ctx: Context;
  action: PlanAction;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [result, setResult] = useState(action.result);
  const { saving, error, submit } = useSubmit(
    () =>
      reportProgress(ctx.tenantId, ctx.householdId, action.key, {
        version: ctx.plan.version,
        status,
        result,
      }),
    (plan) => {
      onDone();
      ctx.onSaved(plan);
    },
  );
  return (
    <FormShell
      idScope={`voortgang-${action.key}`}
      fields={['version', 'status', 'result']}
      label={(f) => t(f === 'result' ? 'plan.field.result' : 'plan.field.status')}
      submitLabel={t('plan.progress.submit')}
      intro={false}
      saving={saving}
      error={error}
      onSubmit={submit}
      onReload={() => {
        onDone();
        ctx.onReload();
      }}
      cancel={
        <Button appearance="subtle-button" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      }
    >
      <SelectField
        name="status"
        label={t('plan.field.status')}
        value={status}
        options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`plan.actionStatus.${s}`) }))}
        onChange={(v) => setStatus(v as ActionStatus)}
      />
      <TextareaField
        name="result"
        label={t('plan.field.result')}
        value={result}
        onChange={setResult}
      />
    </FormShell>
  );
}

function ActionsTable({
  ctx,
  actions,
  caption,
}: {
  ctx: Context;
  actions: readonly PlanAction[];
  caption: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  const { formRef, opener } = useInlineFormFocus(open);
  const today = todayIso();
  const orgName = (id: number) => ctx.organisations.find((o) => o.id === id)?.name ?? `#${id}`;
  if (actions.length === 0) return <Paragraph>{t('plan.noActions')}</Paragraph>;
  const progress = actions.some((a) => a.can_update);
  const columns = progress ? 6 : 5;
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table regie-plan-actions">
        <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('plan.col.action')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plan.col.organisation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plan.col.due')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plan.col.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plan.col.result')}</TableHeaderCell>
            {progress ? (
              <TableHeaderCell scope="col">{t('plan.col.progress')}</TableHeaderCell>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {actions.map((a) => (
            <Fragment key={a.key}>
              <TableRow data-action={a.key}>
                <TableHeaderCell scope="row">{a.text}</TableHeaderCell>
                <TableCell>{orgName(a.organisation_id)}</TableCell>
                <TableCell className="regie-nowrap">
                  {formatDate(a.due_date)}
                  {isOverdue(a, today) ? (
                    <span className="regie-badge regie-badge--warning"> {t('plan.overdue')}</span>
                  ) : null}
                </TableCell>
                <TableCell>
                  <span className={`regie-badge regie-plan-status--${a.status}`}>
                    {t(`plan.actionStatus.${a.status}`)}
                  </span>
                </TableCell>
                <TableCell className="regie-pre-line">{a.result}</TableCell>
                {progress ? (
                  <TableCell>
                    {a.can_update && open !== a.key ? (
                      <Button
                        ref={opener(a.key)}
                        appearance="subtle-button"
                        aria-label={t('plan.progress.openFor', { action: a.text })}
                        onClick={() => setOpen(a.key)}
                      >
                        {t('plan.progress.open')}
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
              {open === a.key ? (
                <TableRow className="regie-plan-progress-row">
                  <TableCell colSpan={columns}>
                    <div
                      ref={formRef}
                      role="group"
                      aria-label={t('plan.progress.openFor', { action: a.text })}
                    >
                      <ProgressForm ctx={ctx} action={a} onDone={() => setOpen(null)} />
                    </div>
                  </TableCell>
                </TableRow>
              ) : null}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The goals grouped by person and life domain, each with its actions. */
export function PlanGoals(ctx: Context) {
  const { t, lang } = useI18n();
  const domains: readonly PlanDomain[] = ctx.plan.domains ?? [];
  const groups = groupGoals(
    ctx.plan.goals,
    ctx.persons.map((p) => p.id),
    domains,
  );
  const nameOf = (id: number) => {
    const p = ctx.persons.find((x) => x.id === id);
    return p ? personName(t, p) : t('person.nameShielded', { id });
  };
  return (
    <>
      {groups.map((group) => (
        <section key={group.personId} className="regie-plan-person" data-person={group.personId}>
          <Heading3 className="regie-h3">{nameOf(group.personId)}</Heading3>
          {group.domains.map(({ domain, goals }) => (
            <div key={domain} className="regie-plan-domain">
              <Heading4>{domainLabel(domains, domain, lang)}</Heading4>
              {goals.map((g) => (
                <article key={g.key} className="regie-plan-goal" data-goal={g.key}>
                  {g.restricted ? (
                    <Paragraph>{t('plan.restricted')}</Paragraph>
                  ) : (
                    <Paragraph>
                      <strong>{g.text}</strong>{' '}
                      <span className={`regie-badge regie-plan-status--${g.status}`}>
                        {t(`plan.goalStatus.${g.status ?? 'open'}`)}
                      </span>{' '}
                      <span className="regie-cell-note">
                        {t('plan.targetDate', { date: formatDate(g.target_date) })}
                      </span>
                    </Paragraph>
                  )}
                  <ActionsTable
                    ctx={ctx}
                    actions={g.actions}
                    caption={
                      g.restricted
                        ? t('plan.actionsCaptionRestricted')
                        : t('plan.actionsCaption', { goal: g.text ?? '' })
                    }
                  />
                </article>
              ))}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
