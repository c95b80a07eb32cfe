import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { archiveHousehold, reopenHousehold } from '../../api/regie';
import type { Household } from '../../api/types';
import { CheckboxField, TextareaField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import { useSubmit } from '../../lib/useSubmit';

const FIELDS = ['reason', 'handover_returned'];

interface Props {
  household: Household;
  /** After archiving or reopening, with the household as it is now. */
  onArchived: (household: Household) => void;
  onReload: () => void;
}

/**
 * Archiving, or for an archived household reopening it (a mistaken archive,
 * or a handover the other municipality rejected): each asks for a reason
 * and a second, explicit confirmation; reopening a handed-over household
 * also for the word that the handover came back. Focus moves into the form
 * when it opens and back to the button when it is cancelled.
 */
export function ArchivePanel({ household, onArchived, onReload }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [returned, setReturned] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openButtonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const mode = household.archived ? 'reopen' : 'archive';
  const { saving, error, submit } = useSubmit(
    () =>
      household.archived
        ? reopenHousehold(household.tenant_id, household.id, household.version, reason, returned)
        : archiveHousehold(household.tenant_id, household.id, household.version, reason),
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
        <Heading2 id="archiveren">{t(`${mode}.heading`)}</Heading2>
        <Paragraph>{t(`${mode}.explain`)}</Paragraph>
        <Button
          ref={openButtonRef}
          appearance="secondary-action-button"
          hint={household.archived ? undefined : 'danger'}
          onClick={() => setOpen(true)}
        >
          {t(`${mode}.open`)}
        </Button>
      </section>
    );
  }

  return (
    <section aria-labelledby="archiveren" className="regie-archive regie-archive--open">
      <Heading2 id="archiveren" ref={headingRef} tabIndex={-1}>
        {t(`${mode}.confirmHeading`, { name: household.name })}
      </Heading2>
      <Alert type="warning">
        <Paragraph>
          {t(household.handed_over ? 'reopen.handoverWarning' : `${mode}.warning`)}
        </Paragraph>
      </Alert>
      <FormShell
        idScope="archive"
        fields={FIELDS}
        label={(field) => t(field === 'reason' ? `${mode}.reason` : 'reopen.returned')}
        submitLabel={t(`${mode}.confirm`)}
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
          label={t(`${mode}.reason`)}
          description={t(`${mode}.reasonDescription`)}
          required
          value={reason}
          onChange={setReason}
        />
        {household.archived && household.handed_over ? (
          <CheckboxField
            name="handover_returned"
            label={t('reopen.returned')}
            checked={returned}
            onChange={setReturned}
          />
        ) : null}
      </FormShell>
    </section>
  );
}
