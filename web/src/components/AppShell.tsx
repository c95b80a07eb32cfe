import { PageFooter, Paragraph } from '@utrecht/component-library-react';
import type { MouseEvent, ReactNode } from 'react';
import type { Me } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { sectionPath, sectionsFor, startsAtStartPage } from '../lib/roles';
import type { Section } from '../lib/roles';
import { paths } from '../router/routes';
import { LanguageToggle } from './LanguageToggle';
import { AppLink } from './links';
import { TenantSelector } from './TenantSelector';
import { UserBar } from './UserBar';

const MAIN_ID = 'inhoud';

function skipToContent(event: MouseEvent<HTMLAnchorElement>): void {
  // Focus <main> directly; a hash change would add a history entry.
  event.preventDefault();
  document.getElementById(MAIN_ID)?.focus();
}

interface AppShellProps {
  /** The signed-in user; null on the login and enrolment pages. */
  me: Me | null;
  tenantId: number | null;
  /** Which navigation item is the current page ('start' for the start page). */
  section: Section | 'start' | null;
  children: ReactNode;
}

function Navigation({
  me,
  tenantId,
  section,
}: {
  me: Me;
  tenantId: number;
  section: AppShellProps['section'];
}) {
  const { t } = useI18n();
  const sections = sectionsFor(me.user.roles);
  const items = [
    ...(startsAtStartPage(me.user.roles)
      ? [{ key: 'start', href: paths.start(tenantId), label: t('shell.nav.start') }]
      : []),
    ...sections.map((s) => ({
      key: s,
      href: sectionPath(s, tenantId),
      label: t(`shell.nav.${s}`),
    })),
  ];
  return (
    <nav className="regie-nav" aria-label={t('shell.navLabel')}>
      <ul className="regie-nav__list">
        {items.map((item) => (
          <li key={item.key}>
            <AppLink
              href={item.href}
              className="regie-nav__link"
              aria-current={section === item.key ? 'page' : undefined}
            >
              {item.label}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function AppShell({ me, tenantId, section, children }: AppShellProps) {
  const { t } = useI18n();
  const tenants = me?.user.tenants ?? [];
  return (
    <div className="regie-app">
      <a
        href={`#${MAIN_ID}`}
        className="utrecht-skip-link utrecht-skip-link--visible-on-focus"
        onClick={skipToContent}
      >
        {t('shell.skipLink')}
      </a>
      <header className="utrecht-page-header regie-header">
        <div className="regie-header__bar">
          <div className="regie-brand">
            <span className="regie-brand__name">{t('app.name')}</span>
            <span className="regie-brand__tagline">{t('app.tagline')}</span>
          </div>
          <div className="regie-header__tools">
            {me && tenants.length > 0 ? (
              <TenantSelector
                key={tenantId}
                tenants={tenants}
                currentId={tenantId}
                roles={me.user.roles}
                section={section === 'start' ? null : section}
              />
            ) : null}
            {me ? <UserBar me={me} /> : null}
            <LanguageToggle />
          </div>
        </div>
        {me && tenantId !== null ? (
          <Navigation me={me} tenantId={tenantId} section={section} />
        ) : null}
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="utrecht-page-content regie-main">
        {children}
      </main>
      <PageFooter className="regie-footer">
        <Paragraph>{t('shell.footer')}</Paragraph>
      </PageFooter>
    </div>
  );
}
