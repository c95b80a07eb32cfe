import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { archiveHousehold } from '../../api/regie';
import type { Household } from '../../api/types';
import { TextareaField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import { useSubmit } from '../../lib/useSubmit';

const ARCHIVE_FIELDS = ['reason'];

interface Props {
  household: Household;
  onArchived: (household: Household) => void;
  onReload: () => void;
}

/**
 * Archiving asks for a reason and a second, explicit confirmation; it cannot
 * be undone in the UI. Focus moves into the form when it opens and back to
 * the button when it is cancelled.
 */
export function ArchivePanel({ household, onArchived, onReload }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openButtonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const { saving, error, submit } = useSubmit(
    () => archiveHousehold(household.tenant_id, household.id, household.version, reason),
    onArchived,
  );

  useEffect(() => {
    if (open) headingRef.current?.focus();
    else if (wasOpen.current) openButtonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <section aria-labelledby="archiveren" className="regie-archive">
        <Heading2 id="archiveren">{t('archive.heading')}</Heading2>
        <Paragraph>{t('archive.explain')}</Paragraph>
        <Button
          ref={openButtonRef}
          appearance="secondary-action-button"
          hint="danger"
          onClick={() => setOpen(true)}
        >
          {t('archive.open')}
        </Button>
      </section>
    );
  }

  return (
    <section aria-labelledby="archiveren" className="regie-archive regie-archive--open">
      <Heading2 id="archiveren" ref={headingRef} tabIndex={-1}>
        {t('archive.confirmHeading', { name: household.name })}
      </Heading2>
      <Alert type="warning">
        <Paragraph>{t('archive.warning')}</Paragraph>
      </Alert>
      <FormShell
        fields={ARCHIVE_FIELDS}
        label={() => t('archive.reason')}
        submitLabel={t('archive.confirm')}
        saving={saving}
        error={error}
        onSubmit={submit}
        onReload={onReload}
        cancel={
          <Button appearance="subtle-button" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        }
      >
        <TextareaField
          name="reason"
          label={t('archive.reason')}
          description={t('archive.reasonDescription')}
          required
          value={reason}
          onChange={setReason}
        />
      </FormShell>
    </section>
  );
}
