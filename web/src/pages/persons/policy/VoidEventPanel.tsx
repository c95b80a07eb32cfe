import { Alert, Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { voidPersonEvent } from '../../../api/policy';
import type { PersonEvent } from '../../../api/policyTypes';
import { TextareaField } from '../../../components/form/fields';
import { FormShell } from '../../../components/form/FormShell';
import { useI18n } from '../../../i18n/i18n';
import { clientFieldError, clientValidation } from '../../../lib/clientProblem';
import { formatDate } from '../../../lib/dates';
import { useSubmit } from '../../../lib/useSubmit';
import { eventName } from './EventsTable';

const FIELDS = ['reason'] as const;

interface Props {
  tenantId: number;
  personId: number;
  event: PersonEvent;
  onVoided: (event: PersonEvent) => void;
  onCancel: () => void;
}

/** "Ongeldig maken": a wrong entry is never deleted, it stops counting, with a reason. */
export function VoidEventPanel({ tenantId, personId, event, onVoided, onCancel }: Props) {
  const { t, lang } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const { saving, error, submit } = useSubmit(async () => {
    const invalid = clientValidation(
      reason.trim() ? [] : [clientFieldError('reason', 'required', 'events.errors.voidReason')],
    );
    if (invalid) throw invalid;
    return voidPersonEvent(tenantId, personId, event.id, reason.trim());
  }, onVoided);
  useEffect(() => headingRef.current?.focus(), []);
  const which = { event: eventName(event, lang), date: formatDate(event.date) };
  return (
    <section aria-labelledby="ongeldig-maken" className="regie-confirm-panel">
      <Heading3 id="ongeldig-maken" ref={headingRef} tabIndex={-1} className="regie-h3">
        {t('events.voidHeading', which)}
      </Heading3>
      <Alert type="warning">
        <Paragraph>{t('events.voidWarning')}</Paragraph>
      </Alert>
      <FormShell
        fields={FIELDS}
        label={() => t('events.voidReasonLabel')}
        submitLabel={t('events.voidConfirm')}
        intro={false}
        cancel={
          <Button appearance="subtle-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        }
        saving={saving}
        error={error}
        onSubmit={submit}
      >
        <TextareaField
          name="reason"
          label={t('events.voidReasonLabel')}
          description={t('events.voidReasonDescription')}
          required
          value={reason}
          onChange={setReason}
        />
      </FormShell>
    </section>
  );
}
