import { voidPersonEvent } from '../../../api/policy';
import type { PersonEvent } from '../../../api/policyTypes';
import { VoidPanel } from '../../../components/VoidPanel';
import { useI18n } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/dates';
import { eventName } from './EventsTable';

interface Props {
  tenantId: number;
  personId: number;
  event: PersonEvent;
  onVoided: (event: PersonEvent) => void;
  onCancel: () => void;
}

/** Voids a recorded event: it stays on record and stops counting for the milestones. */
export function VoidEventPanel({ tenantId, personId, event, onVoided, onCancel }: Props) {
  const { t, lang } = useI18n();
  const which = { event: eventName(event, lang), date: formatDate(event.date) };
  return (
    <VoidPanel
      id="ongeldig-maken"
      heading={t('events.voidHeading', which)}
      warning={t('events.voidWarning')}
      reasonLabel={t('events.voidReasonLabel')}
      reasonDescription={t('events.voidReasonDescription')}
      confirmLabel={t('events.voidConfirm')}
      minReason={1}
      reasonMessage="events.errors.voidReason"
      submitVoid={(reason) => voidPersonEvent(tenantId, personId, event.id, reason)}
      onVoided={onVoided}
      onCancel={onCancel}
    />
  );
}
