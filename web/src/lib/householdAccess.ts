import type { Household } from '../api/types';

/**
 * Whether the user may add persons to the household and change them: the
 * regisseur and an assigned begeleider (the server says so in
 * `can_add_person`; an older answer only has `can_edit`).
 */
export function canChangePersons(household: Household): boolean {
  if (household.archived) return false;
  return household.access.can_add_person ?? household.access.can_edit;
}
