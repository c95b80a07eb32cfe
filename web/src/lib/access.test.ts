// Pure logic of the access issue: roles, the login redirect, waiting times,
// the TOTP setup presentation, break-the-glass expiry.
import { describe, expect, it } from 'vitest';
import type { UserRole } from '../api/types';
import { translate } from '../i18n/translate';
import type { MessageKey, Params } from '../i18n/translate';
import { matchRoute } from '../router/routes';
import { breakGlassExpiry, forgetBreakGlass, rememberBreakGlass } from './breakGlass';
import { cleanTotpCode, groupSecret, svgDataUrl } from './enrolment';
import { loginHref, nextFromSearch, safeNext } from './loginRedirect';
import { canBreakGlass, canCreateHousehold, homePath, routeAllowed, sectionsFor } from './roles';
import { formatWait } from './wait';

const t = (key: MessageKey, params?: Params) => translate('nl', key, params);

describe('roles', () => {
  it('give each role its sections in menu order', () => {
    const cases: [UserRole[], string[]][] = [
      [
        ['regisseur'],
        ['households', 'worklist', 'signals', 'referrals', 'handovers', 'dashboard', 'reports'],
      ],
      [['begeleider'], ['households', 'worklist', 'signals', 'referrals']],
      [['partner'], ['households', 'worklist', 'signals', 'referrals', 'reports']],
      [['vrijwilliger'], ['households']],
      [['beleid'], ['dashboard', 'reports', 'benchmark']],
      [['beheer'], ['users', 'regions', 'policy']],
      [['auditor'], ['audit']],
      [
        ['auditor', 'beheer', 'begeleider'],
        ['households', 'worklist', 'signals', 'referrals', 'users', 'regions', 'policy', 'audit'],
      ],
    ];
    for (const [roles, sections] of cases)
      expect(sectionsFor(roles), roles.join()).toEqual(sections);
  });

  it('start each role on its first section, beleid on the dashboard', () => {
    expect(homePath(['regisseur'], 2)).toBe('/gemeenten/2/huishoudens');
    expect(homePath(['beheer'], 2)).toBe('/gemeenten/2/gebruikers');
    expect(homePath(['auditor'], 2)).toBe('/gemeenten/2/auditlog');
    expect(homePath(['beleid'], 2)).toBe('/gemeenten/2/dashboard');
    expect(homePath([], 2)).toBe('/gemeenten/2');
  });

  it('allow pages by role', () => {
    const allowed = (path: string, roles: UserRole[]) => routeAllowed(matchRoute(path), roles);
    expect(allowed('/gemeenten/1/huishoudens/3', ['vrijwilliger'])).toBe(true);
    expect(allowed('/gemeenten/1/huishoudens/nieuw', ['begeleider'])).toBe(false);
    expect(allowed('/gemeenten/1/huishoudens/nieuw', ['regisseur'])).toBe(true);
    expect(allowed('/gemeenten/1/noodtoegang', ['partner'])).toBe(true);
    expect(allowed('/gemeenten/1/huishoudens/3/noodtoegang', ['vrijwilliger'])).toBe(false);
    expect(allowed('/gemeenten/1/huishoudens', ['beleid'])).toBe(false);
    expect(allowed('/gemeenten/1/personen/4', ['auditor'])).toBe(false);
    expect(allowed('/gemeenten/1/gebruikers/nieuw', ['beheer'])).toBe(true);
    expect(allowed('/gemeenten/1/gebruikers', ['regisseur'])).toBe(false);
    expect(allowed('/gemeenten/1/auditlog', ['auditor'])).toBe(true);
    expect(allowed('/gemeenten/1/auditlog', ['beheer'])).toBe(false);
    expect(allowed('/gemeenten/1', ['beleid'])).toBe(true);
    expect(allowed('/gemeenten/1/regionale-vergelijking', ['beleid'])).toBe(true);
    expect(allowed('/gemeenten/1/regionale-vergelijking', ['regisseur'])).toBe(false);
    expect(allowed('/gemeenten/1/regios', ['beheer'])).toBe(true);
    expect(allowed('/gemeenten/1/regios', ['beleid'])).toBe(false);
    expect(allowed('/gemeenten/1/werklijst', ['begeleider'])).toBe(true);
    expect(allowed('/gemeenten/1/werklijst', ['partner'])).toBe(true);
    expect(allowed('/gemeenten/1/werklijst', ['vrijwilliger'])).toBe(false);
    expect(allowed('/gemeenten/1/huishoudens/3/plan', ['partner'])).toBe(true);
    expect(allowed('/gemeenten/1/huishoudens/3/plan', ['beleid'])).toBe(false);
    expect(allowed('/gemeenten/1/beleidsregels', ['beleid'])).toBe(true);
    expect(allowed('/gemeenten/1/dashboard', ['beleid'])).toBe(true);
    expect(allowed('/gemeenten/1/dashboard', ['regisseur'])).toBe(true);
    expect(allowed('/gemeenten/1/dashboard', ['begeleider'])).toBe(false);
    expect(allowed('/gemeenten/1/dashboard', ['auditor'])).toBe(false);
    expect(allowed('/gemeenten/1/beleidsregels/woerden-2017', ['regisseur'])).toBe(true);
    expect(allowed('/gemeenten/1/beleidsregels', ['vrijwilliger'])).toBe(false);
    expect(allowed('/gemeenten/1/beleidsregels/activeringen', ['beheer'])).toBe(true);
    expect(allowed('/gemeenten/1/beleidsregels/activeringen', ['beleid', 'regisseur'])).toBe(false);
    expect(canCreateHousehold(['partner'])).toBe(false);
    expect(canBreakGlass(['begeleider', 'vrijwilliger'])).toBe(false);
  });
});

