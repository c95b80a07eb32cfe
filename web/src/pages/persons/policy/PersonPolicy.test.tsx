import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type {
  MilestoneItem,
  PackDetail,
  PackSummary,
  PersonEvent,
  Timeline,
} from '../../../api/policyTypes';
import type { Household, Person } from '../../../api/types';
import { fakeApi, json, problem } from '../../../test/fakeApi';
import type { Answer, Call } from '../../../test/fakeApi';
import { makeHousehold, makeMe, makePerson } from '../../../test/fixtures';
import { renderSignedIn } from '../../../test/render';
import { PersonPage } from '../PersonPage';

const label = (nl: string, en = nl) => ({ nl, en });
const PACK = { id: 'nl-wet-inburgering-2021', version: 1, title: label('Wet inburgering 2021') };
const SOURCE = { document: 'Wet inburgering 2021', section: 'art. 15' };

function milestone(over: Partial<MilestoneItem> & Pick<MilestoneItem, 'id'>): MilestoneItem {
  return {
    pack: PACK,
    label: label(over.id),
    domain: 'onderwijs_taal',
    status: 'open',
    reason: '',
    anchor_date: '2024-01-10',
    due_date: '2024-03-20',
    satisfied_date: null,
    extensions: 0,
    band: '0-3',
    source: SOURCE,
    note: '',
    ...over,
  };
}

function timeline(pipDone: boolean): Timeline {
  return {
    on: '2024-06-01',
    housing_date: '2024-01-10',
    dates_withheld: false,
    milestones: [
      milestone({
        id: 'wi2021.pip',
        label: label('PIP binnen 10 weken', 'PIP within 10 weeks'),
        status: pipDone ? 'te_laat' : 'verlopen',
        satisfied_date: pipDone ? '2024-05-01' : null,
        extensions: 1,
        reason: 'extended',
      }),
      milestone({
        id: 'woerden.wep',
        label: label('Werkervaringsplaats'),
        domain: 'werk_inkomen',
        band: '6-15',
        due_date: '2024-10-10',
      }),
      milestone({
        id: 'woerden.jgz',
        label: label('Bekend bij JGZ'),
        status: 'niet_van_toepassing',
        reason: 'age',
        band: null,
        due_date: null,
      }),
      milestone({ id: 'wi2021.zroute', label: label('Z-route'), band: null, due_date: null }),
    ],
    cadences: [
      {
        id: 'dalfsen.contact',
        pack: PACK,
        label: label('Voortgangscontact'),
        domain: 'werk_inkomen',
        status: 'open',
        reason: '',
        start: '2024-02-01',
        last: '2024-04-01',
        next_due: '2024-07-01',
        stopped: null,
        met: 2,
        late: 1,
        every: '3 months',
        source: SOURCE,
        note: '',
      },
    ],
    unknown_events: ['taalcafe_bezocht'],
  };
}

const EVENT: PersonEvent = {
  id: 31,
  person_id: 9,
  event: 'taalcafe_bezocht',
  label: null,
  known: false,
  date: '2024-02-02',
  value: null,
  code: null,
  code_label: null,
  reason: 'Zelf gemeld',
  recorded_by: { id: 7, display_name: 'R. de Vries' },
  recorded_at: '2024-02-03T09:00:00Z',
  voided: false,
  voided_at: null,
  void_reason: '',
};

const SUMMARY: PackSummary = {
  id: PACK.id,
  title: PACK.title,
  scope: 'national',
  municipalities: [],
  applicable: true,
  versions: [],
  activations: [{ from: '2022-01-01', to: null, recorded_by: null, recorded_at: '' }],
};

