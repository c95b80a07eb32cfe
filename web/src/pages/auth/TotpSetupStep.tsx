import {
  Button,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { confirmEnrolment } from '../../api/auth';
import type { TotpSetup } from '../../api/types';
import { TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import { clientFieldError, clientValidation } from '../../lib/clientProblem';
import { cleanTotpCode, groupSecret, svgDataUrl } from '../../lib/enrolment';
import { useSubmit } from '../../lib/useSubmit';

const FIELDS = ['code'] as const;

interface Props {
  token: string;
  setup: TotpSetup;
  onDone: () => void;
}

/** The QR code and secret for the authenticator app, the recovery codes, and the confirming code. */
export function TotpSetupStep({ token, setup, onDone }: Props) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const { saving, error, submit } = useSubmit(async () => {
    const clean = cleanTotpCode(code);
    const invalid = clientValidation(
      /^\d{6}$/.test(clean) ? [] : [clientFieldError('code', 'format', 'login.codeFormat')],
    );
    if (invalid) throw invalid;
    return confirmEnrolment(token, clean);
  }, onDone);

  return (
    <>
      <section aria-labelledby="app-koppelen" className="regie-enrol-section">
        <Heading2 id="app-koppelen">{t('enrol.scanHeading')}</Heading2>
        <Paragraph>{t('enrol.scanIntro')}</Paragraph>
        <img className="regie-qr" src={svgDataUrl(setup.qr_svg)} alt={t('enrol.qrAlt')} />
        <Paragraph>{t('enrol.secretIntro')}</Paragraph>
        <Paragraph>
          <span className="regie-secret-label">{t('enrol.secret')}: </span>
          <code className="regie-secret">{groupSecret(setup.totp_secret)}</code>
        </Paragraph>
      </section>
      <section aria-labelledby="herstelcodes" className="regie-enrol-section">
        <Heading2 id="herstelcodes">{t('enrol.recoveryHeading')}</Heading2>
        <Paragraph>{t('enrol.recoveryIntro', { count: setup.recovery_codes.length })}</Paragraph>
        <UnorderedList className="regie-recovery-codes">
          {setup.recovery_codes.map((c) => (
            <UnorderedListItem key={c}>
              <code>{c}</code>
            </UnorderedListItem>
          ))}
        </UnorderedList>
        <Paragraph>{t('enrol.recoveryAdvice')}</Paragraph>
        <Button appearance="secondary-action-button" onClick={() => window.print()}>
          {t('enrol.print')}
        </Button>
      </section>
      <section aria-labelledby="bevestigen" className="regie-enrol-section">
        <Heading2 id="bevestigen">{t('enrol.confirmHeading')}</Heading2>
        <FormShell
          fields={FIELDS}
          label={() => t('login.code')}
          submitLabel={t('enrol.confirm')}
          intro={false}
          saving={saving}
          error={error}
          onSubmit={submit}
        >
          <TextField
            name="code"
            label={t('login.code')}
            description={t('enrol.confirmDescription')}
            required
            value={code}
            onChange={setCode}
            inputProps={{
              inputMode: 'numeric',
              autoComplete: 'one-time-code',
              maxLength: 7,
              className: 'regie-input-short',
            }}
          />
        </FormShell>
      </section>
    </>
  );
}
