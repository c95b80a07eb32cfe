import {
  Alert,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { FieldError } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { errorText } from '../lib/errorText';
import { localMessage, matchField } from '../lib/fieldErrors';

interface Props {
  error: unknown;
  /**
   * The name of an API field path ("participants") for the list of field
   * errors; without one (or for a path it does not know: undefined) the
   * message is followed by the path.
   */
  label?: (field: string) => string | undefined;
  /** Fields whose errors a form on the page shows at the field itself: not listed here. */
  shownFields?: readonly string[];
  children?: ReactNode;
}

/** The field errors of `error` to list: those no form shows, one per field and code. */
export function listedFieldErrors(
  error: unknown,
  shownFields: readonly string[] = [],
): FieldError[] {
  if (!(error instanceof ApiError) || !error.problem?.errors) return [];
  const seen = new Set<string>();
  return error.problem.errors.filter((e) => {
    if (matchField(e.field, shownFields) !== null) return false;
    const key = `${e.field}:${e.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * An error answer of the API (or no answer at all), in the UI language, with
 * the field errors of a refused request (422) that no form on the page shows
 * at its fields: e.g. why an intake cannot be finalised yet.
 */
export function ProblemAlert({ error, label, shownFields, children }: Props) {
  const { t, lang } = useI18n();
  const fieldErrors = listedFieldErrors(error, shownFields);
  return (
    <Alert type="error" className="regie-problem">
      <Heading2 className="regie-alert-heading">{t('errors.title')}</Heading2>
      <Paragraph>{errorText(error, lang, t)}</Paragraph>
      {fieldErrors.length > 0 ? (
        <UnorderedList>
          {fieldErrors.map((e) => {
            const name = label?.(e.field);
            return (
              <UnorderedListItem key={`${e.field}:${e.code}`}>
                {name
                  ? `${name}: ${localMessage(e, lang)}`
                  : `${localMessage(e, lang)} (${e.field})`}
              </UnorderedListItem>
            );
          })}
        </UnorderedList>
      ) : null}
      {children}
    </Alert>
  );
}
