// The form for a sharing basis ("grondslag"): its values, the checks made
// before sending, and the conversion to the API's input.
import { LEGAL_BASES } from '../api/types';
import type {
  Category,
  FieldError,
  LegalBasis,
  SharingBasis,
  SharingBasisInput,
} from '../api/types';
import { clientFieldError } from './clientProblem';
import { formatDate, parseDateInput, todayIso } from './dates';

/** The form fields in form order, named by API field. */
export const SHARING_FIELDS = [
  'organisation_id',
  'categories',
  'purpose',
  'legal_basis',
  'given',
  'expires',
  'consent_text',
] as const;

export interface SharingFormValues {
  organisation_id: string;
  categories: Category[];
  purpose: string;
  legal_basis: LegalBasis | '';
  /** dd-mm-jjjj as typed. */
  given: string;
  expires: string;
  consent_text: string;
}

export function emptySharingForm(today = todayIso()): SharingFormValues {
  return {
    organisation_id: '',
    categories: [],
    purpose: '',
    legal_basis: '',
    given: formatDate(today),
    expires: '',
    consent_text: '',
  };
}

function isLegalBasis(value: string): value is LegalBasis {
  return (LEGAL_BASES as readonly string[]).includes(value);
}

/** Consent (toestemming) must be recorded: the text or a reference to the signed form. */
export function needsConsentText(values: Pick<SharingFormValues, 'legal_basis'>): boolean {
  return values.legal_basis === 'toestemming';
}

/** What must be filled in before the server is asked; the server checks the rest (dates, references). */
export function sharingFormErrors(v: SharingFormValues): FieldError[] {
  const errors: FieldError[] = [];
  const required = (field: string) =>
    errors.push(clientFieldError(field, 'required', 'sharing.errors.required'));
  if (!v.organisation_id) required('organisation_id');
  if (v.categories.length === 0)
    errors.push(clientFieldError('categories', 'required', 'sharing.errors.categories'));
  if (!v.purpose.trim()) required('purpose');
  if (!v.legal_basis) required('legal_basis');
  if (!v.given.trim()) required('given');
  if (needsConsentText(v) && !v.consent_text.trim())
    errors.push(clientFieldError('consent_text', 'required', 'sharing.errors.consentText'));
  return errors;
}

export function formToSharingInput(v: SharingFormValues): SharingBasisInput {
  const organisation = Number(v.organisation_id);
  return {
    ...(organisation > 0 ? { organisation_id: organisation } : {}),
    categories: [...v.categories],
    purpose: v.purpose.trim(),
    ...(isLegalBasis(v.legal_basis) ? { legal_basis: v.legal_basis } : {}),
    ...(parseDateInput(v.given) ? { given: parseDateInput(v.given)! } : {}),
    expires: parseDateInput(v.expires),
    // Consent text belongs to consent; the field is hidden for the other grounds.
    consent_text: needsConsentText(v) ? v.consent_text.trim() : '',
  };
}

export type BasisStatus = 'active' | 'withdrawn' | 'expired' | 'pending';

/** Active, withdrawn (at once, for good), expired (past `expires`), or not yet in force. */
export function basisStatus(basis: SharingBasis, today = todayIso()): BasisStatus {
  if (basis.withdrawn_at) return 'withdrawn';
  if (basis.active) return 'active';
  if (basis.expires && basis.expires <= today) return 'expired';
  return 'pending';
}
