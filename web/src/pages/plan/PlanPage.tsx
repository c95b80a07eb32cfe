import {
  Alert,
  Button,
  ButtonLink,
  Heading2,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { getPlan, planPdfHref } from '../../api/plan';
import type { Plan } from '../../api/plan';
import { getHousehold, listOrganisations } from '../../api/regie';
import { AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { languageLabel } from '../../lib/displayNames';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useFocusedMessage, useInlineFormFocus } from '../../lib/focus';
import { personName } from '../../lib/personName';
import { useResource } from '../../lib/useResource';
import { paths } from '../../router/routes';
import { PlanAgreementForm } from './PlanAgreementForm';
import { PlanEditor } from './PlanEditor';
import { PlanGoals } from './PlanGoals';
import { PlanVersions } from './PlanVersions';

type Mode = 'view' | 'edit' | 'agree';

/**
 * "Plan van aanpak" of a household: goals per person and life domain with
 * their actions, the editor, the versions with their differences and the
 * client's agreement. What the user sees is what the server let through.
 */
export function PlanPage({ tenantId, householdId }: { tenantId: number; householdId: number }) {
  const { t, lang } = useI18n();
  const household = useResource(
    (signal) => getHousehold(tenantId, householdId, signal),
    [tenantId, householdId],
  );
  const organisations = useResource((signal) => listOrganisations(tenantId, signal), [tenantId]);
  const { resource, reload, replace } = useResource(
    (signal) => getPlan(tenantId, householdId, signal),
    [tenantId, householdId],
  );
  const [mode, setMode] = useState<Mode>('view');
  // After a save the plan reloads under the user: focus goes to the confirmation.
  const flash = useFocusedMessage<string>();
  // Declared after the confirmation, so a confirmation keeps the focus it took.
  const { formRef, opener } = useInlineFormFocus<Mode>(mode === 'view' ? null : mode);

  const h = household.resource.status === 'ready' ? household.resource.data : null;
  const orgs = organisations.resource.status === 'ready' ? organisations.resource.data : [];
  const plan = resource.status === 'ready' ? resource.data : null;
  const persons = h?.persons ?? [];
  // Saving answers with the filtered plan, without agreements: reload them.
  const saved = (p: Plan, message: string) => {
    setMode('view');
    flash.show(message);
    if (p.agreements) replace(p);
    else reload();
  };
  // After a version conflict: the latest version replaces the edits.
  const reloadLatest = () => {
    setMode('view');
    flash.show(t('plan.reloaded'));
    reload();
  };
  // One load error at a time: the plan's own first, then what names its ids.
  const loadError = [resource, household.resource, organisations.resource].find(
    (r) => r.status === 'error',
  );
  const nameOf = (id: number) => {
    const p = persons.find((x) => x.id === id);
    return p ? personName(t, p) : `#${id}`;
  };

  return (
    <>
      <PageHeading title={h ? t('plan.title', { name: h.name }) : t('plan.heading')} />
      <Paragraph>
        <AppLink href={paths.household(tenantId, householdId)}>{t('plan.back')}</AppLink>
      </Paragraph>
      {flash.message ? (
        <div ref={flash.ref} tabIndex={-1} className="regie-focus-target">
          <Alert type="ok">
            <Paragraph>{flash.message}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {loadError?.status === 'error' ? <ProblemAlert error={loadError.error} /> : null}
      {plan ? (
        <>
          {plan.version === 0 ? (
            <Paragraph>{t('plan.none')}</Paragraph>
          ) : (
            <Paragraph className="regie-status">
              {t('plan.versionLine', {
                version: plan.version,
                date: formatDateTime(plan.saved_at),
                name: plan.saved_by?.display_name ?? '',
              })}{' '}
              {plan.agreed ? t('plan.agreed') : t('plan.notAgreed')}
            </Paragraph>
          )}
          {plan.hidden_goals > 0 ? (
            <Paragraph>{t('plan.hidden', { count: plan.hidden_goals })}</Paragraph>
          ) : null}
          {plan.version > 0 ? (
            <div className="regie-page-actions">
              <ButtonLink
                href={planPdfHref(tenantId, householdId, lang, plan.version)}
                download
                appearance="secondary-action-button"
              >
                {t('plan.print')}
              </ButtonLink>
            </div>
          ) : null}
          {mode === 'edit' ? (
            <section aria-labelledby="plan-bewerken">
              <Heading2 id="plan-bewerken">{t('plan.editHeading')}</Heading2>
              <div ref={formRef}>
                <PlanEditor
                  tenantId={tenantId}
                  householdId={householdId}
                  plan={plan}
                  persons={persons}
                  organisations={orgs}
                  onSaved={(p) => saved(p, t('plan.saved', { version: p.version }))}
                  onCancel={() => setMode('view')}
                  onReload={reloadLatest}
                />
              </div>
            </section>
          ) : (
            // The goals get their own h2, so the person (h3) and domain (h4)
            // headings under it do not skip a level after the page's h1.
            <section aria-labelledby="plan-doelen">
              <Heading2 id="plan-doelen">{t('plan.goalsHeading')}</Heading2>
              {plan.access?.edit ? (
                <Button
                  ref={opener('edit')}
                  appearance="primary-action-button"
                  onClick={() => {
                    flash.clear();
                    setMode('edit');
                  }}
                >
                  {t('plan.edit')}
                </Button>
              ) : null}
              <PlanGoals
                tenantId={tenantId}
                householdId={householdId}
                plan={plan}
                persons={persons}
                organisations={orgs}
                onSaved={() => {
                  flash.show(t('plan.progress.saved'));
                  reload();
                }}
                onReload={reloadLatest}
              />
            </section>
          )}
          <section aria-labelledby="plan-instemming">
            <Heading2 id="plan-instemming">{t('plan.agreement.heading')}</Heading2>
            {(plan.agreements ?? []).length === 0 ? (
              <Paragraph>{t('plan.agreement.none')}</Paragraph>
            ) : (
              <ul>
                {(plan.agreements ?? []).map((a) => (
                  <li key={a.id}>
                    {t('plan.agreement.line', {
                      version: a.plan_version,
                      date: formatDate(a.date),
                      names: a.signed_by.map(nameOf).join(', '),
                    })}
                    {a.interpreter
                      ? ` ${t('plan.agreement.withInterpreter', { language: languageLabel(a.language ?? '', lang) })}`
                      : ''}
                  </li>
                ))}
              </ul>
            )}
            {plan.access?.agree && plan.version > 0 && mode === 'view' ? (
              <Button
                ref={opener('agree')}
                appearance="secondary-action-button"
                onClick={() => setMode('agree')}
              >
                {t('plan.agreement.add')}
              </Button>
            ) : null}
            {mode === 'agree' ? (
              <>
                <Heading3 className="regie-h3">{t('plan.agreement.add')}</Heading3>
                <div ref={formRef}>
                  <PlanAgreementForm
                    tenantId={tenantId}
                    householdId={householdId}
                    version={plan.version}
                    persons={persons}
                    onSaved={() => {
                      setMode('view');
                      flash.show(t('plan.agreement.saved'));
                      reload();
                    }}
                    onCancel={() => setMode('view')}
                  />
                </div>
              </>
            ) : null}
          </section>
          {plan.version > 0 ? (
            <PlanVersions
              tenantId={tenantId}
              householdId={householdId}
              plan={plan}
              persons={persons}
              organisations={orgs}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
