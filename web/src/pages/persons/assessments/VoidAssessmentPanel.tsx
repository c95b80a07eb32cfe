import { Alert, Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { voidAssessment } from '../../../api/assessments';
import type { Assessment } from '../../../api/assessments';
import { TextareaField } from '../../../components/form/fields';
import { FormShell } from '../../../components/form/FormShell';
import { useI18n } from '../../../i18n/i18n';
import { clientFieldError, clientValidation } from '../../../lib/clientProblem';
import { formatDate } from '../../../lib/dates';
import { useSubmit } from '../../../lib/useSubmit';
import { kindLabel } from './labels';

const FIELDS = ['reason'] as const;
/** The server's minimum (assessments_handler.cc). */
export const MIN_VOID_REASON = 5;

interface Props {
  tenantId: number;
  personId: number;
  assessment: Assessment;
  onVoided: (assessment: Assessment) => void;
  onCancel: () => void;
}

/** "Ongeldig maken": a wrong assessment is never deleted, it stops counting, with a reason. */
export function VoidAssessmentPanel({ tenantId, personId, assessment, onVoided, onCancel }: Props) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const { saving, error, submit } = useSubmit(async () => {
    const invalid = clientValidation(
      reason.trim().length >= MIN_VOID_REASON
        ? []
        : [clientFieldError('reason', 'required', 'assessments.errors.voidReason')],
    );
    if (invalid) throw invalid;
    return voidAssessment(tenantId, personId, assessment.id, reason.trim());
  }, onVoided);
  useEffect(() => headingRef.current?.focus(), []);
  const which = { kind: kindLabel(t, assessment.kind), date: formatDate(assessment.date) };
  return (
    <section aria-labelledby="meting-ongeldig-maken" className="regie-confirm-panel">
      <Heading3 id="meting-ongeldig-maken" ref={headingRef} tabIndex={-1} className="regie-h3">
        {t('assessments.voidHeading', which)}
      </Heading3>
      <Alert type="warning">
        <Paragraph>{t('assessments.voidWarning')}</Paragraph>
      </Alert>
      <FormShell
        fields={FIELDS}
        label={() => t('assessments.voidReasonLabel')}
        submitLabel={t('assessments.voidConfirm')}
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
          label={t('assessments.voidReasonLabel')}
          description={t('assessments.voidReasonDescription')}
          required
          value={reason}
          onChange={setReason}
        />
      </FormShell>
    </section>
  );
}
