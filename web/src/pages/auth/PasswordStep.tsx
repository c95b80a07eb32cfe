import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { login } from '../../api/auth';
import type { LoginResult } from '../../api/types';
import { TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import { clientFieldError, clientValidation } from '../../lib/clientProblem';
import { useSubmit } from '../../lib/useSubmit';

const FIELDS = ['username', 'password'] as const;

/** Username and password. A refusal says the same whatever went wrong. */
export function PasswordStep({ onDone }: { onDone: (result: LoginResult) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { saving, error, submit } = useSubmit(async () => {
    const missing = clientValidation([
      ...(username.trim()
        ? []
        : [clientFieldError('username', 'required', 'login.usernameRequired')]),
      ...(password ? [] : [clientFieldError('password', 'required', 'login.passwordRequired')]),
    ]);
    if (missing) throw missing;
    try {
      return await login(username.trim(), password);
    } catch (e) {
      // Never keep a refused password in the form.
      setPassword('');
      throw e;
    }
  }, onDone);
  const label = (field: string) => t(field === 'username' ? 'login.username' : 'login.password');

  return (
    <>
      <Paragraph>{t('login.intro')}</Paragraph>
      <FormShell
        fields={FIELDS}
        label={label}
        submitLabel={t('login.submit')}
        busyLabel={t('login.busy')}
        intro={false}
        saving={saving}
        error={error}
        onSubmit={submit}
      >
        <TextField
          name="username"
          label={t('login.username')}
          value={username}
          onChange={setUsername}
          inputProps={{ autoComplete: 'username', autoCapitalize: 'none', spellCheck: false }}
        />
        <TextField
          name="password"
          label={t('login.password')}
          value={password}
          onChange={setPassword}
          inputProps={{ type: 'password', autoComplete: 'current-password' }}
        />
      </FormShell>
    </>
  );
}
