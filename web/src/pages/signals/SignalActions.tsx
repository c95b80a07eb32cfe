import { Button, ButtonGroup, Heading3 } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { transitionSignal } from '../../api/signals';
import type { Signal, SignalAction, TransitionBody } from '../../api/signals';
import type { Organisation } from '../../api/types';
import { SelectField, TextareaField, TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { clientFieldError, clientValidation } from '../../lib/clientProblem';
import { parseDateInput } from '../../lib/dates';
import { useInlineFormFocus } from '../../lib/focus';
import { useSubmit } from '../../lib/useSubmit';

const FIELD_LABELS: Record<string, MessageKey> = {
  follow_up_due: 'signals.field.followUpDue',
  note: 'signals.field.note',
  organisation_id: 'signals.field.organisation',
  reason: 'signals.field.reason',
  result: 'signals.field.result',
};

const FIELDS: Record<SignalAction, readonly string[]> = {
  acknowledge: ['follow_up_due', 'note'],
  reroute: ['organisation_id', 'reason'],
  close: ['result'],
  withdraw: ['reason'],
};

function TransitionForm({
  tenantId,
  signal,
  action,
  organisations,
  onDone,
  onCancel,
}: {
  tenantId: number;
  signal: Signal;
  action: SignalAction;
  organisations: readonly Organisation[];
  onDone: (signal: Signal) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const [organisation, setOrganisation] = useState('');
  const { saving, error, submit } = useSubmit(async () => {
    let body: TransitionBody;
    const missing = (field: string, key: MessageKey) =>
      clientValidation([clientFieldError(field, 'required', key)]);
    switch (action) {
      case 'acknowledge':
        body = { action, follow_up_due: parseDateInput(date), note: text };
        break;
      case 'reroute': {
        const invalid = !organisation
          ? missing('organisation_id', 'signals.errors.organisation')
          : !text.trim()
            ? missing('reason', 'signals.errors.reason')
            : null;
        if (invalid) throw invalid;
        body = { action, organisation_id: Number(organisation), reason: text };
        break;
      }
      case 'close': {
        const invalid = text.trim() ? null : missing('result', 'signals.errors.result');
        if (invalid) throw invalid;
        body = { action, result: text };
        break;
      }
      case 'withdraw':
        body = { action, reason: text };
        break;
    }
    return transitionSignal(tenantId, signal.id, body);
  }, onDone);
  const textField = action === 'acknowledge' ? 'note' : action === 'close' ? 'result' : 'reason';
  return (
    <FormShell
      idScope={`signal-${signal.id}`}
      fields={FIELDS[action]}
      label={(field) => t(FIELD_LABELS[field] ?? 'signals.field.note')}
      submitLabel={t(`signals.action.${action}`)}
      cancel={
        <Button appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
      saving={saving}
      error={error}
      onSubmit={submit}
    >
      {action === 'acknowledge' ? (
        <TextField
          name="follow_up_due"
          label={t('signals.field.followUpDue')}
          description={t('signals.followUpDescription')}
          value={date}
          onChange={setDate}
          inputProps={{
            inputMode: 'numeric',
            autoComplete: 'off',
            className: 'regie-input-medium',
          }}
        />
      ) : null}
      {action === 'reroute' ? (
        <SelectField
          name="organisation_id"
          label={t('signals.field.organisation')}
          required
          value={organisation}
          options={[
            { value: '', label: t('form.choose') },
            ...organisations
              .filter((o) => o.id !== signal.routed_to?.id)
              .map((o) => ({ value: String(o.id), label: o.name })),
          ]}
          onChange={setOrganisation}
        />
      ) : null}
      <TextareaField
        name={textField}
        label={t(FIELD_LABELS[textField]!)}
        required={action === 'reroute' || action === 'close'}
        value={text}
        onChange={setText}
      />
    </FormShell>
  );
}

/**
 * The transitions the server allows the caller on this signal now
 * (allowed_actions), as buttons; each opens its small form.
 */
export function SignalActions({
  tenantId,
  signal,
  organisations,
  onChanged,
  onOpen,
}: {
  tenantId: number;
  signal: Signal;
  organisations: readonly Organisation[];
  onChanged: (signal: Signal) => void;
  /** A form of this signal opened (the page then clears older confirmations). */
  onOpen?: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<SignalAction | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Back to the button after a cancel; after a change the list's confirmation takes focus.
  const { opener } = useInlineFormFocus(open);
  useEffect(() => {
    if (open) headingRef.current?.focus();
  }, [open]);
  if (signal.allowed_actions.length === 0) return null;
  if (open) {
    const headingId = `signaal-${signal.id}-${open}`;
    return (
      <section aria-labelledby={headingId} className="regie-confirm-panel">
        <Heading3 id={headingId} ref={headingRef} tabIndex={-1} className="regie-h3">
          {t('signals.confirm', { action: t(`signals.action.${open}`) })}
        </Heading3>
        <TransitionForm
          tenantId={tenantId}
          signal={signal}
          action={open}
          organisations={organisations}
          onDone={(s) => {
            setOpen(null);
            onChanged(s);
          }}
          onCancel={() => setOpen(null)}
        />
      </section>
    );
  }
  return (
    <ButtonGroup>
      {signal.allowed_actions.map((a) => (
        <Button
          key={a}
          ref={opener(a)}
          appearance="secondary-action-button"
          data-action={a}
          aria-label={
            signal.category
              ? `${t(`signals.action.${a}`)}: ${t(`signals.category.${signal.category}`)}`
              : t(`signals.action.${a}`)
          }
          onClick={() => {
            onOpen?.();
            setOpen(a);
          }}
        >
          {t(`signals.action.${a}`)}
        </Button>
      ))}
    </ButtonGroup>
  );
}
