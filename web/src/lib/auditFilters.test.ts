import { describe, expect, it } from 'vitest';
import { auditCsvHref } from '../api/access';
import {
  auditFiltersFromForm,
  auditFiltersFromSearch,
  auditFiltersToForm,
  auditSearchFromFilters,
  NO_AUDIT_FILTERS,
} from './auditFilters';

describe('audit filters in the URL', () => {
  it('round-trip through the query string with ISO dates', () => {
    const filters = { ...NO_AUDIT_FILTERS, user_id: '3', action: 'read', from: '2024-01-31' };
    const search = auditSearchFromFilters(filters);
    expect(search).toBe('?user_id=3&action=read&from=2024-01-31');
    expect(auditFiltersFromSearch(search)).toEqual(filters);
    expect(auditSearchFromFilters(NO_AUDIT_FILTERS)).toBe('');
  });

  it('show dates as dd-mm-jjjj and read them back', () => {
    const form = auditFiltersToForm({ ...NO_AUDIT_FILTERS, from: '2024-01-31', to: '2024-02-29' });
    expect(form.from).toBe('31-01-2024');
    expect(form.to).toBe('29-02-2024');
    expect(
      auditFiltersFromForm({ ...form, from: '1-2-2024', household_id: ' 12 ', action: ' export ' }),
    ).toEqual({
      ...NO_AUDIT_FILTERS,
      from: '2024-02-01',
      to: '2024-02-29',
      household_id: '12',
      action: 'export',
    });
  });

  it('give the CSV export the same filters', () => {
    const filters = { ...NO_AUDIT_FILTERS, person_id: '9', to: '2024-03-01' };
    expect(auditCsvHref(4, filters)).toBe('/api/v1/tenants/4/audit.csv?person_id=9&to=2024-03-01');
    expect(auditCsvHref(4, NO_AUDIT_FILTERS)).toBe('/api/v1/tenants/4/audit.csv');
  });
});
