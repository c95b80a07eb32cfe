import type { MilestoneStatus } from '../../api/policyTypes';
import { useI18n } from '../../i18n/i18n';

/**
 * The status of a milestone or cadence as a coloured badge that always says
 * it in words too: the colour is never the only signal.
 */
export function StatusBadge({ status }: { status: MilestoneStatus }) {
  const { t } = useI18n();
  return (
    <span className={`regie-status-badge regie-status-badge--${status}`}>
      {t(`enum.milestoneStatus.${status}`)}
    </span>
  );
}
