import { describe, expect, it } from 'vitest';
import { householdQuery } from '../api/regie';
import { filtersFromSearch, NO_FILTERS, searchFromFilters } from './listSearch';

describe('list filters in the URL', () => {
  it('writes only the filters that are set', () => {
    expect(searchFromFilters(NO_FILTERS)).toBe('');
    expect(searchFromFilters({ ...NO_FILTERS, q: ' Haddad ', kern: 'Oost' })).toBe(
      '?q=Haddad&kern=Oost',
    );
    expect(searchFromFilters({ ...NO_FILTERS, include_archived: true })).toBe(
      '?include_archived=true',
    );
  });

  it('reads back what it wrote', () => {
    const filters = {
      q: 'al ali',
      wijk: 'Centrum',
      kern: 'Noord & Zuid',
      housed_from: '2024-01-01',
      housed_to: '2024-12-31',
      include_archived: true,
    };
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('ignores parameters it does not know', () => {
    expect(filtersFromSearch('?foo=bar&include_archived=yes')).toEqual(NO_FILTERS);
  });
});

describe('householdQuery', () => {
  it('adds the page size and the cursor to the filters', () => {
    const q = new URLSearchParams(householdQuery({ ...NO_FILTERS, wijk: 'West' }, 'abc'));
    expect(q.get('wijk')).toBe('West');
    expect(q.get('limit')).toBe('25');
    expect(q.get('after')).toBe('abc');
    expect(q.has('q')).toBe(false);
  });

  it('has no cursor on the first page', () => {
    expect(new URLSearchParams(householdQuery(NO_FILTERS, null)).has('after')).toBe(false);
  });
});
