import {
  Button,
  Heading2,
  Heading3,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { diffPlan, listPlanVersions, planPdfHref } from '../../api/plan';
import type { Plan, PlanChange } from '../../api/plan';
import type { Organisation, Person } from '../../api/types';
import { SelectField } from '../../components/form/fields';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/dates';
import { describeChange } from '../../lib/planDiff';
import type { DiffContext } from '../../lib/planDiff';
import { useResource } from '../../lib/useResource';

function ChangeList({
  changes,
  context,
}: {
  changes: readonly PlanChange[];
  context: Omit<DiffContext, 't' | 'lang'>;
}) {
  const { t, lang } = useI18n();
  if (changes.length === 0) return <Paragraph>{t('plan.versions.noChanges')}</Paragraph>;
  const ctx: DiffContext = { ...context, t, lang };
  return (
    <ul className="regie-plan-diff">
      {changes.map((c, i) => {
        const text = describeChange(c, ctx);
        return (
          <li key={i} data-change={c.kind}>
            <strong>{text.kind}</strong>
            {text.subject ? ` – ${text.subject}` : ''}
            {text.field ? ` – ${text.field}` : ''}
          </li>
        );
      })}
    </ul>
  );
}

/** "Versies": every saved version and the differences between two of them. */
export function PlanVersions({
  tenantId,
  householdId,
  plan,
  persons,
  organisations,
}: {
  tenantId: number;
  householdId: number;
  /** The current plan: the list reloads when its version changes. */
  plan: Plan;
  /** Names for the ids in a comparison. */
  persons: readonly Person[];
  organisations: readonly Organisation[];
}) {
  const current = plan.version;
  const { t, lang } = useI18n();
  const { resource } = useResource(
    (signal) => listPlanVersions(tenantId, householdId, signal),
    [tenantId, householdId, current],
  );
  const [from, setFrom] = useState(String(Math.max(1, current - 1)));
  const [to, setTo] = useState(String(current));
  const [diff, setDiff] = useState<{ from: string; to: string; changes: PlanChange[] } | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);
  const versions = resource.status === 'ready' ? resource.data : [];
  const options = versions.map((v) => ({ value: String(v.version), label: String(v.version) }));
  const compare = () => {
    setError(null);
    diffPlan(tenantId, householdId, Number(from), Number(to)).then(
      (changes) => setDiff({ from, to, changes }),
      (e: unknown) => setError(e),
    );
  };
  return (
    <section aria-labelledby="plan-versies">
      <Heading2 id="plan-versies">{t('plan.versions.heading')}</Heading2>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {versions.length > 0 ? (
        <div className="regie-table-scroll">
          <Table className="regie-table regie-plan-versions">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('plan.versions.col.version')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.versions.col.savedAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.versions.col.savedBy')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.versions.col.pdf')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {versions.map((v) => (
                <TableRow key={v.version}>
                  <TableHeaderCell scope="row">{v.version}</TableHeaderCell>
                  <TableCell>{formatDateTime(v.saved_at)}</TableCell>
                  <TableCell>{v.saved_by.display_name}</TableCell>
                  <TableCell>
                    <Link href={planPdfHref(tenantId, householdId, lang, v.version)} download>
                      {t('plan.versions.pdf', { version: v.version })}
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {versions.length > 1 ? (
        <div className="regie-plan-compare">
          <SelectField
            name="from"
            label={t('plan.versions.from')}
            value={from}
            options={options}
            onChange={setFrom}
          />
          <SelectField
            name="to"
            label={t('plan.versions.to')}
            value={to}
            options={options}
            onChange={setTo}
          />
          <Button appearance="secondary-action-button" onClick={compare}>
            {t('plan.versions.compare')}
          </Button>
        </div>
      ) : null}
      {error ? <ProblemAlert error={error} /> : null}
      {diff ? (
        <>
          <Heading3 className="regie-h3">
            {t('plan.versions.changesHeading', { from: diff.from, to: diff.to })}
          </Heading3>
          <ChangeList
            changes={diff.changes}
            context={{ domains: plan.domains ?? [], persons, organisations, plan }}
          />
        </>
      ) : null}
    </section>
  );
}
