// The pages of the app and their URLs. The tenant (gemeente) is part of every
// URL, so a link always opens the same household in the same municipality.

export type Route =
  | { name: 'home' }
  | { name: 'households'; tenantId: number }
  | { name: 'householdNew'; tenantId: number }
  | { name: 'household'; tenantId: number; householdId: number }
  | { name: 'householdEdit'; tenantId: number; householdId: number }
  | { name: 'personNew'; tenantId: number; householdId: number }
  | { name: 'personEdit'; tenantId: number; personId: number }
  | { name: 'notFound' };

export const paths = {
  households: (tenantId: number) => `/gemeenten/${tenantId}/huishoudens`,
  householdNew: (tenantId: number) => `/gemeenten/${tenantId}/huishoudens/nieuw`,
  household: (tenantId: number, householdId: number) =>
    `/gemeenten/${tenantId}/huishoudens/${householdId}`,
  householdEdit: (tenantId: number, householdId: number) =>
    `/gemeenten/${tenantId}/huishoudens/${householdId}/bewerken`,
  personNew: (tenantId: number, householdId: number) =>
    `/gemeenten/${tenantId}/huishoudens/${householdId}/personen/nieuw`,
  personEdit: (tenantId: number, personId: number) =>
    `/gemeenten/${tenantId}/personen/${personId}/bewerken`,
};

const ID = /^[1-9][0-9]{0,14}$/;

function id(segment: string | undefined): number | null {
  return segment !== undefined && ID.test(segment) ? Number(segment) : null;
}

export function matchRoute(pathname: string): Route {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1);
  if (parts.length === 0 || (parts.length === 1 && parts[0] === '')) return { name: 'home' };
  const [root, tenant, section, item, action, sub] = parts;
  const tenantId = id(tenant);
  if (root !== 'gemeenten' || tenantId === null) return { name: 'notFound' };
  if (section === 'huishoudens') {
    if (parts.length === 3) return { name: 'households', tenantId };
    if (parts.length === 4 && item === 'nieuw') return { name: 'householdNew', tenantId };
    const householdId = id(item);
    if (householdId === null) return { name: 'notFound' };
    if (parts.length === 4) return { name: 'household', tenantId, householdId };
    if (parts.length === 5 && action === 'bewerken')
      return { name: 'householdEdit', tenantId, householdId };
    if (parts.length === 6 && action === 'personen' && sub === 'nieuw')
      return { name: 'personNew', tenantId, householdId };
  }
  if (section === 'personen' && parts.length === 5 && action === 'bewerken') {
    const personId = id(item);
    if (personId !== null) return { name: 'personEdit', tenantId, personId };
  }
  return { name: 'notFound' };
}
