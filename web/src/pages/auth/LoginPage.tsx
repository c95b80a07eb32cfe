import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { setCsrfToken } from '../../api/client';
import type { LoginResult } from '../../api/types';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/i18n';
import { patchHistoryState, useLocation } from '../../router/router';
import { useSession } from '../../session/session';
import type { LoginNotice } from '../../session/session';
import { PasswordStep } from './PasswordStep';
import { SecondFactorStep } from './SecondFactorStep';
import { SsoLogin } from './SsoLogin';

type Step = 'password' | 'code' | 'enrolTotp';

/** Why the user is here: the session expired, or they signed out. Shown once. */
function useNotice(): LoginNotice | null {
  const { state } = useLocation();
  const [notice] = useState<LoginNotice | null>(() =>
    state.notice === 'expired' || state.notice === 'loggedOut' ? state.notice : null,
  );
  useEffect(() => {
    if (notice) patchHistoryState({ notice: null });
  }, [notice]);
  return notice;
}

/**
 * "Inloggen": password first, then the second factor ("Tweestapsverificatie")
 * on the same URL. The half-finished session of the first step is only good
 * for the second; if it runs out, the user starts again.
 */
export function LoginPage() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const notice = useNotice();
  // The single sign-on callback sends a refused login here with one generic
  // marker; the reason is in the audit log, never on screen.
  const ssoFailed = new URLSearchParams(useLocation().search).get('sso') === 'mislukt';
  const [step, setStep] = useState<Step>('password');
  const [restarted, setRestarted] = useState(false);

  const afterPassword = (result: LoginResult) => {
    setCsrfToken(result.csrf_token);
    setRestarted(false);
    setStep(result.stage === 'totp' ? 'code' : 'enrolTotp');
  };
  const restart = (timedOut: boolean) => {
    setCsrfToken(null);
    setRestarted(timedOut);
    setStep('password');
  };

  if (step === 'code') {
    return (
      <>
        <PageHeading key="code" title={t('login.codeTitle')} autoFocus />
        <SecondFactorStep onDone={signedIn} onRestart={restart} />
      </>
    );
  }
  if (step === 'enrolTotp') {
    return (
      <>
        <PageHeading key="enrol" title={t('login.enrolTotpTitle')} autoFocus />
        <Alert type="warning">
          <Paragraph>{t('login.enrolTotp')}</Paragraph>
        </Alert>
        <ButtonGroup className="regie-secondary-actions">
          <Button appearance="subtle-button" onClick={() => restart(false)}>
            {t('login.backToPassword')}
          </Button>
        </ButtonGroup>
      </>
    );
  }
  return (
    <>
      <PageHeading key="password" title={t('login.title')} autoFocus={restarted} />
      {ssoFailed ? (
        <Alert type="error" className="regie-notice">
          <Paragraph>{t('login.ssoFailed')}</Paragraph>
        </Alert>
      ) : null}
      {notice === 'expired' ? (
        <Alert type="warning" className="regie-notice">
          <Paragraph>{t('login.expired')}</Paragraph>
        </Alert>
      ) : null}
      {notice === 'loggedOut' ? (
        <Alert type="ok" className="regie-notice">
          <Paragraph>{t('login.loggedOut')}</Paragraph>
        </Alert>
      ) : null}
      {restarted ? (
        <Alert type="warning" className="regie-notice">
          <Paragraph>{t('login.restart')}</Paragraph>
        </Alert>
      ) : null}
      <PasswordStep onDone={afterPassword} />
      <SsoLogin />
    </>
  );
}
