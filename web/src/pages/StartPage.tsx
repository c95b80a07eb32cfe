import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { AppLink } from '../components/links';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/i18n';
import { enumLabel } from '../lib/enumLabel';
import { canReadPolicy, sectionPath, sectionsFor } from '../lib/roles';
import { paths } from '../router/routes';
import { useMe } from '../session/session';

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
