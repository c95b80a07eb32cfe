import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../test/fakeApi';
import { makeMe } from '../test/fixtures';
import { renderSignedIn } from '../test/render';
import { StartPage } from './StartPage';

describe('StartPage', () => {
  it('counts the work per kind: overdue and due this week', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/worklist': () =>
        json({
          on: '2026-11-23',
          counts: {
            milestone: { overdue: 0, week: 0 },
            signal: { overdue: 1, week: 0 },
            referral: { overdue: 3, week: 5 },
          },
          items: [],
        }),
    });
    renderSignedIn(<StartPage tenantId={1} />, makeMe(['partner']));
    expect(await screen.findByText('Verwijzing: 3 te laat, 5 deze week')).toBeTruthy();
    expect(screen.getByText('Signaal: 1 te laat, 0 deze week')).toBeTruthy();
    expect(screen.queryByText(/^Mijlpaal/)).toBeNull();
  });

  it('has no work counts for roles without a worklist', () => {
    const calls = fakeApi({});
    renderSignedIn(<StartPage tenantId={1} />, makeMe(['beleid']));
    expect(screen.queryByText('Mijn werk')).toBeNull();
    expect(calls.some((c) => c.url.pathname.endsWith('/worklist'))).toBe(false);
  });
});
