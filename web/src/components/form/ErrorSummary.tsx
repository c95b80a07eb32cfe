import { Heading2, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { MouseEvent } from 'react';
import { forwardRef, useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { localMessage } from '../../lib/fieldErrors';
import type { GroupedErrors } from '../../lib/fieldErrors';
import { useFieldId } from './FormErrors';

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const input = document.getElementById(id);
  if (!input) return;
  // Focus the input itself instead of changing the URL hash.
  event.preventDefault();
  input.focus();
}

/**
 * The list of everything the server refused, at the top of the form. Each
 * item links to its field; errors without a field on this form are listed
 * as text. The parent moves focus here after a failed submit.
 */
export const ErrorSummary = forwardRef<
  HTMLDivElement,
  { errors: GroupedErrors; label: (name: string) => string }
>(function ErrorSummary({ errors, label }, ref) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const fieldId = useFieldId();
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="utrecht-alert utrecht-alert--error regie-error-summary"
    >
      <div className="utrecht-alert__content">
        <Heading2 id={headingId} className="regie-alert-heading">
          {t('form.errorSummary', { count: errors.ordered.length })}
        </Heading2>
        <UnorderedList>
          {errors.ordered.map(({ field, error }) => (
            <UnorderedListItem key={`${error.field}:${error.code}`}>
              {field !== null ? (
                <a
                  className="utrecht-link"
                  href={`#${fieldId(field)}`}
                  onClick={(e) => focusField(e, fieldId(field))}
                >
                  {label(field)}: {localMessage(error, lang)}
                </a>
              ) : (
                <>
                  {localMessage(error, lang)} ({error.field})
                </>
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </div>
    </div>
  );
});
