// The household list filters as the page URL's query string, so a search can
// be linked to and the back button returns to it. The parameter names are the
// API's.
import { filterParams } from '../api/regie';
import type { HouseholdFilters } from '../api/types';

export const NO_FILTERS: HouseholdFilters = {
  q: '',
  wijk: '',
  kern: '',
  housed_from: '',
  housed_to: '',
  include_archived: false,
};

export function filtersFromSearch(search: string): HouseholdFilters {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    wijk: params.get('wijk') ?? '',
    kern: params.get('kern') ?? '',
    housed_from: params.get('housed_from') ?? '',
    housed_to: params.get('housed_to') ?? '',
    include_archived: params.get('include_archived') === 'true',
  };
}

/** `?q=...&wijk=...` for the filters that are set; '' without any. */
export function searchFromFilters(filters: HouseholdFilters): string {
  const s = filterParams(filters).toString();
  return s ? `?${s}` : '';
}
