import { Button, ButtonGroup, Heading3 } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { transitionReferral } from '../../api/referrals';
import type { Referral, ReferralAction, ReferralTransitionBody } from '../../api/referrals';
import { TextareaField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import { clientFieldError, clientValidation } from '../../lib/clientProblem';
import { useInlineFormFocus } from '../../lib/focus';
import { useSubmit } from '../../lib/useSubmit';

/** The text each transition asks for: a reason to reject or withdraw, else a note. */
function textField(action: ReferralAction): 'reason' | 'note' {
  return action === 'reject' || action === 'withdraw' ? 'reason' : 'note';
}

function TransitionForm({
  tenantId,
  referral,
  action,
  onDone,
  onCancel,
}: {
  tenantId: number;
  referral: Referral;
  action: ReferralAction;
  onDone: (referral: Referral) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const field = textField(action);
  const { saving, error, submit } = useSubmit(async () => {
    let body: ReferralTransitionBody;
    switch (action) {
      case 'reject': {
        const invalid = text.trim()
          ? null
          : clientValidation([clientFieldError('reason', 'required', 'referrals.errors.reason')]);
        if (invalid) throw invalid;
        body = { action, reason: text };
        break;
      }
      case 'withdraw':
        body = { action, reason: text };
        break;
      case 'accept':
      case 'complete':
        body = { action, note: text };
        break;
    }
    return transitionReferral(tenantId, referral.id, body);
  }, onDone);
  return (
    <FormShell
      idScope={`referral-${referral.id}`}
      fields={[field]}
      label={() => t(`referrals.field.${field}`)}
      submitLabel={t(`referrals.action.${action}`)}
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
        name={field}
        label={t(`referrals.field.${field}`)}
        required={action === 'reject'}
        value={text}
        onChange={setText}
      />
    </FormShell>
  );
}

/**
 * The transitions the server allows the caller on this referral now
 * (allowed_actions), as buttons; each opens its small form.
 */
export function ReferralActions({
  tenantId,
  referral,
  onChanged,
  onOpen,
}: {
  tenantId: number;
  referral: Referral;
  onChanged: (referral: Referral) => void;
  /** A form of this referral opened (the page then clears older confirmations). */
  onOpen?: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<ReferralAction | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Back to the button after a cancel; after a change the list's confirmation takes focus.
  const { opener } = useInlineFormFocus(open);
  useEffect(() => {
    if (open) headingRef.current?.focus();
  }, [open]);
  if (referral.allowed_actions.length === 0) return null;
  if (open) {
    const headingId = `verwijzing-${referral.id}-${open}`;
    return (
      <section aria-labelledby={headingId} className="regie-confirm-panel">
        <Heading3 id={headingId} ref={headingRef} tabIndex={-1} className="regie-h3">
          {t('referrals.confirm', { action: t(`referrals.action.${open}`) })}
        </Heading3>
        <TransitionForm
          tenantId={tenantId}
          referral={referral}
          action={open}
          onDone={(r) => {
            setOpen(null);
            onChanged(r);
          }}
          onCancel={() => setOpen(null)}
        />
      </section>
    );
  }
  const to = referral.to_organisation.name ?? '';
  return (
    <ButtonGroup>
      {referral.allowed_actions.map((a) => (
        <Button
          key={a}
          ref={opener(a)}
          appearance="secondary-action-button"
          data-action={a}
          aria-label={`${t(`referrals.action.${a}`)}: ${referral.household.name}, ${to}`}
          onClick={() => {
            onOpen?.();
            setOpen(a);
          }}
        >
          {t(`referrals.action.${a}`)}
        </Button>
      ))}
    </ButtonGroup>
  );
}
