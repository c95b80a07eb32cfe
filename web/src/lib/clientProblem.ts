// Checks the UI makes before sending (e.g. "passwords differ") are reported
// exactly like the server's validation errors, so forms show them the same
// way: in the error summary and at the field, in both languages.
import { ApiError } from '../api/client';
import type { FieldError } from '../api/types';
import { translate } from '../i18n/translate';
import type { MessageKey, Params } from '../i18n/translate';

export function clientFieldError(
  field: string,
  code: string,
  message: MessageKey,
  params?: Params,
): FieldError {
  return {
    field,
    code,
    message_nl: translate('nl', message, params),
    message_en: translate('en', message, params),
  };
}

/** An ApiError like a 422 validation_failed answer, or null without errors. */
export function clientValidation(errors: readonly FieldError[]): ApiError | null {
  if (errors.length === 0) return null;
  return new ApiError(422, 'validation_failed', {
    type: 'urn:regie:problem:validation_failed',
    title: translate('nl', 'form.clientInvalid'),
    status: 422,
    code: 'validation_failed',
    message_nl: translate('nl', 'form.clientInvalid'),
    message_en: translate('en', 'form.clientInvalid'),
    errors: [...errors],
  });
}
