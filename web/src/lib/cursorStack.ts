// Page positions of the household list. The API pages with an opaque `next`
// cursor and cannot go back, so the list keeps the cursors of the pages it
// went through: [] is the first page, [c1] the second, [c1, c2] the third.

export type CursorStack = readonly string[];

export const FIRST_PAGE: CursorStack = [];

/** The `after` cursor to request the current page with (null: first page). */
export function currentCursor(stack: CursorStack): string | null {
  return stack.length ? stack[stack.length - 1]! : null;
}

export function nextPage(stack: CursorStack, next: string): CursorStack {
  return [...stack, next];
}

export function previousPage(stack: CursorStack): CursorStack {
  return stack.slice(0, -1);
}

export function pageNumber(stack: CursorStack): number {
  return stack.length + 1;
}

/** A stack read back from history state, which may hold anything. */
export function cursorStackFrom(value: unknown): CursorStack {
  return Array.isArray(value) && value.every((c) => typeof c === 'string' && c.length > 0)
    ? (value as string[])
    : FIRST_PAGE;
}
