// Small pieces the dashboard's tiles and tables share.
import type { Count, TargetStatus } from '../../api/indicators';
import { Paragraph } from '@utrecht/component-library-react';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { countText, isShown, statusTone } from '../../lib/indicators';

/** A count, or "<5" / "x" with its meaning for screen readers and on hover. */
export function CountValue({ count }: { count: Count }) {
  const { t, lang } = useI18n();
  if (isShown(count)) return <>{countText(count, lang)}</>;
  const explanation =
    count.state === 'below_threshold'
      ? t('dashboard.belowThreshold')
      : t('dashboard.complementary');
  return (
    <abbr title={explanation} className="regie-withheld">
      {count.text}
      <span className="regie-visually-hidden"> ({explanation})</span>
    </abbr>
  );
}

/** A target status as a badge: colour and always the words. */
export function StatusBadge({ status }: { status: TargetStatus | null }) {
  const { t } = useI18n();
  // The style is regie-target-status; `regie-status` stays as the e2e tests find the badges by it.
  if (status === null)
    return <span className="regie-status regie-target-status">{t('dashboard.withheldShort')}</span>;
  return (
    <span className={`regie-status regie-target-status regie-target-status--${statusTone(status)}`}>
      {t(`dashboard.status.${status}` as MessageKey)}
    </span>
  );
}

/** In place of a chart whose every value small-number protection withheld. */
export function AllWithheldNote() {
  const { t } = useI18n();
  return <Paragraph className="regie-chart-note">{t('dashboard.allWithheld')}</Paragraph>;
}
