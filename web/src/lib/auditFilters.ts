// The audit log filters as the page URL's query string (API names, ISO
// dates), so a selection can be linked to and the back button returns to it.
import { auditParams } from '../api/access';
import type { AuditFilters } from '../api/types';
import { formatDate, parseDateInput } from './dates';

export const AUDIT_FILTER_FIELDS = [
  'user_id',
  'person_id',
  'household_id',
  'action',
  'from',
  'to',
] as const;

/** The actions the server logs (docs/api-contract.md, "Audit log"), in filter order. */
export const AUDIT_ACTIONS = [
  'read',
  'list',
  'search',
  'create',
  'update',
  'archive',
  'reopen',
  'erase',
  'export',
  'break_glass',
  'login',
  'login_password',
  'login_totp',
  'logout',
  'enrol_password',
  'enrol_complete',
  'reset_enrolment',
] as const;

export const NO_AUDIT_FILTERS: AuditFilters = {
  user_id: '',
  person_id: '',
  household_id: '',
  action: '',
  from: '',
  to: '',
};

export function auditFiltersFromSearch(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const filters = { ...NO_AUDIT_FILTERS };
  for (const key of AUDIT_FILTER_FIELDS) filters[key] = params.get(key) ?? '';
  return filters;
}

/** `?user_id=3&from=2024-01-31` for the filters that are set; '' without any. */
export function auditSearchFromFilters(filters: AuditFilters): string {
  const s = auditParams(filters).toString();
  return s ? `?${s}` : '';
}

/** The filters as the form shows them: dates as dd-mm-jjjj. */
export function auditFiltersToForm(filters: AuditFilters): AuditFilters {
  return { ...filters, from: formatDate(filters.from), to: formatDate(filters.to) };
}

/** What the form holds, for the URL and the API: dates typed as dd-mm-jjjj become ISO. */
export function auditFiltersFromForm(values: AuditFilters): AuditFilters {
  return {
    user_id: values.user_id.trim(),
    person_id: values.person_id.replace(/\s/g, ''),
    household_id: values.household_id.replace(/\s/g, ''),
    action: values.action.trim(),
    from: parseDateInput(values.from) ?? '',
    to: parseDateInput(values.to) ?? '',
  };
}
