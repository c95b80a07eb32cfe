import { useState } from 'react';
import { setEnrolmentPassword } from '../../api/auth';
import type { FieldError, TotpSetup } from '../../api/types';
import { TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import { clientFieldError, clientValidation } from '../../lib/clientProblem';
import { useSubmit } from '../../lib/useSubmit';

export const MIN_PASSWORD_LENGTH = 12;
const FIELDS = ['password', 'password_repeat'] as const;

/**
 * The checks the UI makes before sending: length and equality. The server's
 * policy (common passwords, the username, repetition) answers per field.
 */
export function passwordErrors(password: string, repeat: string): FieldError[] {
  const errors: FieldError[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    errors.push(
      clientFieldError('password', 'password_too_short', 'enrol.passwordTooShort', {
        min: MIN_PASSWORD_LENGTH,
      }),
    );
  }
  if (password !== repeat) {
    errors.push(clientFieldError('password_repeat', 'password_mismatch', 'enrol.passwordMismatch'));
  }
  return errors;
}

interface Props {
  token: string;
  /** For the browser's password manager, which saves it with the password. */
  username: string;
  onDone: (setup: TotpSetup) => void;
}

export function EnrolPasswordForm({ token, username, onDone }: Props) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { saving, error, submit } = useSubmit(async () => {
    const invalid = clientValidation(passwordErrors(password, repeat));
    if (invalid) throw invalid;
    return setEnrolmentPassword(token, password);
  }, onDone);
  const label = (field: string) =>
    t(field === 'password' ? 'enrol.password' : 'enrol.passwordRepeat');

  return (
    <FormShell
      fields={FIELDS}
      label={label}
      submitLabel={t('enrol.passwordSubmit')}
      intro={false}
      saving={saving}
      error={error}
      onSubmit={submit}
    >
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <TextField
        name="password"
        label={t('enrol.password')}
        description={t('enrol.passwordDescription', { min: MIN_PASSWORD_LENGTH })}
        required
        value={password}
        onChange={setPassword}
        inputProps={{ type: 'password', autoComplete: 'new-password' }}
      />
      <TextField
        name="password_repeat"
        label={t('enrol.passwordRepeat')}
        required
        value={repeat}
        onChange={setRepeat}
        inputProps={{ type: 'password', autoComplete: 'new-password' }}
      />
    </FormShell>
  );
}
