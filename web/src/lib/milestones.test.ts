import { describe, expect, it } from 'vitest';
import type { Band, MilestoneStatus } from '../api/policyTypes';
import { translate } from '../i18n/translate';
import type { MessageKey, Params } from '../i18n/translate';
import {
  bandGroupOf,
  daysBetween,
  daysOverdue,
  domainLabel,
  formatPeriod,
  groupByBand,
  localText,
  notApplicableCount,
  reasonLabel,
} from './milestones';
import { deadlineText, eventNamer, scopeText, windowText } from './packDisplay';

const nl = (key: MessageKey, params?: Params) => translate('nl', key, params);
const en = (key: MessageKey, params?: Params) => translate('en', key, params);

function item(id: string, band: Band | null, status: MilestoneStatus, due: string | null) {
  return { id, band, status, due_date: due };
}

describe('groupByBand', () => {
  const items = [
    item('late', '3-6', 'verlopen', '2024-05-01'),
    item('early', '0-3', 'op_tijd', '2024-02-01'),
    item('na', null, 'niet_van_toepassing', null),
    item('long', '15+', 'open', '2027-01-01'),
    item('nodate', null, 'open', null),
    item('first', '0-3', 'open', '2024-01-15'),
    item('mid', '6-15', 'vrijgesteld', '2025-01-01'),
    item('na-with-band', '0-3', 'niet_van_toepassing', '2024-01-01'),
    item('same-a', '3-6', 'open', '2024-05-01'),
  ];

  it('orders the periods of seed 000 §5.3, then without a term, leaving out what does not apply', () => {
    const groups = groupByBand(items, false);
    expect(groups.map((g) => g.key)).toEqual(['0-3', '3-6', '6-15', '15+', 'none']);
    expect(groups[0]!.items.map((i) => i.id)).toEqual(['first', 'early']);
    // Equal due dates keep the server's order.
    expect(groups[1]!.items.map((i) => i.id)).toEqual(['late', 'same-a']);
    expect(groups[4]!.items.map((i) => i.id)).toEqual(['nodate']);
  });

  it('puts what does not apply in its own last group when asked, whatever its band', () => {
    const groups = groupByBand(items, true);
    expect(groups.map((g) => g.key)).toEqual([
      '0-3',
      '3-6',
      '6-15',
      '15+',
      'none',
      'not_applicable',
    ]);
    expect(groups[5]!.items.map((i) => i.id)).toEqual(['na-with-band', 'na']);
    expect(notApplicableCount(items)).toBe(2);
  });

  it('treats an unknown band as no term and returns nothing for nothing', () => {
    expect(bandGroupOf({ band: '99+' as Band, status: 'open', due_date: null })).toBe('none');
    expect(groupByBand([], true)).toEqual([]);
  });
});

describe('days', () => {
  it('counts calendar days across months, leap days and DST', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-03-30', '2024-04-02')).toBe(3);
    expect(daysBetween('2024-04-02', '2024-03-30')).toBe(-3);
    expect(daysBetween('2024-13-01', '2024-01-01')).toBeNull();
    expect(daysBetween('2023-02-29', '2023-03-01')).toBeNull();
    expect(daysBetween('gisteren', '2024-01-01')).toBeNull();
  });

  it('counts days overdue from the due date to the reference date, never below zero', () => {
    expect(daysOverdue('2024-01-10', '2024-03-01')).toBe(51);
    expect(daysOverdue('2024-03-01', '2024-03-01')).toBe(0);
    expect(daysOverdue('2024-03-05', '2024-03-01')).toBe(0);
  });
});

describe('texts', () => {
  it('writes pack periods in words and fixed dates as dd-mm-jjjj', () => {
    expect(formatPeriod(nl, '10 weeks')).toBe('10 weken');
    expect(formatPeriod(nl, '1 year')).toBe('1 jaar');
    expect(formatPeriod(nl, '3 months')).toBe('3 maanden');
    expect(formatPeriod(nl, '1 month')).toBe('1 maand');
    expect(formatPeriod(nl, '0 days')).toBe('0 dagen');
    expect(formatPeriod(en, '18 months')).toBe('18 months');
    expect(formatPeriod(nl, '2018-10-01')).toBe('01-10-2018');
    expect(formatPeriod(nl, 'fortnight')).toBe('fortnight');
  });

  it('labels domains and reasons, keeping unknown codes readable', () => {
    expect(domainLabel(nl, 'werk_inkomen')).toBe('Werk en inkomen');
    expect(domainLabel(en, 'onderwijs_taal')).toBe('Education and language');
    expect(domainLabel(nl, 'ruimtevaart')).toBe('ruimtevaart');
    expect(reasonLabel(nl, '')).toBe('');
    expect(reasonLabel(nl, 'anchor_missing')).toBe('Het beginmoment heeft nog niet plaatsgevonden');
    expect(reasonLabel(nl, 'new_reason')).toBe('new_reason');
  });

  it('picks the text of the UI language, falling back to the other', () => {
    expect(localText({ nl: 'Huisvesting', en: 'Housing' }, 'en')).toBe('Housing');
    expect(localText({ nl: 'Huisvesting', en: '' }, 'en')).toBe('Huisvesting');
    expect(localText('plain', 'nl')).toBe('plain');
    expect(localText(null, 'nl')).toBe('');
  });

  it('describes packs: windows, scope, deadlines and event names', () => {
    expect(windowText(nl, '2017-01-01', '2020-12-31')).toBe('01-01-2017 t/m 31-12-2020');
    expect(windowText(nl, '2017-01-01', null)).toBe('vanaf 01-01-2017');
    expect(scopeText(nl, { scope: 'municipality', municipalities: ['GM0632'] })).toBe(
      'Gemeentelijk (GM0632)',
    );
    expect(scopeText(en, { scope: 'national', municipalities: [] })).toBe('National');
    const name = eventNamer(
      [{ id: 'huisvesting', label: { nl: 'Huisvesting', en: 'Housing' } }],
      'nl',
    );
    expect(name('huisvesting')).toBe('Huisvesting');
    expect(name('onbekend')).toBe('onbekend');
    expect(name('huisvesting >= 3')).toBe('Huisvesting >= 3');
    expect(deadlineText(nl, '10 weeks', 'PIP vastgesteld')).toBe('10 weken na PIP vastgesteld');
    expect(deadlineText(nl, '2018-10-01', 'Huisvesting')).toBe('uiterlijk 01-10-2018');
  });
});
