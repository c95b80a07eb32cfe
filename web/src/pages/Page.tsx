import { lazy, Suspense } from 'react';
import { Loading } from '../components/Loading';
import { AuditPage } from './audit/AuditPage';
import { BenchmarkPage } from './benchmark/BenchmarkPage';
import { RegionsPage } from './benchmark/RegionsPage';
import { ForbiddenPage } from './ForbiddenPage';
import { AssignmentsPage } from './households/AssignmentsPage';
import { BreakGlassPage } from './households/BreakGlassPage';
import { BreakGlassSearchPage } from './households/BreakGlassSearchPage';
import { HouseholdFormPage } from './households/HouseholdFormPage';
import { HouseholdListPage } from './households/HouseholdListPage';
import { HouseholdPage } from './households/HouseholdPage';
import { NotFoundPage } from './NotFoundPage';
import { PlanPage } from './plan/PlanPage';
import { PersonFormPage } from './persons/PersonFormPage';
import { PersonPage } from './persons/PersonPage';
import { ActivationsPage } from './policy/ActivationsPage';
import { PackPage } from './policy/PackPage';
import { PacksPage } from './policy/PacksPage';
import { ReferralsPage } from './referrals/ReferralsPage';
import { ReportsPage } from './reports/ReportsPage';
import { IncomingHandoversPage } from './handovers/IncomingHandoversPage';
import { SignalsPage } from './signals/SignalsPage';
import { StartPage } from './StartPage';
import { UserFormPage } from './users/UserFormPage';
import { UserListPage } from './users/UserListPage';
import { WorklistPage } from './worklist/WorklistPage';
import type { Route } from '../router/routes';

// The dashboard brings the chart library; only its users download it.
const DashboardPage = lazy(() =>
  import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);

/** The page of a route inside the signed-in app. */
export function Page({
  route,
  allowed,
  homeHref,
}: {
  route: Route;
  /** Whether the user's roles allow this page. */
  allowed: boolean;
  homeHref: string;
}) {
  if (!allowed) return <ForbiddenPage homeHref={homeHref} />;
  switch (route.name) {
    case 'start':
      return <StartPage tenantId={route.tenantId} />;
    case 'households':
      return <HouseholdListPage tenantId={route.tenantId} />;
    case 'householdNew':
      return <HouseholdFormPage tenantId={route.tenantId} />;
    case 'household':
      return <HouseholdPage tenantId={route.tenantId} householdId={route.householdId} />;
    case 'householdEdit':
      return <HouseholdFormPage tenantId={route.tenantId} householdId={route.householdId} />;
    case 'householdAssignments':
      return <AssignmentsPage tenantId={route.tenantId} householdId={route.householdId} />;
    case 'householdPlan':
      return <PlanPage tenantId={route.tenantId} householdId={route.householdId} />;
    case 'breakGlassSearch':
      return <BreakGlassSearchPage tenantId={route.tenantId} />;
    case 'breakGlass':
      return <BreakGlassPage tenantId={route.tenantId} householdId={route.householdId} />;
    case 'personNew':
      return <PersonFormPage tenantId={route.tenantId} householdId={route.householdId} />;
    case 'person':
      return <PersonPage tenantId={route.tenantId} personId={route.personId} />;
    case 'personEdit':
      return <PersonFormPage tenantId={route.tenantId} personId={route.personId} />;
    case 'users':
      return <UserListPage tenantId={route.tenantId} />;
    case 'userNew':
      return <UserFormPage tenantId={route.tenantId} />;
    case 'userEdit':
      return <UserFormPage tenantId={route.tenantId} userId={route.userId} />;
    case 'audit':
      return <AuditPage tenantId={route.tenantId} />;
    case 'worklist':
      return <WorklistPage tenantId={route.tenantId} />;
    case 'signals':
      return <SignalsPage tenantId={route.tenantId} />;
    case 'referrals':
      return <ReferralsPage tenantId={route.tenantId} />;
    case 'handovers':
      return <IncomingHandoversPage tenantId={route.tenantId} />;
    case 'dashboard':
      return (
        <Suspense fallback={<Loading />}>
          <DashboardPage tenantId={route.tenantId} />
        </Suspense>
      );
    case 'reports':
      return <ReportsPage tenantId={route.tenantId} />;
    case 'benchmark':
      return <BenchmarkPage tenantId={route.tenantId} />;
    case 'regions':
      return <RegionsPage tenantId={route.tenantId} />;
    case 'packs':
      return <PacksPage tenantId={route.tenantId} />;
    case 'pack':
      return <PackPage tenantId={route.tenantId} packId={route.packId} />;
    case 'activations':
      return <ActivationsPage tenantId={route.tenantId} />;
    case 'home':
    case 'login':
    case 'enrol':
    case 'notFound':
      return <NotFoundPage homeHref={homeHref} />;
  }
}