const DETAIL: PackDetail = {
  ...SUMMARY,
  versions: [
    {
      version: 1,
      valid_from: '2022-01-01',
      valid_to: null,
      source: SOURCE,
      counts: { events: 2, milestones: 0, cadences: 0, indicators: 0, code_lists: 1 },
      milestones: [],
      cadences: [],
      indicators: [],
      events: [
        { id: 'pip_vastgesteld', label: label('PIP vastgesteld'), kind: 'recorded', value: 'none' },
        {
          id: 'leerroute_vastgesteld',
          label: label('Leerroute vastgesteld'),
          kind: 'recorded',
          value: 'code',
          code_list: 'leerroute',
        },
      ],
      code_lists: [
        {
          id: 'leerroute',
          label: label('Leerroute'),
          outcome: false,
          codes: [{ code: 'b1', label: label('B1-route') }],
        },
      ],
    },
  ],
};

function policyApi(
  person: Person,
  household: Household,
  extra: Record<string, (c: Call) => Answer> = {},
) {
  return fakeApi({
    'GET /api/v1/tenants/1/persons/9': () => json(person),
    'GET /api/v1/tenants/1/households/3': () => json(household),
    'GET /api/v1/tenants/1/organisations': () => json({ items: [] }),
    'GET /api/v1/tenants/1/persons/9/sharing-bases': () => json({ items: [] }),
    'GET /api/v1/tenants/1/policy/packs': () => json({ items: [SUMMARY] }),
    'GET /api/v1/tenants/1/policy/packs/nl-wet-inburgering-2021': () => json(DETAIL),
    ...extra,
  });
}

function rowOf(text: string): HTMLElement {
  return screen.getByRole('rowheader', { name: new RegExp(`^${text}`) }).closest('tr')!;
}

