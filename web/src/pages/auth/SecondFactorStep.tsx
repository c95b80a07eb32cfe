import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { verifySecondFactor } from '../../api/auth';
import { ApiError } from '../../api/client';
import type { Me } from '../../api/types';
import { TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import { clientFieldError, clientValidation } from '../../lib/clientProblem';
import { cleanTotpCode } from '../../lib/enrolment';
import { useSubmit } from '../../lib/useSubmit';

type Mode = 'totp' | 'recovery';

interface Props {
  onDone: (me: Me) => void;
  /** Back to the password; `timedOut` when the half-finished session ran out. */
  onRestart: (timedOut: boolean) => void;
}

const FIELD: Record<Mode, readonly string[]> = { totp: ['code'], recovery: ['recovery_code'] };

function FactorForm({
  mode,
  focusField,
  onDone,
  onRestart,
}: Props & { mode: Mode; focusField: boolean }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const fieldRef = useRef<HTMLDivElement>(null);
  const label = t(mode === 'totp' ? 'login.code' : 'login.recoveryCode');

  const { saving, error, submit } = useSubmit(async () => {
    const typed = mode === 'totp' ? cleanTotpCode(value) : value.trim().toLowerCase();
    const invalid = clientValidation(
      mode === 'totp' && !/^\d{6}$/.test(typed)
        ? [clientFieldError('code', 'format', 'login.codeFormat')]
        : mode === 'recovery' && !typed
          ? [clientFieldError('recovery_code', 'required', 'login.recoveryRequired')]
          : [],
    );
    if (invalid) throw invalid;
    // A code works once: never leave it in the field.
    setValue('');
    try {
      return await verifySecondFactor(mode === 'totp' ? { code: typed } : { recovery_code: typed });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && e.code === 'not_authenticated') {
        onRestart(true);
      }
      throw e;
    }
  }, onDone);

  useEffect(() => {
    // After switching between code and recovery code, continue in the new field.
    if (focusField) fieldRef.current?.querySelector('input')?.focus();
  }, [focusField]);

  return (
    <>
      <Paragraph>{t(mode === 'totp' ? 'login.codeIntro' : 'login.recoveryIntro')}</Paragraph>
      <FormShell
        fields={FIELD[mode]}
        label={() => label}
        submitLabel={t('login.verify')}
        busyLabel={t('login.busy')}
        intro={false}
        saving={saving}
        error={error}
        onSubmit={submit}
      >
        <div ref={fieldRef}>
          {mode === 'totp' ? (
            <TextField
              name="code"
              label={label}
              description={t('login.codeDescription')}
              value={value}
              onChange={setValue}
              inputProps={{
                inputMode: 'numeric',
                autoComplete: 'one-time-code',
                maxLength: 7,
                className: 'regie-input-short',
              }}
            />
          ) : (
            <TextField
              name="recovery_code"
              label={label}
              description={t('login.recoveryDescription')}
              value={value}
              onChange={setValue}
              inputProps={{ autoComplete: 'off', autoCapitalize: 'none', spellCheck: false }}
            />
          )}
        </div>
      </FormShell>
    </>
  );
}

/**
 * The 6-digit code from the authenticator app, or one of the recovery codes
 * ("Herstelcode gebruiken") when the phone is not at hand.
 */
export function SecondFactorStep({ onDone, onRestart }: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('totp');
  const [switched, setSwitched] = useState(false);
  const toggle = () => {
    setSwitched(true);
    setMode((m) => (m === 'totp' ? 'recovery' : 'totp'));
  };
  return (
    <>
      <FactorForm
        key={mode}
        mode={mode}
        focusField={switched}
        onDone={onDone}
        onRestart={onRestart}
      />
      <ButtonGroup className="regie-secondary-actions">
        <Button appearance="subtle-button" onClick={toggle}>
          {t(mode === 'totp' ? 'login.useRecovery' : 'login.useTotp')}
        </Button>
        <Button appearance="subtle-button" onClick={() => onRestart(false)}>
          {t('login.backToPassword')}
        </Button>
      </ButtonGroup>
    </>
  );
}
