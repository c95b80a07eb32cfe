import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { downloadDocument, exportHandover } from '../../api/handovers';
import type { Household } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useSubmit } from '../../lib/useSubmit';

interface Props {
  household: Household;
  /** Called after the export: the household is archived by then. */
  onTransferred: () => void;
}

/** Only the household's own regisseur hands it over (not under break-the-glass). */
export function canHandOver(household: Household): boolean {
  return (
    !household.archived &&
    household.access.relationship === 'regisseur' &&
    !household.access.break_glass
  );
}

/**
 * "Overdragen aan andere gemeente": after an explicit confirmation the server
 * signs the household's package and archives the household; the browser
 * downloads the package, which goes to the new municipality.
 */
export function HandoverPanel({ household, onTransferred }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openButtonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const { saving, error, submit } = useSubmit(
    () => exportHandover(household.tenant_id, household.id),
    (document_) => {
      downloadDocument(document_);
      onTransferred();
    },
  );

  useEffect(() => {
    if (open) headingRef.current?.focus();
    else if (wasOpen.current) openButtonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <section aria-labelledby="overdragen" className="regie-archive">
      {!open ? (
        <>
          <Heading2 id="overdragen">{t('handover.heading')}</Heading2>
          <Paragraph>{t('handover.explain')}</Paragraph>
          <Button
            ref={openButtonRef}
            appearance="secondary-action-button"
            onClick={() => setOpen(true)}
          >
            {t('handover.open')}
          </Button>
        </>
      ) : (
        <>
          <Heading2 id="overdragen" ref={headingRef} tabIndex={-1}>
            {t('handover.confirmHeading', { name: household.name })}
          </Heading2>
          <Alert type="warning">
            <Paragraph>{t('handover.warning')}</Paragraph>
          </Alert>
          {error ? <ProblemAlert error={error} /> : null}
          <ButtonGroup>
            <Button appearance="primary-action-button" busy={saving} onClick={submit}>
              {t('handover.confirm')}
            </Button>
            <Button appearance="subtle-button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
