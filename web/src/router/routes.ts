// The pages of the app and their URLs. The tenant (gemeente) is part of every
// URL inside the app, so a link always opens the same household in the same
// municipality. Sign-in and enrolment live outside the tenants.

export type Route =
  | { name: 'home' }
  | { name: 'login' }
  | { name: 'enrol'; token: string }
  | { name: 'start'; tenantId: number }
  | { name: 'households'; tenantId: number }
  | { name: 'householdNew'; tenantId: number }
  | { name: 'household'; tenantId: number; householdId: number }
  | { name: 'householdEdit'; tenantId: number; householdId: number }
  | { name: 'householdAssignments'; tenantId: number; householdId: number }
  | { name: 'householdPlan'; tenantId: number; householdId: number }
  | { name: 'breakGlassSearch'; tenantId: number }
  | { name: 'breakGlass'; tenantId: number; householdId: number }
  | { name: 'personNew'; tenantId: number; householdId: number }
  | { name: 'person'; tenantId: number; personId: number }
  | { name: 'personEdit'; tenantId: number; personId: number }
  | { name: 'users'; tenantId: number }
  | { name: 'userNew'; tenantId: number }
  | { name: 'userEdit'; tenantId: number; userId: number }
  | { name: 'audit'; tenantId: number }
  | { name: 'worklist'; tenantId: number }
  | { name: 'signals'; tenantId: number }
  | { name: 'referrals'; tenantId: number }
  | { name: 'handovers'; tenantId: number }
  | { name: 'dashboard'; tenantId: number }
  | { name: 'reports'; tenantId: number }
  | { name: 'packs'; tenantId: number }
  | { name: 'pack'; tenantId: number; packId: string }
  | { name: 'activations'; tenantId: number }
  | { name: 'benchmark'; tenantId: number }
  | { name: 'regions'; tenantId: number }
  | { name: 'notFound' };

export type RouteName = Route['name'];

const tenant = (tenantId: number) => `/gemeenten/${tenantId}`;

export const paths = {
  login: '/inloggen',
  enrol: (token: string) => `/inschrijven/${encodeURIComponent(token)}`,
  start: (tenantId: number) => tenant(tenantId),
  households: (tenantId: number) => `${tenant(tenantId)}/huishoudens`,
  householdNew: (tenantId: number) => `${tenant(tenantId)}/huishoudens/nieuw`,
  household: (tenantId: number, householdId: number) =>
    `${tenant(tenantId)}/huishoudens/${householdId}`,
  householdEdit: (tenantId: number, householdId: number) =>
    `${tenant(tenantId)}/huishoudens/${householdId}/bewerken`,
  householdAssignments: (tenantId: number, householdId: number) =>
    `${tenant(tenantId)}/huishoudens/${householdId}/betrokkenen`,
  householdPlan: (tenantId: number, householdId: number) =>
    `${tenant(tenantId)}/huishoudens/${householdId}/plan`,
  breakGlassSearch: (tenantId: number) => `${tenant(tenantId)}/noodtoegang`,
  breakGlass: (tenantId: number, householdId: number) =>
    `${tenant(tenantId)}/huishoudens/${householdId}/noodtoegang`,
  personNew: (tenantId: number, householdId: number) =>
    `${tenant(tenantId)}/huishoudens/${householdId}/personen/nieuw`,
  person: (tenantId: number, personId: number) => `${tenant(tenantId)}/personen/${personId}`,
  personEdit: (tenantId: number, personId: number) =>
    `${tenant(tenantId)}/personen/${personId}/bewerken`,
  users: (tenantId: number) => `${tenant(tenantId)}/gebruikers`,
  userNew: (tenantId: number) => `${tenant(tenantId)}/gebruikers/nieuw`,
  userEdit: (tenantId: number, userId: number) =>
    `${tenant(tenantId)}/gebruikers/${userId}/bewerken`,
  audit: (tenantId: number) => `${tenant(tenantId)}/auditlog`,
  worklist: (tenantId: number) => `${tenant(tenantId)}/werklijst`,
  signals: (tenantId: number) => `${tenant(tenantId)}/signalen`,
  referrals: (tenantId: number) => `${tenant(tenantId)}/verwijzingen`,
  handovers: (tenantId: number) => `${tenant(tenantId)}/overdrachten`,
  dashboard: (tenantId: number) => `${tenant(tenantId)}/dashboard`,
  reports: (tenantId: number) => `${tenant(tenantId)}/rapportage`,
  packs: (tenantId: number) => `${tenant(tenantId)}/beleidsregels`,
  pack: (tenantId: number, packId: string) =>
    `${tenant(tenantId)}/beleidsregels/${encodeURIComponent(packId)}`,
  activations: (tenantId: number) => `${tenant(tenantId)}/beleidsregels/activeringen`,
  benchmark: (tenantId: number) => `${tenant(tenantId)}/regionale-vergelijking`,
  regions: (tenantId: number) => `${tenant(tenantId)}/regios`,
};

