import { Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import type { Me } from './api/types';
import { AppShell } from './components/AppShell';
import { Loading } from './components/Loading';
import { PageHeading } from './components/PageHeading';
import { ProblemAlert } from './components/ProblemAlert';
import { useI18n } from './i18n/i18n';
import { loginHref, nextFromSearch } from './lib/loginRedirect';
import { homePath, routeAllowed, sectionOf } from './lib/roles';
import { preferredTenant, rememberTenant } from './lib/tenantChoice';
import { EnrolPage } from './pages/auth/EnrolPage';
import { LoginPage } from './pages/auth/LoginPage';
import { Page } from './pages/Page';
import { navigate, useLocation } from './router/router';
import { matchRoute } from './router/routes';
import type { Route } from './router/routes';
import { SessionProvider, useSession } from './session/session';

/** Where "/" leads a signed-in user: their first section in the remembered municipality. */
function homeOf(me: Me): string | null {
  const tenant = preferredTenant(me.user.tenants);
  return tenant ? homePath(me.user.roles, tenant.id) : null;
}

/** The redirect a route needs for the session as it is, or null to show it. */
function redirectFor(route: Route, search: string, me: Me | null, path: string): string | null {
  if (route.name === 'enrol') return null;
  if (!me) return route.name === 'login' ? null : loginHref(path);
  if (route.name === 'login') return nextFromSearch(search) ?? homeOf(me) ?? '/';
  if (route.name === 'home') return homeOf(me);
  return null;
}

function SignedIn({ me, route }: { me: Me; route: Route }) {
  const { t } = useI18n();
  const location = useLocation();
  const tenantId = 'tenantId' in route ? route.tenantId : null;
  const known = tenantId === null || me.user.tenants.some((x) => x.id === tenantId);

  useEffect(() => {
    if (tenantId !== null && known) rememberTenant(tenantId);
  }, [tenantId, known]);

  const section = route.name === 'start' ? 'start' : sectionOf(route);
  return (
    <AppShell me={me} tenantId={known ? tenantId : null} section={section}>
      {route.name === 'home' && me.user.tenants.length === 0 ? (
        <>
          <PageHeading title={t('app.name')} />
          <Paragraph>{t('app.noTenants')}</Paragraph>
        </>
      ) : route.name === 'home' || route.name === 'login' ? (
        <Loading />
      ) : (
        // A new path is a new page: its state (form input, flash) starts fresh.
        <Page
          key={location.pathname}
          route={known ? route : { name: 'notFound' }}
          allowed={routeAllowed(route, me.user.roles)}
          homeHref={homeOf(me) ?? '/'}
        />
      )}
    </AppShell>
  );
}

function Routes() {
  const { t } = useI18n();
  const { state, retry } = useSession();
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const me = state.status === 'signedIn' ? state.me : null;
  const settled = state.status === 'signedIn' || state.status === 'anonymous';
  const redirect = settled
    ? redirectFor(route, location.search, me, location.pathname + location.search)
    : null;

  useEffect(() => {
    // After signing in the next page is a new page for the user: focus its heading.
    if (redirect) navigate(redirect, { replace: true, focusPage: route.name === 'login' });
  }, [redirect, route.name]);

  if (route.name === 'enrol') {
    return (
      <AppShell me={null} tenantId={null} section={null}>
        <EnrolPage key={route.token} token={route.token} />
      </AppShell>
    );
  }
  if (state.status === 'error') {
    return (
      <AppShell me={null} tenantId={null} section={null}>
        <PageHeading title={t('app.name')} />
        <ProblemAlert error={state.error}>
          <Button appearance="secondary-action-button" onClick={retry}>
            {t('common.retry')}
          </Button>
        </ProblemAlert>
      </AppShell>
    );
  }
  if (me) return <SignedIn me={me} route={route} />;
  return (
    <AppShell me={null} tenantId={null} section={null}>
      {state.status === 'anonymous' && route.name === 'login' ? <LoginPage /> : <Loading />}
    </AppShell>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Routes />
    </SessionProvider>
  );
}
