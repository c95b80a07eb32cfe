import { describe, expect, it } from 'vitest';
import type { FieldError } from '../api/types';
import { translate } from '../i18n/translate';
import type { MessageKey, Params } from '../i18n/translate';
import {
  activationFieldLabel,
  activationFields,
  activationsOfPacks,
  remapRowErrors,
  rowsFromActivations,
  rowsToInput,
} from './activationForm';
import { groupFieldErrors } from './fieldErrors';

const nl = (key: MessageKey, params?: Params) => translate('nl', key, params);

function error(field: string, code = 'invalid'): FieldError {
  return { field, code, message_nl: code, message_en: code };
}

describe('activation rows', () => {
  it('start from the activations of every pack, by pack and start, dates as dd-mm-jjjj', () => {
    const activations = activationsOfPacks([
      {
        id: 'woerden-2017',
        activations: [
          { from: '2019-01-01', to: null, recorded_by: null, recorded_at: '' },
          { from: '2017-01-01', to: '2018-12-31', recorded_by: null, recorded_at: '' },
        ],
      },
      {
        id: 'nl-wet-inburgering-2021',
        activations: [{ from: '2022-01-01', to: null, recorded_by: null, recorded_at: '' }],
      },
    ] as never);
    const rows = rowsFromActivations(activations);
    expect(rows).toEqual([
      { key: 1, pack_id: 'nl-wet-inburgering-2021', from: '01-01-2022', to: '' },
      { key: 2, pack_id: 'woerden-2017', from: '01-01-2017', to: '31-12-2018' },
      { key: 3, pack_id: 'woerden-2017', from: '01-01-2019', to: '' },
    ]);
  });

  it('send ISO dates and leave out what is empty', () => {
    expect(
      rowsToInput([
        { key: 1, pack_id: 'a', from: '1-2-2020', to: '' },
        { key: 2, pack_id: 'b', from: '', to: '31-12-2021' },
      ]),
    ).toEqual([
      { pack_id: 'a', from: '2020-02-01' },
      { pack_id: 'b', to: '2021-12-31' },
    ]);
  });

  it('name every row and field in form order, so the server errors land at the right row', () => {
    expect(activationFields(2)).toEqual([
      'activations',
      'activations/0',
      'activations/0/pack_id',
      'activations/0/from',
      'activations/0/to',
      'activations/1',
      'activations/1/pack_id',
      'activations/1/from',
      'activations/1/to',
    ]);
    const grouped = groupFieldErrors(
      [error('activations/1/to', 'to_before_from'), error('activations/0', 'overlap')],
      activationFields(2),
    );
    expect([...grouped.byField.keys()]).toEqual(['activations/1/to', 'activations/0']);
    expect(grouped.ordered.map((o) => o.field)).toEqual(['activations/0', 'activations/1/to']);
  });

  it('move errors with their row when rows before it are removed or added, and drop removed rows', () => {
    const errors = [
      error('activations/0/pack_id'),
      error('activations/2/to'),
      error('activations/1'),
      error('activations'),
      error('unknown_field'),
    ];
    // Saved rows 10, 11, 12; then row 10 was removed and row 13 put first.
    expect(remapRowErrors(errors, [10, 11, 12], [13, 11, 12]).map((e) => e.field)).toEqual([
      'activations/2/to',
      'activations/1',
      'activations',
      'unknown_field',
    ]);
    // Nothing changed since the save: errors stay where they are.
    expect(remapRowErrors(errors, [10, 11, 12], [10, 11, 12]).map((e) => e.field)).toEqual(
      errors.map((e) => e.field),
    );
    // An index the save did not have is dropped rather than put on a wrong row.
    expect(remapRowErrors([error('activations/7/from')], [10], [10])).toEqual([]);
  });

  it('label rows and fields for the error summary', () => {
    expect(activationFieldLabel(nl, 'activations/1/to')).toBe('Activering 2, Tot en met');
    expect(activationFieldLabel(nl, 'activations/0')).toBe('Activering 1');
    expect(activationFieldLabel(nl, 'activations')).toBe('Activeringen');
  });
});
