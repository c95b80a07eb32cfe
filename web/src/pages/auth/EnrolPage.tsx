import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { getEnrolment } from '../../api/auth';
import { ApiError } from '../../api/client';
import type { TotpSetup } from '../../api/types';
import { AppButtonLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useResource } from '../../lib/useResource';
import { paths } from '../../router/routes';
import { EnrolPasswordForm } from './EnrolPasswordForm';
import { TotpSetupStep } from './TotpSetupStep';

type Stage = { name: 'password' } | { name: 'totp'; setup: TotpSetup } | { name: 'done' };

/**
 * "/inschrijven/{token}": the one-time link a new user received from the
 * beheerder. Choose a password, set up the authenticator app, note the
 * recovery codes, confirm with a code; then sign in.
 */
export function EnrolPage({ token }: { token: string }) {
  const { t } = useI18n();
  const { resource } = useResource((signal) => getEnrolment(token, signal), [token]);
  const [stage, setStage] = useState<Stage>({ name: 'password' });

  if (resource.status === 'loading') {
    return (
      <>
        <PageHeading title={t('enrol.title')} />
        <Loading />
      </>
    );
  }
  if (resource.status === 'error') {
    const invalid = resource.error instanceof ApiError && resource.error.status === 404;
    return (
      <>
        <PageHeading title={t('enrol.title')} />
        {invalid ? (
          <Alert type="error" className="regie-problem">
            <Paragraph>{t('enrol.invalid')}</Paragraph>
          </Alert>
        ) : (
          <ProblemAlert error={resource.error} />
        )}
      </>
    );
  }

  const info = resource.data;
  if (stage.name === 'done') {
    return (
      <>
        <PageHeading key="done" title={t('enrol.doneTitle')} autoFocus />
        <Alert type="ok" className="regie-notice">
          <Paragraph>{t('enrol.done')}</Paragraph>
        </Alert>
        <AppButtonLink href={paths.login} appearance="primary-action-button">
          {t('enrol.toLogin')}
        </AppButtonLink>
      </>
    );
  }
  if (stage.name === 'totp') {
    return (
      <>
        <PageHeading key="totp" title={t('enrol.totpTitle')} autoFocus />
        <Paragraph className="regie-step">{t('enrol.step', { step: 2, steps: 2 })}</Paragraph>
        <TotpSetupStep
          token={token}
          setup={stage.setup}
          onDone={() => setStage({ name: 'done' })}
        />
      </>
    );
  }
  return (
    <>
      <PageHeading key="password" title={t('enrol.title')} />
      <Paragraph className="regie-step">{t('enrol.step', { step: 1, steps: 2 })}</Paragraph>
      <Paragraph>
        {t('enrol.forWhom', {
          name: info.display_name,
          username: info.username,
          organisation: info.organisation.name,
        })}
      </Paragraph>
      <Paragraph>{t('enrol.notYou')}</Paragraph>
      <EnrolPasswordForm
        token={token}
        username={info.username}
        onDone={(setup) => setStage({ name: 'totp', setup })}
      />
    </>
  );
}
