import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { getWorklist } from '../../api/policy';
import { ALL_WORK_KINDS } from '../../api/policyTypes';
import type { AnyWorkKind, Worklist, WorklistFilters } from '../../api/policyTypes';
import { SelectField } from '../../components/form/fields';
import { AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ReferenceDateForm } from '../../components/policy/ReferenceDateForm';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { formatDate, todayIso } from '../../lib/dates';
import { domainLabel, labelOrCode, localText } from '../../lib/milestones';
import { listedPersonName } from '../../lib/personName';
import { useResource } from '../../lib/useResource';
import { overdueCount } from '../../lib/worklist';
import { paths } from '../../router/routes';
import type { Translate } from '../../i18n/i18n';
import { DaysLateCell } from './DaysLateCell';
import { ReferralWorkRow } from './ReferralWorkRow';
import { SignalWorkRow } from './SignalWorkRow';

/** Plan actions carry a life-domain code of the plan (see plan.domain in the texts). */
function planDomainLabel(t: Translate, code: string): string {
  return labelOrCode(t, `plan.domain.${code}`, code);
}

function WorkTable({
  tenantId,
  on,
  items,
}: {
  tenantId: number;
  on: string;
  items: readonly Worklist['items'][number][];
}) {
  const { t, lang } = useI18n();
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table regie-worklist">
        <TableCaption className="regie-visually-hidden">
          {t('worklist.caption', { date: formatDate(on) })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('worklist.col.household')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('worklist.col.person')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('worklist.col.label')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('milestones.col.domain')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('milestones.col.due')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="regie-numeric">
              {t('worklist.col.overdue')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => {
            if (item.kind === 'signal')
              return (
                <SignalWorkRow key={`signal:${item.id}`} tenantId={tenantId} on={on} item={item} />
              );
            if (item.kind === 'referral')
              return (
                <ReferralWorkRow
                  key={`referral:${item.id}`}
                  tenantId={tenantId}
                  on={on}
                  item={item}
                />
              );
            return (
              <TableRow key={`${item.person.id}:${item.pack_id}:${item.id}`} data-item={item.id}>
                <TableCell>
                  <AppLink href={paths.household(tenantId, item.household.id)}>
                    {item.household.name}
                  </AppLink>
                </TableCell>
                <TableCell>
                  {/* An empty name is one the user may not see: no empty link. */}
                  <AppLink href={paths.person(tenantId, item.person.id)}>
                    {listedPersonName(t, item.person)}
                  </AppLink>
                </TableCell>
                <TableHeaderCell scope="row">
                  {item.kind === 'action' ? (
                    <AppLink href={paths.householdPlan(tenantId, item.household.id)}>
                      {localText(item.label, lang) || item.id}
                    </AppLink>
                  ) : (
                    localText(item.label, lang) || item.id
                  )}
                  <span className="regie-cell-note">
                    {t(`enum.workKind.${item.kind}`)}
                    {item.pack_id ? ` · ${item.pack_id}` : ''}
                  </span>
                </TableHeaderCell>
                <TableCell>
                  {item.kind === 'action'
                    ? planDomainLabel(t, item.domain)
                    : domainLabel(t, item.domain)}
                </TableCell>
                <TableCell className="regie-nowrap">{formatDate(item.due_date)}</TableCell>
                <DaysLateCell item={item} on={on} />
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * "6 op de werklijst op 25-11-2026, waarvan 3 verlopen": the list also holds
 * work that is due but not late yet (plan actions, referrals awaiting an
 * answer, signals before their deadline), so only the late ones count as verlopen.
 */
function countText(t: Translate, data: Worklist): string {
  const count = data.items.length;
  const date = formatDate(data.on);
  if (count === 0) return t('worklist.empty', { date });
  const overdue = overdueCount(data.items, data.on);
  if (overdue === count) return t('worklist.count', { count, date });
  if (overdue === 0) return t('worklist.countNone', { count, date });
  return t('worklist.countSome', { count, overdue, date });
}

/**
 * "Werklijst" (regisseur, begeleider, partner): the overdue milestones and
 * appointments of the persons in my households and the plan actions due that
 * I or my organisation answer for, oldest due date first, as the server sorts them.
 */
export function WorklistPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const [on, setOn] = useState(() => todayIso());
  const [kind, setKind] = useState<AnyWorkKind | ''>('');
  const [due, setDue] = useState<WorklistFilters['due']>('');
  const { resource } = useResource(
    (signal) => getWorklist(tenantId, on, signal, { kind, due }),
    [tenantId, on, kind, due],
  );
  const data = resource.status === 'ready' ? resource.data : null;
  return (
    <>
      <PageHeading title={t('worklist.title')} />
      <Paragraph>{t('worklist.intro')}</Paragraph>
      <ReferenceDateForm value={on} onChange={setOn} />
      <div className="regie-filters">
        <SelectField
          name="kind"
          label={t('worklist.filter.kind')}
          value={kind}
          options={[
            { value: '', label: t('worklist.filter.allKinds') },
            ...ALL_WORK_KINDS.map((k) => ({ value: k, label: t(`enum.workKind.${k}`) })),
          ]}
          onChange={(v) => setKind(ALL_WORK_KINDS.find((k) => k === v) ?? '')}
        />
        <SelectField
          name="due"
          label={t('worklist.filter.due')}
          value={due ?? ''}
          options={[
            { value: '', label: t('worklist.filter.allDue') },
            { value: 'overdue', label: t('worklist.filter.overdue') },
            { value: 'week', label: t('worklist.filter.week') },
          ]}
          onChange={(v) => setDue(v === 'overdue' || v === 'week' ? v : '')}
        />
      </div>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {data ? (
        <Paragraph className="regie-status" role="status">
          {countText(t, data)}
        </Paragraph>
      ) : null}
      {data && data.items.length > 0 ? (
        <WorkTable tenantId={tenantId} on={data.on} items={data.items} />
      ) : null}
    </>
  );
}
