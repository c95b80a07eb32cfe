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
    expect(matchRoute(paths.householdAssignments(2, 15)).name).toBe('householdAssignments');
    expect(matchRoute(paths.breakGlass(2, 15))).toEqual({
      name: 'breakGlass',
      tenantId: 2,
      householdId: 15,
    });
    expect(matchRoute(paths.breakGlassSearch(2))).toEqual({
      name: 'breakGlassSearch',
      tenantId: 2,
    });
    expect(matchRoute(paths.personNew(2, 15))).toEqual({
      name: 'personNew',
      tenantId: 2,
      householdId: 15,
    });
    expect(matchRoute(paths.person(2, 9))).toEqual({ name: 'person', tenantId: 2, personId: 9 });
    expect(matchRoute(paths.personEdit(2, 9))).toEqual({
      name: 'personEdit',
      tenantId: 2,
      personId: 9,
    });
    expect(matchRoute(paths.users(2))).toEqual({ name: 'users', tenantId: 2 });
    expect(matchRoute(paths.userNew(2))).toEqual({ name: 'userNew', tenantId: 2 });
    expect(matchRoute(paths.userEdit(2, 4))).toEqual({ name: 'userEdit', tenantId: 2, userId: 4 });
    expect(matchRoute(paths.audit(2))).toEqual({ name: 'audit', tenantId: 2 });
    expect(matchRoute(paths.worklist(2))).toEqual({ name: 'worklist', tenantId: 2 });
    expect(matchRoute(paths.signals(2))).toEqual({ name: 'signals', tenantId: 2 });
    expect(matchRoute(paths.packs(2))).toEqual({ name: 'packs', tenantId: 2 });
    expect(matchRoute(paths.pack(2, 'nl-wet-inburgering-2021'))).toEqual({
      name: 'pack',
      tenantId: 2,
      packId: 'nl-wet-inburgering-2021',
    });
    expect(matchRoute(paths.activations(2))).toEqual({ name: 'activations', tenantId: 2 });
    expect(matchRoute(paths.start(2))).toEqual({ name: 'start', tenantId: 2 });
    expect(matchRoute(paths.login)).toEqual({ name: 'login' });
    expect(matchRoute(paths.enrol('aB3_x-9.~'))).toEqual({ name: 'enrol', token: 'aB3_x-9.~' });
  });

  it('treat the root as home and allow a trailing slash', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/gemeenten/1/huishoudens/')).toEqual({ name: 'households', tenantId: 1 });
    expect(matchRoute('/inloggen/')).toEqual({ name: 'login' });
  });

  it('refuse ids that are not positive integers and unknown paths', () => {
    for (const path of [
      '/gemeenten/0/huishoudens',
      '/gemeenten/x/huishoudens',
      '/gemeenten/1/huishoudens/01',
      '/gemeenten/1/huishoudens/1/onbekend',
      '/gemeenten/1/personen/5/x',
      '/gemeenten/1/gebruikers/5',
      '/gemeenten/1/auditlog/2',
      '/gemeenten/1/werklijst/3',
      '/gemeenten/1/beleidsregels/-x',
      '/gemeenten/1/beleidsregels/a%20b',
      '/gemeenten/1/beleidsregels/woerden-2017/1',
      '/assets/app.js',
      '/inschrijven',
      '/inschrijven/a/b',
      '/inschrijven/%3Cscript%3E',
      '/inschrijven/%E0%A4%A',
    ]) {
      expect(matchRoute(path), path).toEqual({ name: 'notFound' });
    }
  });
});
