import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { TextField } from '../../components/form/fields';
import { useI18n } from '../../i18n/i18n';

/** The full address of an enrolment link: this app's origin plus the server's path. */
export function enrolmentHref(enrolmentUrl: string, origin = window.location.origin): string {
  return new URL(enrolmentUrl, origin).toString();
}

/**
 * A fresh enrolment link to pass on to the user. It is shown once and kept
 * only in this page's memory (not in history or storage).
 */
export function EnrolmentLink({ name, url }: { name: string; url: string }) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const href = enrolmentHref(url);
  useEffect(() => headingRef.current?.focus(), []);

  const copy = () => {
    if (!navigator.clipboard) {
      setCopied('no');
      return;
    }
    navigator.clipboard.writeText(href).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  };

  return (
    <section aria-labelledby="inschrijflink" className="regie-enrolment-link">
      <Heading2 id="inschrijflink" ref={headingRef} tabIndex={-1}>
        {t('users.linkHeading', { name })}
      </Heading2>
      <TextField
        name="enrolment_url"
        label={t('users.link')}
        value={href}
        onChange={() => {}}
        inputProps={{ readOnly: true, onFocus: (e) => e.currentTarget.select() }}
      />
      <Button appearance="secondary-action-button" onClick={copy}>
        {t('users.copy')}
      </Button>
      <p role="status" className="regie-status">
        {copied === 'yes' ? t('users.copied') : copied === 'no' ? t('users.copyFailed') : ''}
      </p>
      <Alert type="warning">
        <Paragraph>{t('users.linkAdvice', { name })}</Paragraph>
      </Alert>
    </section>
  );
}
