// What each role may use in the UI. The server decides every request anyway;
// the UI only leaves out what a role cannot use, so nobody is led to a refusal.
import type { UserRole } from '../api/types';
import { paths } from '../router/routes';
import type { Route } from '../router/routes';

export type Section =
  | 'households'
  | 'worklist'
  | 'signals'
  | 'referrals'
  | 'handovers'
  | 'dashboard'
  | 'reports'
  | 'benchmark'
  | 'users'
  | 'regions'
  | 'policy'
  | 'audit';

/** Roles that work on households (case content). */
export const CASE_ROLES: readonly UserRole[] = [
  'regisseur',
  'begeleider',
  'partner',
  'vrijwilliger',
];

/** The menu items of each section; a page may be open to more roles (policy packs). */
const SECTION_ROLES: Record<Section, readonly UserRole[]> = {
  households: CASE_ROLES,
  worklist: ['regisseur', 'begeleider', 'partner'],
  // Signals routed to the user's organisation (receiving organisations).
  signals: ['regisseur', 'begeleider', 'partner'],
  // Referrals to and from the user's organisation.
  referrals: ['regisseur', 'begeleider', 'partner'],
  // Incoming handovers from other municipalities: the regisseurs decide.
  handovers: ['regisseur'],
  // Aggregate figures: exact for the regisseur, suppressed for beleid.
  dashboard: ['beleid', 'regisseur'],
  // The half-year progress report: the regisseur and beleid write and
  // finalise it; a partner writes its organisation's contribution.
  reports: ['regisseur', 'beleid', 'partner'],
  // The regional benchmark: aggregates of the region, for policy staff.
  benchmark: ['beleid'],
  users: ['beheer'],
  // Whether the municipality shares its figures with its regions.
  regions: ['beheer'],
  policy: ['beheer'],
  audit: ['auditor'],
};

/** Who may read the policy packs: beheer activates them, beleid and regisseur consult them. */
const POLICY_READERS: readonly UserRole[] = ['beheer', 'beleid', 'regisseur'];

const SECTION_ORDER: readonly Section[] = [
  'households',
  'worklist',
  'signals',
  'referrals',
  'handovers',
  'dashboard',
  'reports',
  'benchmark',
  'users',
  'regions',
  'policy',
  'audit',
];

export function hasAnyRole(roles: readonly UserRole[], wanted: readonly UserRole[]): boolean {
  return roles.some((r) => wanted.includes(r));
}

/** The navigation items of a user, in menu order. */
export function sectionsFor(roles: readonly UserRole[]): Section[] {
  return SECTION_ORDER.filter((s) => hasAnyRole(roles, SECTION_ROLES[s]));
}

export function sectionPath(section: Section, tenantId: number): string {
  switch (section) {
    case 'households':
      return paths.households(tenantId);
    case 'worklist':
      return paths.worklist(tenantId);
    case 'signals':
      return paths.signals(tenantId);
    case 'referrals':
      return paths.referrals(tenantId);
    case 'handovers':
      return paths.handovers(tenantId);
    case 'dashboard':
      return paths.dashboard(tenantId);
    case 'reports':
      return paths.reports(tenantId);
    case 'benchmark':
      return paths.benchmark(tenantId);
    case 'regions':
      return paths.regions(tenantId);
    case 'policy':
      return paths.packs(tenantId);
    case 'users':
      return paths.users(tenantId);
    case 'audit':
      return paths.audit(tenantId);
  }
}

/**
 * The section a user starts in: the first of their menu, except the
 * sections that sit beside it (the report, written twice a year; the
 * regional comparison). Who has only those starts on the start page.
 */
const BESIDE_START: readonly Section[] = ['reports', 'benchmark'];

export function homeSection(roles: readonly UserRole[]): Section | null {
  return sectionsFor(roles).find((s) => !BESIDE_START.includes(s)) ?? null;
}

/** Where a user starts in a municipality: the first section, or the start page (beleid). */
export function homePath(roles: readonly UserRole[], tenantId: number): string {
  const first = homeSection(roles);
  return first ? sectionPath(first, tenantId) : paths.start(tenantId);
}

/** Only a regisseur creates households (and becomes or names their regisseur). */
export function canCreateHousehold(roles: readonly UserRole[]): boolean {
  return roles.includes('regisseur');
}

/** Break-the-glass and the tenant-wide search: regisseur or partner. */
export function canBreakGlass(roles: readonly UserRole[]): boolean {
  return hasAnyRole(roles, ['regisseur', 'partner']);
}

/** The policy packs and their activations: read by beheer, beleid and regisseur. */
export function canReadPolicy(roles: readonly UserRole[]): boolean {
  return hasAnyRole(roles, POLICY_READERS);
}

/** Only beheer changes which packs the municipality applies. */
export function canManageActivations(roles: readonly UserRole[]): boolean {
  return roles.includes('beheer');
}

/** The navigation item a page belongs to. */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'households':
    case 'householdNew':
    case 'household':
    case 'householdEdit':
    case 'householdAssignments':
    case 'householdPlan':
    case 'breakGlassSearch':
    case 'breakGlass':
    case 'personNew':
    case 'person':
    case 'personEdit':
      return 'households';
    case 'users':
    case 'userNew':
    case 'userEdit':
      return 'users';
    case 'audit':
      return 'audit';
    case 'worklist':
      return 'worklist';
    case 'signals':
      return 'signals';
    case 'referrals':
      return 'referrals';
    case 'handovers':
      return 'handovers';
    case 'dashboard':
      return 'dashboard';
    case 'reports':
      return 'reports';
    case 'benchmark':
      return 'benchmark';
    case 'regions':
      return 'regions';
    case 'packs':
    case 'pack':
    case 'activations':
      return 'policy';
    default:
      return null;
  }
}

/** Whether a signed-in user's roles allow the page at all. */
export function routeAllowed(route: Route, roles: readonly UserRole[]): boolean {
  if (route.name === 'householdNew') return canCreateHousehold(roles);
  if (route.name === 'breakGlassSearch' || route.name === 'breakGlass') return canBreakGlass(roles);
  if (route.name === 'packs' || route.name === 'pack') return canReadPolicy(roles);
  if (route.name === 'activations') return canManageActivations(roles);
  const section = sectionOf(route);
  return section === null || hasAnyRole(roles, SECTION_ROLES[section]);
}
