import { Button, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { listPacks, replaceActivations } from '../../api/policy';
import type { PackSummary } from '../../api/policyTypes';
import type { FieldError } from '../../api/types';
import { flash } from '../../components/Flash';
import { useFieldId } from '../../components/form/FormErrors';
import { FormShell } from '../../components/form/FormShell';
import { AppButtonLink, AppLink } from '../../components/links';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import {
  activationFieldLabel,
  activationFields,
  activationsOfPacks,
  remapRowErrors,
  rowsFromActivations,
  rowsToInput,
} from '../../lib/activationForm';
import type { ActivationRow } from '../../lib/activationForm';
import { localText } from '../../lib/milestones';
import { useResource } from '../../lib/useResource';
import { useSubmit } from '../../lib/useSubmit';
import { navigate } from '../../router/router';
import { paths } from '../../router/routes';
import { ActivationRowFields } from './ActivationRowFields';

/** Where errors about the set as a whole (conflicting packs) link to; inside the form for its field ids. */
function SetTarget({ children }: { children: ReactNode }) {
  const fieldId = useFieldId();
  return (
    <div id={fieldId('activations')} tabIndex={-1} className="regie-focus-target">
      {children}
    </div>
  );
}

function ActivationEditor({
  tenantId,
  packs,
}: {
  tenantId: number;
  packs: readonly PackSummary[];
}) {
  const { t, lang } = useI18n();
  const [rows, setRows] = useState<ActivationRow[]>(() =>
    rowsFromActivations(activationsOfPacks(packs)),
  );
  const nextKey = useRef(rows.length + 1);
  // The rows as they were sent: the server's `activations/<i>` refer to these.
  const savedKeys = useRef<number[]>([]);
  const addRef = useRef<HTMLButtonElement>(null);

  const { saving, error, submit } = useSubmit(
    () => {
      savedKeys.current = rows.map((r) => r.key);
      return replaceActivations(tenantId, rowsToInput(rows));
    },
    () => navigate(paths.packs(tenantId), { state: flash('activations.saved') }),
  );

  const currentKeys = rows.map((r) => r.key).join(',');
  const mapErrors = useCallback(
    (errors: readonly FieldError[]) =>
      remapRowErrors(errors, savedKeys.current, currentKeys.split(',').filter(Boolean).map(Number)),
    [currentKeys],
  );
  const fields = useMemo(() => activationFields(rows.length), [rows.length]);

  const change = (key: number, patch: Partial<ActivationRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const remove = (key: number) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    // The row and its button are gone: continue at "add".
    addRef.current?.focus();
  };
  const add = () => {
    const key = nextKey.current;
    nextKey.current += 1;
    setRows((rs) => [...rs, { key, pack_id: '', from: '', to: '' }]);
  };

  const packOptions = [
    { value: '', label: t('form.choose') },
    ...packs.map((p) => ({
      value: p.id,
      label: `${localText(p.title, lang)} (${p.id})`,
    })),
  ];

  return (
    <FormShell
      fields={fields}
      label={(field) => activationFieldLabel(t, field)}
      submitLabel={t('activations.submit')}
      intro={false}
      cancel={
        <AppButtonLink href={paths.packs(tenantId)} appearance="subtle-button">
          {t('common.cancel')}
        </AppButtonLink>
      }
      saving={saving}
      error={error}
      onSubmit={submit}
      mapErrors={mapErrors}
    >
      {/* Errors about the set as a whole (conflicting packs) link here. */}
      <SetTarget>
        {rows.length === 0 ? <Paragraph>{t('activations.noRows')}</Paragraph> : null}
        {rows.map((row, index) => (
          <ActivationRowFields
            key={row.key}
            index={index}
            row={row}
            packOptions={packOptions}
            onChange={(patch) => change(row.key, patch)}
            onRemove={() => remove(row.key)}
          />
        ))}
      </SetTarget>
      <div className="regie-secondary-actions regie-activation-add">
        <Button ref={addRef} appearance="secondary-action-button" onClick={add}>
          {t('activations.add')}
        </Button>
      </div>
    </FormShell>
  );
}

/** "Activeringen wijzigen" (beheer): in which windows the municipality applies which pack. */
export function ActivationsPage({ tenantId }: { tenantId: number }) {
  const { t } = useI18n();
  const { resource } = useResource((signal) => listPacks(tenantId, signal), [tenantId]);
  return (
    <>
      <Paragraph className="regie-back">
        <AppLink href={paths.packs(tenantId)}>{t('packs.back')}</AppLink>
      </Paragraph>
      <PageHeading title={t('activations.title')} />
      <Paragraph>{t('activations.intro')}</Paragraph>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'error' ? <ProblemAlert error={resource.error} /> : null}
      {resource.status === 'ready' ? (
        <ActivationEditor
          tenantId={tenantId}
          packs={resource.data.filter((p) => p.applicable || p.activations.length > 0)}
        />
      ) : null}
    </>
  );
}
