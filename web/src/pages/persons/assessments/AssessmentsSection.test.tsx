import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ZRM_DOMAINS } from '../../../api/assessments';
import type { Assessment, AssessmentList } from '../../../api/assessments';
import type { Household, Person } from '../../../api/types';
import { fakeApi, json, problem } from '../../../test/fakeApi';
import type { Answer, Call } from '../../../test/fakeApi';
import { makeHousehold, makeMe, makePerson } from '../../../test/fixtures';
import { renderSignedIn } from '../../../test/render';
import { PersonPage } from '../PersonPage';

const URL = '/api/v1/tenants/1/persons/9/assessments';
const HEALTH = [
  'geestelijke_gezondheid',
  'lichamelijke_gezondheid',
  'middelengebruik',
  'basale_adl',
];

function assessment(
  over: Partial<Assessment> & Pick<Assessment, 'id' | 'kind' | 'date'>,
): Assessment {
  return {
    person_id: 9,
    assessor: '',
    recorded_by: { id: 7, display_name: 'R. de Vries' },
    recorded_at: '2026-11-01T10:00:00Z',
    voided: false,
    voided_at: null,
    void_reason: '',
    ...over,
  };
}

const ZRM_MARCH = assessment({
  id: 1,
  kind: 'zrm',
  date: '2026-03-01',
  assessor: 'Sociaal team, P. de Wit',
  zrm: [
    { domain: 'financien', score: 2 },
    { domain: 'lichamelijke_gezondheid', score: 3 },
  ],
  hidden_domains: 0,
});
const LADDER = assessment({
  id: 2,
  kind: 'participatieladder',
  date: '2026-04-01',
  rung: 3,
  rungs_present: [2, 3],
});
const ZRM_OCTOBER = assessment({
  id: 3,
  kind: 'zrm',
  date: '2026-10-01',
  zrm: [
    { domain: 'financien', score: 4 },
    { domain: 'justitie', score: 5 },
  ],
  hidden_domains: 0,
});
const FERM = assessment({ id: 4, kind: 'ferm_werk', date: '2026-11-10', outcome: 'C' });
const VOIDED = assessment({
  id: 5,
  kind: 'participatieladder',
  date: '2026-11-12',
  rung: 6,
  rungs_present: [],
  voided: true,
  voided_at: '2026-11-13T09:00:00Z',
  void_reason: 'Verkeerde persoon',
});

function list(items: Assessment[], visible = (_: string) => true, ladder = true): AssessmentList {
  return {
    items,
    zrm_domains: ZRM_DOMAINS.map((code) => ({
      code,
      category: HEALTH.includes(code) ? 'gezondheid' : 'basis',
      visible: visible(code),
    })),
    ladder_visible: ladder,
  };
}

const PARTNER: Household['access'] = {
  relationship: 'partner',
  categories: ['basis', 'gezondheid'],
  break_glass: false,
  can_edit: false,
};

function assessmentsApi(
  answer: () => Answer,
  extra: Record<string, (c: Call) => Answer> = {},
  person: Person = makePerson({ visible_categories: ['basis', 'werk_inkomen', 'gezondheid'] }),
  household: Household = makeHousehold(),
) {
  return fakeApi({
    'GET /api/v1/tenants/1/persons/9': () => json(person),
    'GET /api/v1/tenants/1/households/3': () => json(household),
    'GET /api/v1/tenants/1/persons/9/sharing-bases': () => json({ items: [] }),
    'GET /api/v1/tenants/1/organisations': () => json({ items: [] }),
    // The intake section beside this one is not under test: refused, so hidden.
    'GET /api/v1/tenants/1/persons/9/intake': () =>
      problem(403, { code: 'category_not_shared', message_nl: 'Niet gedeeld.' }),
    [`GET ${URL}`]: answer,
    ...extra,
  });
}