describe('person page: milestones and events', () => {
  it('groups the milestones by period after housing, with status words and sources', async () => {
    const calls = policyApi(makePerson(), makeHousehold(), {
      'GET /api/v1/tenants/1/persons/9/milestones': () => json(timeline(false)),
      'GET /api/v1/tenants/1/persons/9/events': () => json({ items: [EVENT] }),
    });
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['regisseur']));
    await screen.findByRole('heading', { level: 2, name: 'Mijlpalen' });
    await screen.findByRole('heading', { level: 3, name: '0-3 maanden' });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      '0-3 maanden',
      '6-15 maanden',
      'Zonder termijn',
      'Terugkerende afspraken',
    ]);
    const pip = rowOf('PIP binnen 10 weken');
    expect(within(pip).getByText('Verlopen').className).toContain('regie-status-badge--verlopen');
    expect(pip.textContent).toContain('20-03-2024');
    expect(pip.textContent).toContain('Nog niet');
    expect(pip.textContent).toContain('Verlengd (1×)');
    expect(pip.textContent).toContain('Onderwijs en taal');
    expect(pip.textContent).toContain('nl-wet-inburgering-2021 versie 1');
    expect(pip.textContent).toContain('Bron: Wet inburgering 2021, art. 15');
    // A regisseur reads packs: the pack links to its page.
    expect(
      within(pip).getByRole('link', { name: 'nl-wet-inburgering-2021 versie 1' }),
    ).toBeTruthy();
    expect(screen.getByText(/geen actief beleid kent.*taalcafe_bezocht/)).toBeTruthy();
    const cadence = rowOf('Voortgangscontact');
    expect(cadence.textContent).toContain('elke 3 maanden');
    expect(cadence.textContent).toContain('01-07-2024');

    // What does not apply stays hidden until asked for.
    expect(screen.queryByRole('rowheader', { name: /^Bekend bij JGZ/ })).toBeNull();
    fireEvent.click(screen.getByLabelText('Toon ook wat niet van toepassing is (1)'));
    expect(rowOf('Bekend bij JGZ').textContent).toContain('Leeftijd valt buiten de regel');
    expect(screen.getByRole('heading', { level: 3, name: 'Niet van toepassing' })).toBeTruthy();

    // Another reference date asks the server again.
    fireEvent.change(screen.getByLabelText('Peildatum'), { target: { value: '1-1-2025' } });
    fireEvent.click(screen.getByRole('button', { name: 'Stand bekijken' }));
    await waitFor(() => expect(calls.some((c) => c.url.search === '?on=2025-01-01')).toBe(true));

    // The unknown event is listed as such.
    const event = rowOf('taalcafe_bezocht');
    expect(event.textContent).toContain('onbekend in beleid');
    expect(event.textContent).toContain('02-02-2024');
    expect(event.textContent).toContain('R. de Vries');
  });

  it('records an event, shows the server refusal at the field, then reloads the timeline', async () => {
    let recorded = false;
    const calls = policyApi(makePerson(), makeHousehold(), {
      'GET /api/v1/tenants/1/persons/9/milestones': () => json(timeline(recorded)),
      'GET /api/v1/tenants/1/persons/9/events': () => json({ items: [] }),
      'POST /api/v1/tenants/1/persons/9/events': ({ body }) => {
        const b = body as { date: string };
        if (b.date > '2030-01-01')
          return problem(422, {
            code: 'validation_failed',
            errors: [
              {
                field: 'date',
                code: 'event_in_future',
                message_nl: 'De datum ligt in de toekomst.',
                message_en: 'The date is in the future.',
              },
            ],
          });
        recorded = true;
        return json({ ...EVENT, id: 32, event: 'pip_vastgesteld', known: true }, 201);
      },
    });
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['regisseur']));
    await screen.findByText('Er zijn nog geen gebeurtenissen vastgelegd.');
    await screen.findByRole('heading', { level: 3, name: '0-3 maanden' });
    fireEvent.click(screen.getByRole('button', { name: 'Gebeurtenis vastleggen' }));
    const select = await screen.findByLabelText(/^Gebeurtenis/, { selector: 'select' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Maak een keuze',
      'Leerroute vastgesteld',
      'PIP vastgesteld',
      'Andere gebeurtenis (niet uit het beleid)',
    ]);
    fireEvent.change(select, { target: { value: 'leerroute_vastgesteld' } });
    expect(
      within(screen.getByLabelText(/^Uitkomst/))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Maak een keuze', 'b1: B1-route']);
    fireEvent.change(select, { target: { value: 'pip_vastgesteld' } });
    expect(screen.queryByLabelText(/^Uitkomst/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Datum/), { target: { value: '01-01-2031' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Gebeurtenis vastleggen' }).at(-1)!);
    expect(
      await screen.findByRole('link', { name: 'Datum: De datum ligt in de toekomst.' }),
    ).toBeTruthy();
    expect(screen.getByLabelText(/^Datum/).getAttribute('aria-invalid')).toBe('true');

    const timelineLoads = () => calls.filter((c) => c.url.pathname.endsWith('/milestones')).length;
    const before = timelineLoads();
    fireEvent.change(screen.getByLabelText(/^Datum/), { target: { value: '01-05-2024' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Gebeurtenis vastleggen' }).at(-1)!);
    expect(await screen.findByText('De gebeurtenis is vastgelegd.')).toBeTruthy();
    const post = calls.filter((c) => c.method === 'POST').at(-1)!;
    expect(post.body).toEqual({ event: 'pip_vastgesteld', date: '2024-05-01' });
    await waitFor(() => expect(timelineLoads()).toBe(before + 1));
    expect(await screen.findByText('Te laat behaald')).toBeTruthy();
  });

  it('voids an event with a reason and shows it struck through', async () => {
    let voided = false;
    const calls = policyApi(makePerson(), makeHousehold(), {
      'GET /api/v1/tenants/1/persons/9/milestones': () => json(timeline(false)),
      'GET /api/v1/tenants/1/persons/9/events': () =>
        json({
          items: [
            voided
              ? {
                  ...EVENT,
                  voided: true,
                  voided_at: '2024-06-01T10:00:00Z',
                  void_reason: 'Dubbel ingevoerd',
                }
              : EVENT,
          ],
        }),
      'POST /api/v1/tenants/1/persons/9/events/31/void': ({ body }) => {
        voided = true;
        return json({ ...EVENT, voided: true, void_reason: (body as { reason: string }).reason });
      },
    });
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['begeleider']));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Ongeldig maken taalcafe_bezocht van 02-02-2024' }),
    );
    const heading = screen.getByRole('heading', {
      name: 'taalcafe_bezocht van 02-02-2024 ongeldig maken',
    });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, ongeldig maken' }));
    expect(await screen.findByRole('link', { name: 'Reden: Vul de reden in.' })).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText(/^Reden/), { target: { value: 'Dubbel ingevoerd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ja, ongeldig maken' }));
    expect(await screen.findByText('De gebeurtenis is ongeldig gemaakt.')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ reason: 'Dubbel ingevoerd' });
    const row = (await screen.findByText(/Ongeldig gemaakt op 01-06-2024/)).closest('tr')!;
    expect(row.textContent).toContain('Reden: Dubbel ingevoerd');
    expect(row.querySelector('.regie-struck')).not.toBeNull();
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('says briefly when the server refuses the timeline, and offers no recording to a partner', async () => {
    policyApi(
      makePerson(),
      makeHousehold({
        access: {
          relationship: 'partner',
          categories: ['inburgering'],
          break_glass: false,
          can_edit: false,
        },
      }),
      {
        'GET /api/v1/tenants/1/persons/9/milestones': () => problem(403, { code: 'forbidden' }),
        'GET /api/v1/tenants/1/persons/9/events': () => json({ items: [EVENT] }),
      },
    );
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['partner']));
    expect(await screen.findByText('U mag de mijlpalen van deze persoon niet zien.')).toBeTruthy();
    await screen.findByRole('rowheader', { name: /^taalcafe_bezocht/ });
    expect(screen.queryByRole('button', { name: 'Gebeurtenis vastleggen' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Ongeldig maken/ })).toBeNull();
  });

  it('tells a partner without the person dates why items are missing and offers no reference date', async () => {
    // The server leaves out what is due from the hidden housing date: only
    // the PIP, counted from DUO's notice, stays.
    const calls = policyApi(
      makePerson(),
      makeHousehold({
        access: {
          relationship: 'partner',
          categories: ['inburgering'],
          break_glass: false,
          can_edit: false,
        },
      }),
      {
        'GET /api/v1/tenants/1/persons/9/milestones': () =>
          json({
            ...timeline(false),
            housing_date: null,
            dates_withheld: true,
            milestones: [timeline(false).milestones[0]!],
            cadences: [],
          }),
        'GET /api/v1/tenants/1/persons/9/events': () => json({ items: [] }),
      },
    );
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['partner']));
    expect(
      await screen.findByText(
        /U ziet niet alle persoonsgegevens waar het beleid termijnen van telt/,
      ),
    ).toBeTruthy();
    expect(rowOf('PIP binnen 10 weken').textContent).toContain('20-03-2024');
    // Not "not housed yet": the date is there, the partner does not see it.
    expect(screen.queryByText(/Nog geen huisvestingsdatum/)).toBeNull();
    expect(screen.queryByText(/Gehuisvest op/)).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Terugkerende afspraken' })).toBeNull();
    // The server refuses another reference date: none is offered, and the
    // timeline is asked for the server's today.
    expect(screen.queryByLabelText('Peildatum')).toBeNull();
    const loads = calls.filter((c) => c.url.pathname.endsWith('/milestones'));
    expect(loads.map((c) => c.url.search)).toEqual(['']);
  });

  it('shows neither milestones nor events without the inburgering category', async () => {
    const calls = policyApi(
      makePerson({ visible_categories: ['basis'] }),
      makeHousehold({
        access: {
          relationship: 'vrijwilliger',
          categories: ['basis'],
          break_glass: false,
          can_edit: false,
        },
      }),
    );
    renderSignedIn(<PersonPage tenantId={1} personId={9} />, makeMe(['vrijwilliger']));
    await screen.findByRole('heading', { level: 1, name: 'Amina Haddad' });
    expect(screen.queryByRole('heading', { name: 'Mijlpalen' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Gebeurtenissen' })).toBeNull();
    expect(calls.some((c) => c.url.pathname.includes('/milestones'))).toBe(false);
  });
});