const ID = /^[1-9][0-9]{0,14}$/;
// Enrolment tokens are random strings of URL-safe (unreserved) characters.
const TOKEN = /^[A-Za-z0-9._~-]{1,512}$/;
// Policy pack ids ("nl-wet-inburgering-2021"); "activeringen" is the editor.
const PACK_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function id(segment: string | undefined): number | null {
  return segment !== undefined && ID.test(segment) ? Number(segment) : null;
}

function householdRoute(tenantId: number, rest: string[]): Route {
  const [item, action, sub] = rest;
  if (rest.length === 0) return { name: 'households', tenantId };
  if (rest.length === 1 && item === 'nieuw') return { name: 'householdNew', tenantId };
  const householdId = id(item);
  if (householdId === null) return { name: 'notFound' };
  if (rest.length === 1) return { name: 'household', tenantId, householdId };
  if (rest.length === 2 && action === 'bewerken')
    return { name: 'householdEdit', tenantId, householdId };
  if (rest.length === 2 && action === 'betrokkenen')
    return { name: 'householdAssignments', tenantId, householdId };
  if (rest.length === 2 && action === 'plan')
    return { name: 'householdPlan', tenantId, householdId };
  if (rest.length === 2 && action === 'noodtoegang')
    return { name: 'breakGlass', tenantId, householdId };
  if (rest.length === 3 && action === 'personen' && sub === 'nieuw')
    return { name: 'personNew', tenantId, householdId };
  return { name: 'notFound' };
}

function tenantRoute(tenantId: number, section: string | undefined, rest: string[]): Route {
  if (section === undefined) return { name: 'start', tenantId };
  if (section === 'huishoudens') return householdRoute(tenantId, rest);
  if (section === 'noodtoegang' && rest.length === 0) return { name: 'breakGlassSearch', tenantId };
  if (section === 'auditlog' && rest.length === 0) return { name: 'audit', tenantId };
  if (section === 'werklijst' && rest.length === 0) return { name: 'worklist', tenantId };
  if (section === 'signalen' && rest.length === 0) return { name: 'signals', tenantId };
  if (section === 'verwijzingen' && rest.length === 0) return { name: 'referrals', tenantId };
  if (section === 'overdrachten' && rest.length === 0) return { name: 'handovers', tenantId };
  if (section === 'dashboard' && rest.length === 0) return { name: 'dashboard', tenantId };
  if (section === 'rapportage' && rest.length === 0) return { name: 'reports', tenantId };
  if (section === 'regionale-vergelijking' && rest.length === 0)
    return { name: 'benchmark', tenantId };
  if (section === 'regios' && rest.length === 0) return { name: 'regions', tenantId };
  const [item, action] = rest;
  if (section === 'beleidsregels') {
    if (rest.length === 0) return { name: 'packs', tenantId };
    if (rest.length === 1 && item === 'activeringen') return { name: 'activations', tenantId };
    if (rest.length === 1 && PACK_ID.test(item!)) return { name: 'pack', tenantId, packId: item! };
  }
  if (section === 'personen') {
    const personId = id(item);
    if (personId !== null && rest.length === 1) return { name: 'person', tenantId, personId };
    if (personId !== null && rest.length === 2 && action === 'bewerken')
      return { name: 'personEdit', tenantId, personId };
  }
  if (section === 'gebruikers') {
    if (rest.length === 0) return { name: 'users', tenantId };
    if (rest.length === 1 && item === 'nieuw') return { name: 'userNew', tenantId };
    const userId = id(item);
    if (userId !== null && rest.length === 2 && action === 'bewerken')
      return { name: 'userEdit', tenantId, userId };
  }
  return { name: 'notFound' };
}

export function matchRoute(pathname: string): Route {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) return { name: 'home' };
  const [root, second, section, ...rest] = parts;
  if (root === 'inloggen' && parts.length === 1) return { name: 'login' };
  if (root === 'inschrijven' && parts.length === 2) {
    let token = '';
    try {
      token = decodeURIComponent(second ?? '');
    } catch {
      return { name: 'notFound' };
    }
    return TOKEN.test(token) ? { name: 'enrol', token } : { name: 'notFound' };
  }
  const tenantId = id(second);
  if (root !== 'gemeenten' || tenantId === null) return { name: 'notFound' };
  return tenantRoute(tenantId, section, rest);
}