async function section(): Promise<HTMLElement> {
  return (await screen.findByRole('heading', { level: 2, name: 'Metingen' })).closest('section')!;
}

function cells(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
}

describe('AssessmentsSection', () => {
  it('shows the ZRM and ladder as charts with tables of the same data, the outcomes and the history', async () => {
    assessmentsApi(() => json(list([ZRM_MARCH, LADDER, ZRM_OCTOBER, FERM, VOIDED])));
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['regisseur']));
    const s = await section();
    await within(s).findByRole('heading', { level: 3, name: 'Zelfredzaamheidsmatrix (ZRM)' });

    // ZRM: an SVG line chart labelled for assistive technology, a line per scored domain.
    const zrmChart = within(s).getByRole('img', { name: /^Lijngrafiek van de ZRM-scores/ });
    expect(zrmChart.getAttribute('aria-label')).toContain('van 01-03-2026 tot 01-10-2026');
    expect(
      [...zrmChart.querySelectorAll('[data-series]')].map((g) => g.getAttribute('data-series')),
    ).toEqual(['financien', 'lichamelijke_gezondheid', 'justitie']);
    expect(zrmChart.querySelectorAll('[data-series="financien"] path')).toHaveLength(1);
    expect(zrmChart.textContent).toContain('1. Acute problematiek');
    expect(zrmChart.textContent).toContain('5. Volledig zelfredzaam');
    const zrmTable = within(s).getByRole('table', { name: 'ZRM-scores per domein en datum' });
    expect(
      within(zrmTable)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Domein', '01-03-2026', '01-10-2026']);
    const financien = within(zrmTable).getByRole('rowheader', { name: 'Financiën' }).closest('tr')!;
    expect(cells(financien)).toEqual(['2. Niet zelfredzaam', '4. Voldoende zelfredzaam']);
    const justitie = within(zrmTable).getByRole('rowheader', { name: 'Justitie' }).closest('tr')!;
    expect(cells(justitie)).toEqual(['–niet gemeten', '5. Volledig zelfredzaam']);

    // Ladder: a step chart and per date the rung and the rungs present; the voided one is left out.
    expect(within(s).getByRole('img', { name: /^Trapgrafiek van de trede/ })).toBeTruthy();
    const ladderTable = within(s).getByRole('table', {
      name: 'Trede op de participatieladder per datum',
    });
    expect(within(ladderTable).getAllByRole('row')).toHaveLength(2);
    const april = within(ladderTable).getByRole('rowheader', { name: '01-04-2026' }).closest('tr')!;
    expect(cells(april)[0]).toBe('3. Deelname georganiseerde activiteiten');
    expect(
      within(april)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['2. Sociale contacten buiten de deur', '3. Deelname georganiseerde activiteiten']);

    const ferm = within(s).getByRole('table', { name: 'Ferm Werk-uitkomsten per datum' });
    expect(cells(within(ferm).getAllByRole('row')[1]!)).toEqual([
      'C: Werkervaringsplaats, proefplaatsing of vrijwilligerswerk',
      'R. de Vries',
    ]);

    // History: every assessment, the voided one struck through with its reason.
    const history = within(s).getByRole('table', { name: 'Alle metingen' });
    expect(within(history).getAllByRole('row')).toHaveLength(6);
    const first = history.querySelector('[data-assessment="1"]') as HTMLElement;
    expect(first.textContent).toContain('Financiën: 2, Lichamelijke gezondheid: 3');
    expect(first.textContent).toContain('Sociaal team, P. de Wit');
    const voided = history.querySelector('[data-assessment="5"]') as HTMLElement;
    expect(voided.textContent).toContain('Ongeldig gemaakt op 13-11-2026');
    expect(voided.textContent).toContain('Reden: Verkeerde persoon');
    expect(voided.querySelector('.regie-struck')).not.toBeNull();
    expect(within(voided).queryByRole('button')).toBeNull();
    expect(
      within(history)
        .getAllByRole('button', { name: /^Ongeldig maken/ })
        .map((b) => b.textContent),
    ).toEqual([
      'Ongeldig maken Zelfredzaamheidsmatrix (ZRM) van 01-03-2026',
      'Ongeldig maken Participatieladder van 01-04-2026',
      'Ongeldig maken Zelfredzaamheidsmatrix (ZRM) van 01-10-2026',
      'Ongeldig maken Ferm Werk-uitkomst van 10-11-2026',
    ]);
    expect(within(s).getByRole('button', { name: 'Meting vastleggen' })).toBeTruthy();
  });

  it('shows a partner only the shared domains, says what is withheld, and offers no recording', async () => {
    const shared = assessment({
      ...ZRM_MARCH,
      zrm: [{ domain: 'lichamelijke_gezondheid', score: 3 }],
      hidden_domains: 1,
    });
    assessmentsApi(
      () => json(list([shared], (d) => HEALTH.includes(d), false)),
      {},
      makePerson({ visible_categories: ['gezondheid'] }),
      makeHousehold({ access: PARTNER }),
    );
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['partner']));
    const s = await section();
    await within(s).findByText(/Van 9 van de 13 ZRM-domeinen ziet u de scores niet/);
    expect(
      within(s).getByText(/participatieladder en de Ferm Werk-uitkomst zijn niet met u gedeeld/),
    ).toBeTruthy();
    const zrmTable = within(s).getByRole('table', { name: 'ZRM-scores per domein en datum' });
    expect(
      within(zrmTable)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Lichamelijke gezondheid']);
    expect(within(s).queryByRole('heading', { name: 'Participatieladder' })).toBeNull();
    const history = within(s).getByRole('table', { name: 'Alle metingen' });
    expect(history.textContent).toContain('Afgeschermde domeinen: 1');
    expect(within(s).queryByRole('button')).toBeNull();
  });

  it('records a ZRM, putting the server refusal of a score at its domain', async () => {
    let items: Assessment[] = [];
    const calls = assessmentsApi(() => json(list(items)), {
      [`POST ${URL}`]: ({ body }) => {
        const b = body as { zrm: { domain: string; score: number }[] };
        if (b.zrm.some((z) => z.domain === 'huisvesting'))
          return problem(422, {
            code: 'validation_failed',
            errors: [
              {
                field: 'zrm/1/score',
                code: 'out_of_range',
                message_nl: 'De score moet tussen 1 en 5 liggen.',
                message_en: 'The score must be between 1 and 5.',
              },
            ],
          });
        const stored = assessment({ id: 8, kind: 'zrm', date: '2026-11-01', zrm: b.zrm });
        items = [stored];
        return json({ ...stored, event_recorded: false }, 201);
      },
    });
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['begeleider']));
    const s = await section();
    await within(s).findByText('Er zijn nog geen metingen vastgelegd.');
    expect(within(s).getByText('Er is nog geen ZRM vastgelegd.')).toBeTruthy();
    fireEvent.click(within(s).getByRole('button', { name: 'Meting vastleggen' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { level: 3, name: 'Meting vastleggen' }),
      ),
    );
    fireEvent.change(screen.getByLabelText(/^Soort meting/), { target: { value: 'zrm' } });
    fireEvent.change(screen.getByLabelText(/^Datum van de meting/), {
      target: { value: '1-11-2026' },
    });

    // No score at all: refused before sending.
    fireEvent.click(screen.getByRole('button', { name: 'Meting vastleggen' }));
    expect(
      await screen.findByRole('link', {
        name: 'Scores per domein: Geef ten minste één domein een score.',
      }),
    ).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    const zrmLink = screen.getByRole('link', {
      name: 'Scores per domein: Geef ten minste één domein een score.',
    });
    fireEvent.click(zrmLink);
    // The link leads to the ZRM fieldset of this form.
    expect(document.activeElement?.id).toBe(zrmLink.getAttribute('href')!.slice(1));
    expect(
      document.activeElement!.contains(screen.getByRole('group', { name: 'Scores per domein' })),
    ).toBe(true);

    const score = (domain: string) => screen.getByLabelText(domain, { selector: 'select' });
    expect(
      within(score('Financiën'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Niet beoordeeld',
      '1. Acute problematiek',
      '2. Niet zelfredzaam',
      '3. Beperkt zelfredzaam',
      '4. Voldoende zelfredzaam',
      '5. Volledig zelfredzaam',
    ]);
    fireEvent.change(score('Financiën'), { target: { value: '2' } });
    fireEvent.change(score('Huisvesting'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Meting vastleggen' }));
    // zrm/1 is the second score sent: Huisvesting.
    expect(
      await screen.findByRole('link', { name: 'Huisvesting: De score moet tussen 1 en 5 liggen.' }),
    ).toBeTruthy();
    expect(score('Huisvesting').getAttribute('aria-invalid')).toBe('true');
    expect(score('Financiën').getAttribute('aria-invalid')).not.toBe('true');
    expect(calls.filter((c) => c.method === 'POST')[0]!.body).toEqual({
      kind: 'zrm',
      date: '2026-11-01',
      zrm: [
        { domain: 'financien', score: 2 },
        { domain: 'huisvesting', score: 4 },
      ],
    });

    fireEvent.change(score('Huisvesting'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Meting vastleggen' }));
    expect(await within(s).findByText('De meting is vastgelegd.')).toBeTruthy();
    const table = await within(s).findByRole('table', { name: 'ZRM-scores per domein en datum' });
    expect(
      cells(within(table).getByRole('rowheader', { name: 'Financiën' }).closest('tr')!),
    ).toEqual(['2. Niet zelfredzaam']);
    expect(calls.filter((c) => c.method === 'GET' && c.url.pathname === URL)).toHaveLength(2);
  });

  it('records a rung with the rungs present and reloads the milestones when it became an event', async () => {
    const calls = assessmentsApi(
      () => json(list([])),
      {
        'GET /api/v1/tenants/1/persons/9/milestones': () =>
          json({
            on: '2026-11-20',
            housing_date: null,
            milestones: [],
            cadences: [],
            unknown_events: [],
          }),
        'GET /api/v1/tenants/1/persons/9/events': () => json({ items: [] }),
        'GET /api/v1/tenants/1/policy/packs': () => json({ items: [] }),
        [`POST ${URL}`]: ({ body }) =>
          json(
            {
              ...assessment({
                id: 9,
                kind: 'participatieladder',
                date: '2026-11-01',
                ...(body as object),
              }),
              event_recorded: true,
            },
            201,
          ),
      },
      makePerson(),
    );
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['regisseur']));
    const s = await section();
    fireEvent.click(await within(s).findByRole('button', { name: 'Meting vastleggen' }));
    fireEvent.change(screen.getByLabelText(/^Soort meting/), {
      target: { value: 'participatieladder' },
    });
    expect(
      within(screen.getByLabelText(/^Trede/, { selector: 'select' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Maak een keuze',
      '1. Geïsoleerd',
      '2. Sociale contacten buiten de deur',
      '3. Deelname georganiseerde activiteiten',
      '4. Onbetaald werk',
      '5. Betaald werk met ondersteuning',
      '6. Betaald werk',
    ]);
    fireEvent.change(screen.getByLabelText(/^Trede/, { selector: 'select' }), {
      target: { value: '4' },
    });
    fireEvent.click(screen.getByLabelText('4. Onbetaald werk'));
    fireEvent.click(screen.getByLabelText('2. Sociale contacten buiten de deur'));
    fireEvent.change(screen.getByLabelText(/^Beoordeeld door/), {
      target: { value: ' Ferm Werk ' },
    });
    const loads = () => calls.filter((c) => c.url.pathname.endsWith('/milestones')).length;
    await waitFor(() => expect(loads()).toBe(1));
    fireEvent.click(screen.getByRole('button', { name: 'Meting vastleggen' }));
    expect(
      await within(s).findByText(
        'De meting is vastgelegd, en ook als gebeurtenis voor de mijlpalen.',
      ),
    ).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      kind: 'participatieladder',
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      assessor: 'Ferm Werk',
      rung: 4,
      rungs_present: [2, 4],
    });
    await waitFor(() => expect(loads()).toBe(2));
    expect(calls.filter((c) => c.url.pathname.endsWith('/events')).length).toBe(2);
  });

  it('voids an assessment with a reason of at least 5 characters', async () => {
    let voided = false;
    const calls = assessmentsApi(
      () =>
        json(
          list([
            voided
              ? {
                  ...LADDER,
                  voided: true,
                  voided_at: '2026-11-20T10:00:00Z',
                  void_reason: 'Dubbel ingevoerd',
                }
              : LADDER,
          ]),
        ),
      {
        [`POST ${URL}/2/void`]: ({ body }) => {
          voided = true;
          return json({
            ...LADDER,
            voided: true,
            void_reason: (body as { reason: string }).reason,
          });
        },
      },
    );
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['regisseur']));
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Ongeldig maken Participatieladder van 01-04-2026',
      }),
    );
    const heading = screen.getByRole('heading', {
      name: 'Participatieladder van 01-04-2026 ongeldig maken',
    });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.change(screen.getByLabelText(/^Reden/), { target: { value: 'fout' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ja, ongeldig maken' }));
    expect(
      await screen.findByRole('link', { name: 'Reden: Vul een reden in van minstens 5 tekens.' }),
    ).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText(/^Reden/), { target: { value: 'Dubbel ingevoerd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ja, ongeldig maken' }));
    expect(await screen.findByText('De meting is ongeldig gemaakt.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ reason: 'Dubbel ingevoerd' });
    const row = (await screen.findByText(/Ongeldig gemaakt op 20-11-2026/)).closest('tr')!;
    expect(row.textContent).toContain('Reden: Dubbel ingevoerd');
    expect(within(row).queryByRole('button')).toBeNull();
    // A voided rung no longer counts in the chart.
    expect(
      screen.getByText('Er is nog geen trede op de participatieladder vastgelegd.'),
    ).toBeTruthy();
  });

  it('hides the section when the server refuses, and asks nothing for a volunteer', async () => {
    const refused = assessmentsApi(
      () => problem(403, { code: 'category_not_shared', message_nl: 'Niet gedeeld.' }),
      {},
      makePerson({ visible_categories: ['basis'] }),
      makeHousehold({ access: { ...PARTNER, categories: ['basis'] } }),
    );
    const { unmount } = renderSignedIn(
      <PersonPage tenantId={1} personId={9} />,
      makeMe(['partner']),
    );
    await screen.findByRole('heading', { level: 1, name: 'Amina Haddad' });
    await waitFor(() => expect(refused.some((c) => c.url.pathname === URL)).toBe(true));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(screen.queryByRole('heading', { name: 'Metingen' })).toBeNull();
    expect(screen.queryByText('Niet gedeeld.')).toBeNull();
    expect(screen.queryByText('Dat lukte niet')).toBeNull();
    unmount();

    const calls = assessmentsApi(
      () => json(list([])),
      {},
      makePerson({ visible_categories: ['basis'] }),
      makeHousehold({ access: { ...PARTNER, relationship: 'vrijwilliger' } }),
    );
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['vrijwilliger']));
    await screen.findByRole('heading', { level: 1, name: 'Amina Haddad' });
    expect(screen.queryByRole('heading', { name: 'Metingen' })).toBeNull();
    expect(calls.some((c) => c.url.pathname === URL)).toBe(false);
  });
});
