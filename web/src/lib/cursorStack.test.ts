import { describe, expect, it } from 'vitest';
import {
  currentCursor,
  cursorStackFrom,
  FIRST_PAGE,
  nextPage,
  pageNumber,
  previousPage,
} from './cursorStack';

describe('cursor stack', () => {
  it('starts on the first page without a cursor', () => {
    expect(currentCursor(FIRST_PAGE)).toBeNull();
    expect(pageNumber(FIRST_PAGE)).toBe(1);
  });

  it('goes forward with the next cursor and back the same way', () => {
    const p2 = nextPage(FIRST_PAGE, 'c1');
    const p3 = nextPage(p2, 'c2');
    expect(currentCursor(p3)).toBe('c2');
    expect(pageNumber(p3)).toBe(3);
    const back = previousPage(p3);
    expect(back).toEqual(p2);
    expect(currentCursor(back)).toBe('c1');
    expect(currentCursor(previousPage(back))).toBeNull();
  });

  it('never changes a stack in place', () => {
    const p2 = nextPage(FIRST_PAGE, 'c1');
    nextPage(p2, 'c2');
    previousPage(p2);
    expect(p2).toEqual(['c1']);
    expect(FIRST_PAGE).toEqual([]);
  });

  it('stays on the first page when going back from it', () => {
    expect(previousPage(FIRST_PAGE)).toEqual([]);
  });

  it('reads a stack back from history state and refuses anything else', () => {
    expect(cursorStackFrom(['a', 'b'])).toEqual(['a', 'b']);
    expect(cursorStackFrom(undefined)).toBe(FIRST_PAGE);
    expect(cursorStackFrom('a')).toBe(FIRST_PAGE);
    expect(cursorStackFrom(['a', 3])).toBe(FIRST_PAGE);
    expect(cursorStackFrom(['a', ''])).toBe(FIRST_PAGE);
  });
});
