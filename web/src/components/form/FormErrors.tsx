// Hands the server's field errors of the current form to its fields, and the
// form's own part of the field ids.
import { createContext, useCallback, useContext } from 'react';
import type { FieldError } from '../../api/types';
import { fieldId, NO_ERRORS } from '../../lib/fieldErrors';
import type { GroupedErrors } from '../../lib/fieldErrors';

export const FormErrorsContext = createContext<GroupedErrors>(NO_ERRORS);

/** The id scope of the enclosing form (FormShell); empty outside one. */
export const FieldIdScopeContext = createContext('');

const NONE: readonly FieldError[] = [];

export function useFieldErrors(name: string): readonly FieldError[] {
  return useContext(FormErrorsContext).byField.get(name) ?? NONE;
}

/** The DOM id of a field of the enclosing form, unique on the page. */
export function useFieldId(): (name: string) => string {
  const scope = useContext(FieldIdScopeContext);
  return useCallback((name: string) => fieldId(name, scope), [scope]);
}
