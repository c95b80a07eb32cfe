import { PageFooter, Paragraph } from '@utrecht/component-library-react';
import type { MouseEvent, ReactNode } from 'react';
import type { Tenant } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { paths } from '../router/routes';
import { LanguageToggle } from './LanguageToggle';
import { AppLink } from './links';
import { TenantSelector } from './TenantSelector';

const MAIN_ID = 'inhoud';

function skipToContent(event: MouseEvent<HTMLAnchorElement>): void {
  // Focus <main> directly; a hash change would add a history entry.
  event.preventDefault();
  document.getElementById(MAIN_ID)?.focus();
}

interface AppShellProps {
  tenants: readonly Tenant[];
  tenantId: number | null;
  /** Which navigation item is the current page. */
  section: 'households' | null;
  children: ReactNode;
}

export function AppShell({ tenants, tenantId, section, children }: AppShellProps) {
  const { t } = useI18n();
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
            {tenants.length > 0 ? (
              <TenantSelector key={tenantId} tenants={tenants} currentId={tenantId} />
            ) : null}
            <LanguageToggle />
          </div>
        </div>
        {tenantId !== null ? (
          <nav className="regie-nav" aria-label={t('shell.navLabel')}>
            <ul className="regie-nav__list">
              <li>
                <AppLink
                  href={paths.households(tenantId)}
                  className="regie-nav__link"
                  aria-current={section === 'households' ? 'page' : undefined}
                >
                  {t('shell.households')}
                </AppLink>
              </li>
            </ul>
          </nav>
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
