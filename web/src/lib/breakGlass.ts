// When this user's emergency opening (break-the-glass) of a household ends,
// as the server answered when it was opened. Kept in sessionStorage (this
// tab, cleared at sign-out) so the household page can keep showing "until
// <time>" after a reload; the household's `access.break_glass` decides
// whether the warning shows at all.

const PREFIX = 'regie.noodtoegang.';

function key(tenantId: number, householdId: number): string {
  return `${PREFIX}${tenantId}.${householdId}`;
}

export function rememberBreakGlass(tenantId: number, householdId: number, expiresAt: string): void {
  try {
    window.sessionStorage.setItem(key(tenantId, householdId), expiresAt);
  } catch {
    // Storage unavailable: the banner shows without the end time.
  }
}

/** The remembered end of the opening, if it is still in the future. */
export function breakGlassExpiry(
  tenantId: number,
  householdId: number,
  now = Date.now(),
): string | null {
  let value: string | null = null;
  try {
    value = window.sessionStorage.getItem(key(tenantId, householdId));
  } catch {
    return null;
  }
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) || at <= now ? null : value;
}

export function forgetBreakGlass(): void {
  try {
    const storage = window.sessionStorage;
    for (let i = storage.length - 1; i >= 0; i -= 1) {
      const k = storage.key(i);
      if (k?.startsWith(PREFIX)) storage.removeItem(k);
    }
  } catch {
    // Nothing stored.
  }
}
