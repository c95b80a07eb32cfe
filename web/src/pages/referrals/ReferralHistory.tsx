import { useEffect, useState } from 'react';
import { isAbort } from '../../api/client';
import { getReferral } from '../../api/referrals';
import type { Referral } from '../../api/referrals';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { formatTimestamp } from '../../lib/dates';

type History = NonNullable<Referral['history']>;
type State =
  | { status: 'closed' }
  | { status: 'loading' }
  | { status: 'ready'; history: History }
  | { status: 'error'; error: unknown };

/**
 * The referral's history, read from the server only when the user opens
 * it: every step with who and when, and the notes only where the server
 * sends them (the full view). A new `version` (after a transition) reads
 * it again while it is open.
 */
export function ReferralHistory({
  tenantId,
  referralId,
  version,
}: {
  tenantId: number;
  referralId: number;
  version: number;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ status: 'closed' });

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    getReferral(tenantId, referralId, controller.signal).then(
      (r) => setState({ status: 'ready', history: r.history ?? [] }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [open, tenantId, referralId, version]);

  return (
    <details
      className="regie-cell-note regie-referral-history"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t('referrals.history.heading')}</summary>
      {state.status === 'loading' ? <p role="status">{t('referrals.history.loading')}</p> : null}
      {state.status === 'error' ? <ProblemAlert error={state.error} /> : null}
      {state.status === 'ready' ? (
        <ol className="regie-referral-history__list">
          {state.history.map((h, i) => (
            <li key={i}>
              {t('referrals.history.entry', {
                at: formatTimestamp(h.at),
                state: t(`referrals.state.${h.to_state}`),
                name: h.by.display_name,
              })}
              {h.note ? <span className="regie-pre-line">: {h.note}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </details>
  );
}
