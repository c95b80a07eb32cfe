import { Alert, Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/translate';
import { clientFieldError, clientValidation } from '../lib/clientProblem';
import { useSubmit } from '../lib/useSubmit';
import { TextareaField } from './form/fields';
import { FormShell } from './form/FormShell';

const FIELDS = ['reason'] as const;

interface Props<T> {
  /** The id of the panel's heading (unique on the page). */
  id: string;
  heading: string;
  warning: string;
  reasonLabel: string;
  reasonDescription: string;
  confirmLabel: string;
  /** Shortest reason the server accepts (trimmed). */
  minReason: number;
  /** The message when the reason is missing or too short. */
  reasonMessage: MessageKey;
  /** Sends the trimmed reason; its answer goes to `onVoided`. */
  submitVoid: (reason: string) => Promise<T>;
  onVoided: (voided: T) => void;
  onCancel: () => void;
}

/**
 * "Ongeldig maken": a wrong entry is never deleted; it stops counting, with
 * a reason. The heading takes focus when the panel opens.
 */
export function VoidPanel<T>(props: Props<T>) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const { saving, error, submit } = useSubmit(async () => {
    const invalid = clientValidation(
      reason.trim().length >= Math.max(1, props.minReason)
        ? []
        : [clientFieldError('reason', 'required', props.reasonMessage)],
    );
    if (invalid) throw invalid;
    return props.submitVoid(reason.trim());
  }, props.onVoided);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby={props.id} className="regie-confirm-panel">
      <Heading3 id={props.id} ref={headingRef} tabIndex={-1} className="regie-h3">
        {props.heading}
      </Heading3>
      <Alert type="warning">
        <Paragraph>{props.warning}</Paragraph>
      </Alert>
      <FormShell
        idScope="void"
        fields={FIELDS}
        label={() => props.reasonLabel}
        submitLabel={props.confirmLabel}
        intro={false}
        cancel={
          <Button appearance="subtle-button" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        }
        saving={saving}
        error={error}
        onSubmit={submit}
      >
        <TextareaField
          name="reason"
          label={props.reasonLabel}
          description={props.reasonDescription}
          required
          value={reason}
          onChange={setReason}
        />
      </FormShell>
    </section>
  );
}
