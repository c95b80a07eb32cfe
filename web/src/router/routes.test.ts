import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from './routes';

describe('routes', () => {
  it('match every path they build', () => {
    expect(matchRoute(paths.households(2))).toEqual({ name: 'households', tenantId: 2 });
    expect(matchRoute(paths.householdNew(2))).toEqual({ name: 'householdNew', tenantId: 2 });
    expect(matchRoute(paths.household(2, 15))).toEqual({
      name: 'household',
      tenantId: 2,
      householdId: 15,
    });
    expect(matchRoute(paths.householdEdit(2, 15)).name).toBe('householdEdit');
    expect(matchRoute(paths.personNew(2, 15))).toEqual({
      name: 'personNew',
      tenantId: 2,
      householdId: 15,
    });
    expect(matchRoute(paths.personEdit(2, 9))).toEqual({
      name: 'personEdit',
      tenantId: 2,
      personId: 9,
    });
  });

  it('treat the root as home and allow a trailing slash', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/gemeenten/1/huishoudens/')).toEqual({ name: 'households', tenantId: 1 });
  });

  it('refuse ids that are not positive integers and unknown paths', () => {
    for (const path of [
      '/gemeenten/0/huishoudens',
      '/gemeenten/x/huishoudens',
      '/gemeenten/1/huishoudens/01',
      '/gemeenten/1/huishoudens/1/onbekend',
      '/gemeenten/1/personen/5',
      '/assets/app.js',
      '/gemeenten/1',
    ]) {
      expect(matchRoute(path), path).toEqual({ name: 'notFound' });
    }
  });
});
