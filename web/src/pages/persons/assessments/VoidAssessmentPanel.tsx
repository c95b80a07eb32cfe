import { voidAssessment } from '../../../api/assessments';
import type { Assessment } from '../../../api/assessments';
import { VoidPanel } from '../../../components/VoidPanel';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/dates';
import { kindLabel } from './labels';

/** The server's minimum (assessments_handler.cc). */
export const MIN_VOID_REASON = 5;

interface Props {
  tenantId: number;
  personId: number;
  assessment: Assessment;
  onVoided: (assessment: Assessment) => void;
  onCancel: () => void;
}

/** Voids a wrong assessment: it stays on record, struck through, and leaves the charts. */
export function VoidAssessmentPanel({ tenantId, personId, assessment, onVoided, onCancel }: Props) {
  const { t } = useI18n();
  const which = { kind: kindLabel(t, assessment.kind), date: formatDate(assessment.date) };
  return (
    <VoidPanel
      id="meting-ongeldig-maken"
      heading={t('assessments.voidHeading', which)}
      warning={t('assessments.voidWarning')}
      reasonLabel={t('assessments.voidReasonLabel')}
      reasonDescription={t('assessments.voidReasonDescription')}
      confirmLabel={t('assessments.voidConfirm')}
      minReason={MIN_VOID_REASON}
      reasonMessage="assessments.errors.voidReason"
      submitVoid={(reason) => voidAssessment(tenantId, personId, assessment.id, reason)}
      onVoided={onVoided}
      onCancel={onCancel}
    />
  );
}
