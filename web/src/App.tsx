import { Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { listTenants } from './api/regie';
import type { Tenant } from './api/types';
import { AppShell } from './components/AppShell';
import { Loading } from './components/Loading';
import { PageHeading } from './components/PageHeading';
import { ProblemAlert } from './components/ProblemAlert';
import { useI18n } from './i18n/i18n';
import { preferredTenant, rememberTenant } from './lib/tenantChoice';
import { useResource } from './lib/useResource';
import { HouseholdFormPage } from './pages/households/HouseholdFormPage';
import { HouseholdListPage } from './pages/households/HouseholdListPage';
import { HouseholdPage } from './pages/households/HouseholdPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PersonFormPage } from './pages/persons/PersonFormPage';
import { navigate, useLocation } from './router/router';
import { matchRoute, paths } from './router/routes';
import type { Route } from './router/routes';

function Page({ route, tenants }: { route: Route; tenants: readonly Tenant[] }) {
  const home = preferredTenant(tenants);
  const homeHref = home ? paths.households(home.id) : '/';
  switch (route.name) {
    case 'home':
      return <Loading />;
    case 'households':
      return <HouseholdListPage tenantId={route.tenantId} />;
    case 'householdNew':
      return <HouseholdFormPage tenantId={route.tenantId} />;
    case 'household':
      return <HouseholdPage tenantId={route.tenantId} householdId={route.householdId} />;
    case 'householdEdit':
      return <HouseholdFormPage tenantId={route.tenantId} householdId={route.householdId} />;
    case 'personNew':
      return <PersonFormPage tenantId={route.tenantId} householdId={route.householdId} />;
    case 'personEdit':
      return <PersonFormPage tenantId={route.tenantId} personId={route.personId} />;
    case 'notFound':
      return <NotFoundPage homeHref={homeHref} />;
  }
}

export function App() {
  const { t } = useI18n();
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const tenantId = 'tenantId' in route ? route.tenantId : null;
  const { resource } = useResource((signal) => listTenants(signal), []);
  const tenants = resource.status === 'ready' ? resource.data : [];

  useEffect(() => {
    if (resource.status !== 'ready') return;
    if (route.name === 'home') {
      const tenant = preferredTenant(resource.data);
      if (tenant) navigate(paths.households(tenant.id), { replace: true });
    } else if (tenantId !== null && resource.data.some((x) => x.id === tenantId)) {
      rememberTenant(tenantId);
    }
  }, [resource, route.name, tenantId]);

  return (
    <AppShell
      tenants={tenants}
      tenantId={tenantId}
      section={route.name === 'households' ? 'households' : null}
    >
      {resource.status === 'error' ? (
        <>
          <PageHeading title={t('app.name')} />
          <ProblemAlert error={resource.error} />
        </>
      ) : resource.status === 'ready' && route.name === 'home' && tenants.length === 0 ? (
        <>
          <PageHeading title={t('app.name')} />
          <Paragraph>{t('app.noTenants')}</Paragraph>
        </>
      ) : (
        // A new path is a new page: its state (form input, flash) starts fresh.
        <Page key={location.pathname} route={route} tenants={tenants} />
      )}
    </AppShell>
  );
}
