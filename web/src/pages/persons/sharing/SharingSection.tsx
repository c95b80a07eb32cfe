import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { listSharingBases } from '../../../api/access';
import { listOrganisations } from '../../../api/regie';
import type { SharingBasis } from '../../../api/types';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/translate';
import { useResource } from '../../../lib/useResource';
import { SharingBasesTable } from './SharingBasesTable';
import { SharingBasisForm } from './SharingBasisForm';
import { WithdrawPanel } from './WithdrawPanel';

type Mode = { name: 'list' } | { name: 'add' } | { name: 'withdraw'; basis: SharingBasis };

interface Props {
  tenantId: number;
  personId: number;
  personName: string;
  /** Archived households change no more: the list stays, adding and withdrawing go. */
  readOnly: boolean;
}

/**
 * "Gegevens delen" (regisseur of the household): the sharing bases of one
 * person. Each basis lets one organisation see some categories of this
 * person's data, for a purpose, on a legal ground, for a period.
 */
export function SharingSection({ tenantId, personId, personName, readOnly }: Props) {
  const { t } = useI18n();
  const { resource, reload } = useResource(
    async (signal) => {
      const [bases, organisations] = await Promise.all([
        listSharingBases(tenantId, personId, signal),
        listOrganisations(tenantId, signal),
      ]);
      return { bases, organisations };
    },
    [tenantId, personId],
  );
  const [mode, setMode] = useState<Mode>({ name: 'list' });
  const [done, setDone] = useState<MessageKey | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const formHeadingRef = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<number | 'add' | null>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  useEffect(() => {
    if (mode.name === 'add') formHeadingRef.current?.focus();
    if (mode.name !== 'list' || done) return;
    // Back from a cancelled form or confirmation: continue where the user came from.
    const target = returnTo.current;
    returnTo.current = null;
    if (target === 'add') addRef.current?.focus();
    else if (target !== null)
      document.querySelector<HTMLButtonElement>(`button[data-basis="${target}"]`)?.focus();
  }, [mode, done]);

  const finished = (message: MessageKey) => {
    returnTo.current = null;
    setMode({ name: 'list' });
    setDone(message);
    reload();
  };
  const data = resource.status === 'ready' ? resource.data : null;

  return (
    <section aria-labelledby="gegevens-delen" className="regie-sharing">
      <Heading2 id="gegevens-delen">{t('sharing.heading')}</Heading2>
      <Paragraph>{t('sharing.intro')}</Paragraph>
      {done ? (
        <div ref={doneRef} tabIndex={-1} className="regie-focus-target">
          <Alert type="ok">
            <Paragraph>{t(done)}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {data && data.bases.length === 0 ? <Paragraph>{t('sharing.none')}</Paragraph> : null}
      {data && data.bases.length > 0 ? (
        <SharingBasesTable
          bases={data.bases}
          labelledBy="gegevens-delen"
          onWithdraw={
            readOnly
              ? undefined
              : (basis) => {
                  setDone(null);
                  returnTo.current = basis.id;
                  setMode({ name: 'withdraw', basis });
                }
          }
        />
      ) : null}
      {mode.name === 'withdraw' ? (
        <WithdrawPanel
          tenantId={tenantId}
          basis={mode.basis}
          personName={personName}
          onWithdrawn={() => finished('sharing.withdrawn')}
          onCancel={() => setMode({ name: 'list' })}
        />
      ) : null}
      {data && !readOnly && mode.name !== 'add' ? (
        <Button
          ref={addRef}
          appearance="secondary-action-button"
          onClick={() => {
            setDone(null);
            returnTo.current = 'add';
            setMode({ name: 'add' });
          }}
        >
          {t('sharing.add')}
        </Button>
      ) : null}
      {data && mode.name === 'add' ? (
        <section aria-labelledby="grondslag-toevoegen" className="regie-confirm-panel">
          <Heading2 id="grondslag-toevoegen" ref={formHeadingRef} tabIndex={-1}>
            {t('sharing.addHeading', { name: personName })}
          </Heading2>
          <SharingBasisForm
            tenantId={tenantId}
            personId={personId}
            organisations={data.organisations}
            onSaved={() => finished('sharing.saved')}
            onCancel={() => setMode({ name: 'list' })}
          />
        </section>
      ) : null}
    </section>
  );
}