describe('login redirect', () => {
  it('keeps a path of the app with its query', () => {
    expect(loginHref('/gemeenten/1/huishoudens?q=a+b')).toBe(
      '/inloggen?volgende=%2Fgemeenten%2F1%2Fhuishoudens%3Fq%3Da%2Bb',
    );
    expect(nextFromSearch('?volgende=%2Fgemeenten%2F1%2Fhuishoudens%3Fq%3Da%2Bb')).toBe(
      '/gemeenten/1/huishoudens?q=a+b',
    );
    expect(loginHref('/')).toBe('/inloggen');
    expect(loginHref(null)).toBe('/inloggen');
  });

  it('never follows a path out of the app or back to login', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/inloggen?volgende=/x',
      '/inschrijven/abc',
      '/a\nb',
      '',
    ]) {
      expect(safeNext(bad), bad).toBeNull();
    }
  });
});

describe('formatWait', () => {
  it('says minutes and seconds in words', () => {
    expect(formatWait(125, t)).toBe('2 minuten en 5 seconden');
    expect(formatWait(60, t)).toBe('1 minuut');
    expect(formatWait(61, t)).toBe('1 minuut en 1 seconde');
    expect(formatWait(8, t)).toBe('8 seconden');
    expect(formatWait(0.2, t)).toBe('1 seconde');
    expect(formatWait(900, (k, p) => translate('en', k, p))).toBe('15 minutes');
  });
});

describe('TOTP setup presentation', () => {
  it('groups the secret in fours for typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPAB')).toBe('JBSW Y3DP EHPK 3PXP AB');
    expect(groupSecret('jbsw y3dp==')).toBe('JBSW Y3DP');
  });

  it('turns the SVG into a base64 data URL, also with non-ASCII text', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>Régie</title></svg>';
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const bytes = Uint8Array.from(atob(url.split(',')[1]!), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe(svg);
  });

  it('cleans a typed code', () => {
    expect(cleanTotpCode(' 123 456 ')).toBe('123456');
    expect(cleanTotpCode('123-456')).toBe('123456');
  });
});

describe('break-the-glass expiry', () => {
  it('remembers the end per household until it passes or the user signs out', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    rememberBreakGlass(1, 3, '2024-05-02T10:00:00.000000Z');
    expect(breakGlassExpiry(1, 3, now)).toBe('2024-05-02T10:00:00.000000Z');
    expect(breakGlassExpiry(1, 4, now)).toBeNull();
    expect(breakGlassExpiry(2, 3, now)).toBeNull();
    expect(breakGlassExpiry(1, 3, Date.parse('2024-05-02T10:00:01Z'))).toBeNull();
    forgetBreakGlass();
    expect(breakGlassExpiry(1, 3, now)).toBeNull();
  });
});
