// The municipality the user worked in last, remembered in this browser.
import type { Tenant } from '../api/types';

const STORAGE_KEY = 'regie.tenant';

export function rememberTenant(tenantId: number): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, String(tenantId));
  } catch {
    // Private mode: nothing to remember.
  }
}

/** The remembered tenant if it still exists, else the first one. */
export function preferredTenant(tenants: readonly Tenant[]): Tenant | null {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  return tenants.find((t) => String(t.id) === stored) ?? tenants[0] ?? null;
}
