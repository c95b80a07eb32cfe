import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { FieldError } from '../../api/types';
import { fieldErrorsOf, groupFieldErrors, NO_ERRORS } from '../../lib/fieldErrors';
import { ProblemAlert } from '../ProblemAlert';
import { ErrorSummary } from './ErrorSummary';
import { FieldIdScopeContext, FormErrorsContext } from './FormErrors';

interface FormShellProps {
  /** The API field paths of this form, in form order. */
  fields: readonly string[];
  label: (field: string) => string;
  submitLabel: string;
  /** The way out without saving: a link back, or a button that closes the form. */
  cancel?: ReactNode;
  /** The "fields marked (verplicht)" line above the fields; off for one-field forms. */
  intro?: boolean;
  /** The button text while the request is under way (default: "Bezig met opslaan…"). */
  busyLabel?: string;
  saving: boolean;
  /** The error of the last submit, if it failed. */
  error: unknown;
  onSubmit: () => void;
  /** Offered after a version conflict (any 409 "…version_conflict"): load the current data again. */
  onReload?: () => void;
  /**
   * The form's own part of its field ids ("veld-<scope>-<name>"), for a form
   * that shares its page with another that has a field of the same name
   * ("date", "person_ids", "reason"); without it the ids are "veld-<name>".
   */
  idScope?: string;
  /** Moves the server's field errors to the fields as the form has them now (e.g. list rows). */
  mapErrors?: (errors: readonly FieldError[]) => FieldError[];
  children: ReactNode;
}

/**
 * A version conflict: the server's 409 "version_conflict", or one of its
 * resource-specific variants ("intake_version_conflict", "plan_version_conflict").
 */
export function isVersionConflict(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status === 409 && error.code.endsWith('version_conflict')
  );
}

/**
 * A form whose validation happens on the server: after a refused submit it
 * shows the error summary (or the problem message) at the top, moves focus
 * there, and gives every field its own messages.
 */
export function FormShell(props: FormShellProps) {
  const { fields, label, submitLabel, cancel, saving, error, onSubmit, onReload, children } = props;
  const { intro = true, busyLabel, mapErrors } = props;
  const { t } = useI18n();
  const errorRef = useRef<HTMLDivElement>(null);
  const idScope = props.idScope ?? '';
  const problem = error instanceof ApiError ? error.problem : null;
  const grouped = useMemo(() => {
    if (!problem) return NO_ERRORS;
    if (!mapErrors || !problem.errors) return fieldErrorsOf(problem, fields);
    return groupFieldErrors(mapErrors(problem.errors), fields);
  }, [problem, fields, mapErrors]);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!saving) onSubmit();
  };
  const conflict = isVersionConflict(error);

  return (
    <FieldIdScopeContext.Provider value={idScope}>
      <FormErrorsContext.Provider value={grouped}>
        {grouped.ordered.length > 0 ? (
          <ErrorSummary ref={errorRef} errors={grouped} label={label} />
        ) : error ? (
          <div ref={errorRef} tabIndex={-1} className="regie-focus-target">
            <ProblemAlert error={error}>
              {conflict && onReload ? (
                <Button appearance="secondary-action-button" onClick={onReload}>
                  {t('form.reload')}
                </Button>
              ) : null}
            </ProblemAlert>
          </div>
        ) : null}
        <form noValidate onSubmit={submit} className="regie-form" aria-busy={saving}>
          {intro ? <Paragraph className="regie-form-intro">{t('form.intro')}</Paragraph> : null}
          {children}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={saving}>
              {saving ? (busyLabel ?? t('form.saving')) : submitLabel}
            </Button>
            {cancel}
          </ButtonGroup>
        </form>
      </FormErrorsContext.Provider>
    </FieldIdScopeContext.Provider>
  );
}
