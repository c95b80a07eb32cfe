// Hands the server's field errors of the current form to its fields.
import { createContext, useContext } from 'react';
import type { FieldError } from '../../api/types';
import { NO_ERRORS } from '../../lib/fieldErrors';
import type { GroupedErrors } from '../../lib/fieldErrors';

export const FormErrorsContext = createContext<GroupedErrors>(NO_ERRORS);

const NONE: readonly FieldError[] = [];

export function useFieldErrors(name: string): readonly FieldError[] {
  return useContext(FormErrorsContext).byField.get(name) ?? NONE;
}
