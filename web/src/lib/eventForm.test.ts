import { describe, expect, it } from 'vitest';
import type { PackDetail, PackVersionDetail } from '../api/policyTypes';
import {
  chosenOption,
  emptyEventForm,
  eventErrorsFor,
  eventFormErrors,
  formToEventInput,
  OTHER_EVENT,
  recordableEvents,
} from './eventForm';

const label = (nl: string) => ({ nl, en: nl });

function version(
  n: number,
  events: PackVersionDetail['events'],
  codeLists = [],
): PackVersionDetail {
  return {
    version: n,
    valid_from: '2017-01-01',
    valid_to: null,
    source: { document: 'doc', section: '' },
    counts: { events: 0, milestones: 0, cadences: 0, indicators: 0, code_lists: 0 },
    milestones: [],
    cadences: [],
    indicators: [],
    events,
    code_lists: codeLists,
  };
}

function pack(id: string, versions: PackVersionDetail[]): PackDetail {
  return {
    id,
    title: label(id),
    scope: 'national',
    municipalities: [],
    applicable: true,
    versions,
    activations: [],
  };
}

const packs: PackDetail[] = [
  pack('nl', [
    version(1, [
      { id: 'pip_vastgesteld', label: label('PIP oud'), kind: 'recorded', value: 'none' },
    ]),
    version(
      2,
      [
        { id: 'pip_vastgesteld', label: label('PIP vastgesteld'), kind: 'recorded', value: 'none' },
        { id: 'huisvesting', label: label('Huisvesting'), kind: 'person', value: 'none' },
        { id: 'leeftijd_18', label: label('18 jaar'), kind: 'derived', value: 'none' },
        {
          id: 'leerroute_vastgesteld',
          label: label('Leerroute'),
          kind: 'recorded',
          value: 'code',
          code_list: 'leerroute',
          requires_reason: true,
        },
      ],
      [
        {
          id: 'leerroute',
          label: label('Leerroutes'),
          outcome: false,
          codes: [{ code: 'b1', label: label('B1-route') }],
        },
      ] as never,
    ),
  ]),
  pack('dalfsen', [
    version(1, [
      { id: 'pip_vastgesteld', label: label('Dubbel'), kind: 'recorded', value: 'none' },
      {
        id: 'vrijwilligerswerk_gestart',
        label: label('Vrijwilligerswerk'),
        kind: 'recorded',
        value: 'integer',
        unit: 'uren_per_week',
      },
    ]),
  ]),
];

describe('recordableEvents', () => {
  it('offers each recorded event once, newest version and first pack first, with its codes', () => {
    const options = recordableEvents(packs);
    expect(options.map((o) => [o.id, o.label.nl])).toEqual([
      ['pip_vastgesteld', 'PIP vastgesteld'],
      ['leerroute_vastgesteld', 'Leerroute'],
      ['vrijwilligerswerk_gestart', 'Vrijwilligerswerk'],
    ]);
    expect(options[1]!.codes.map((c) => c.code)).toEqual(['b1']);
    expect(options[1]!.requiresReason).toBe(true);
    expect(options[2]!.unit).toBe('uren_per_week');
    expect(options[2]!.codes).toEqual([]);
  });
});

describe('event form', () => {
  const options = recordableEvents(packs);

  it('starts today and asks for an event before sending', () => {
    const empty = emptyEventForm('2024-03-05');
    expect(empty.date).toBe('05-03-2024');
    expect(eventFormErrors(empty, null).map((e) => e.field)).toEqual(['event']);
    const other = { ...empty, choice: OTHER_EVENT, date: '' };
    expect(eventFormErrors(other, null).map((e) => e.field)).toEqual(['event_other', 'date']);
  });

  it('checks integer values and code choices', () => {
    const values = {
      ...emptyEventForm('2024-03-05'),
      choice: 'vrijwilligerswerk_gestart',
      value: '8,5',
    };
    const option = chosenOption(values, options);
    expect(eventFormErrors(values, option).map((e) => [e.field, e.code])).toEqual([
      ['value', 'invalid_value'],
    ]);
    expect(eventFormErrors({ ...values, value: ' 12 ' }, option)).toEqual([]);
    const code = { ...values, choice: 'leerroute_vastgesteld', value: '' };
    expect(eventFormErrors(code, chosenOption(code, options)).map((e) => e.field)).toEqual([
      'code',
    ]);
  });

  it('sends only what belongs to the chosen event, dates as ISO', () => {
    const values = {
      ...emptyEventForm('2024-03-05'),
      choice: 'vrijwilligerswerk_gestart',
      date: '1-2-2024',
      value: '12',
      code: 'stale',
      reason: '  ',
    };
    expect(formToEventInput(values, chosenOption(values, options))).toEqual({
      event: 'vrijwilligerswerk_gestart',
      date: '2024-02-01',
      value: 12,
    });
    const other = { ...values, choice: OTHER_EVENT, other: ' taalcafe ', reason: 'Gemeld' };
    expect(formToEventInput(other, chosenOption(other, options))).toEqual({
      event: 'taalcafe',
      date: '2024-02-01',
      reason: 'Gemeld',
    });
  });

  it('moves the server error on the event to the typed id when another event was typed', () => {
    const errors = [
      { field: 'event', code: 'not_recordable', message_nl: 'x', message_en: 'x' },
      { field: 'date', code: 'event_in_future', message_nl: 'y', message_en: 'y' },
    ];
    expect(eventErrorsFor({ choice: OTHER_EVENT })(errors).map((e) => e.field)).toEqual([
      'event_other',
      'date',
    ]);
    expect(eventErrorsFor({ choice: 'pip_vastgesteld' })(errors).map((e) => e.field)).toEqual([
      'event',
      'date',
    ]);
  });
});
