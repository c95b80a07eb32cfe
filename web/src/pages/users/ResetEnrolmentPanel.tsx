import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { resetEnrolment } from '../../api/access';
import type { User } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useSubmit } from '../../lib/useSubmit';
import { EnrolmentLink } from './EnrolmentLink';

/**
 * "Nieuwe inschrijflink": for a lost phone or password. Asks first, because
 * the user's password and authenticator stop working at once.
 */
export function ResetEnrolmentPanel({ tenantId, user }: { tenantId: number; user: User }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const { saving, error, submit } = useSubmit(
    () => resetEnrolment(tenantId, user.id),
    (result) => {
      setOpen(false);
      setUrl(result.enrolment_url);
    },
  );
  useEffect(() => {
    if (open) headingRef.current?.focus();
    else if (wasOpen.current && !url) openRef.current?.focus();
    wasOpen.current = open;
  }, [open, url]);

  return (
    <section aria-labelledby="nieuwe-inschrijflink" className="regie-archive">
      <Heading2 id="nieuwe-inschrijflink" ref={headingRef} tabIndex={-1}>
        {t('users.resetHeading')}
      </Heading2>
      {url ? (
        <EnrolmentLink name={user.display_name} url={url} />
      ) : open ? (
        <>
          {error ? <ProblemAlert error={error} /> : null}
          <Alert type="warning">
            <Paragraph>{t('users.resetWarning', { name: user.display_name })}</Paragraph>
          </Alert>
          <ButtonGroup>
            <Button appearance="primary-action-button" hint="danger" busy={saving} onClick={submit}>
              {t('users.resetConfirm')}
            </Button>
            <Button appearance="subtle-button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </>
      ) : (
        <>
          <Paragraph>{t('users.resetExplain')}</Paragraph>
          <Button ref={openRef} appearance="secondary-action-button" onClick={() => setOpen(true)}>
            {t('users.reset')}
          </Button>
        </>
      )}
    </section>
  );
}
