import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { getWorklist } from '../api/policy';
import { ALL_WORK_KINDS } from '../api/policyTypes';
import type { Worklist } from '../api/policyTypes';
import { AppLink } from '../components/links';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { enumLabel } from '../lib/enumLabel';
import { canReadPolicy, sectionPath, sectionsFor } from '../lib/roles';
import { paths } from '../router/routes';
import { useResource } from '../lib/useResource';
import { useMe } from '../session/session';
import type { Translate } from '../i18n/i18n';

/** "3 te laat, 5 deze week" per kind of the worklist, leaving out empty kinds. */
export function workCountLines(t: Translate, counts: Worklist['counts']): string[] {
  const lines: string[] = [];
  for (const kind of ALL_WORK_KINDS) {
    const c = counts?.[kind];
    if (!c || (c.overdue === 0 && c.week === 0)) continue;
    lines.push(
      t('start.workCount', {
        kind: t(`enum.workKind.${kind}`),
        overdue: c.overdue,
        week: c.week,
      }),
    );
  }
  return lines;
}

/** The worklist's counts for roles that have a worklist. */
function WorkCounts({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const { resource } = useResource((signal) => getWorklist(tenantId, null, signal), [tenantId]);
  if (resource.status !== 'ready') return null;
  const lines = workCountLines(t, resource.data.counts);
  return (
    <section aria-labelledby="mijn-werk">
      <Paragraph id="mijn-werk">
        <AppLink href={paths.worklist(tenantId)}>{t('start.work')}</AppLink>
      </Paragraph>
      {lines.length === 0 ? (
        <Paragraph>{t('start.workNone')}</Paragraph>
      ) : (
        <UnorderedList className="regie-work-counts">
          {lines.map((line) => (
            <UnorderedListItem key={line}>{line}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

/**
 * The start page of a municipality: who is signed in, with which roles. The
 * home of roles without case work (beleid); others find their sections here too.
 */
export function StartPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const { user } = useMe();
  const tenant = user.tenants.find((x) => x.id === tenantId);
  const sections = sectionsFor(user.roles);
  // Beleid and regisseur read the policy packs without a menu item of their own.
  const policyLink = canReadPolicy(user.roles) && !sections.includes('policy');
  return (
    <>
      <PageHeading title={t('start.title', { name: user.display_name })} />
      <DataList className="regie-details">
        <DataListItem>
          <DataListKey>{t('start.organisation')}</DataListKey>
          <DataListValue>{user.organisation.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('start.roles')}</DataListKey>
          <DataListValue>
            {user.roles.map((r) => enumLabel(t, 'userRole', r)).join(', ')}
          </DataListValue>
        </DataListItem>
        {tenant ? (
          <DataListItem>
            <DataListKey>{t('shell.tenant')}</DataListKey>
            <DataListValue>{tenant.name}</DataListValue>
          </DataListItem>
        ) : null}
      </DataList>
      {sections.includes('worklist') ? <WorkCounts tenantId={tenantId} /> : null}
      {sections.length > 0 ? (
        <>
          <Paragraph>{t('start.sections')}</Paragraph>
          <UnorderedList>
            {sections.map((s) => (
              <UnorderedListItem key={s}>
                <AppLink href={sectionPath(s, tenantId)}>{t(`shell.nav.${s}`)}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      {policyLink ? (
        <Paragraph>
          <AppLink href={paths.packs(tenantId)}>{t('start.policy')}</AppLink>
        </Paragraph>
      ) : null}
    </>
  );
}
