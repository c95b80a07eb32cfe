import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { openBreakGlass } from '../../api/regie';
import { CancelLink } from '../../components/CancelLink';
import { TextareaField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { AppLink } from '../../components/links';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/i18n';
import { rememberBreakGlass } from '../../lib/breakGlass';
import { clientFieldError, clientValidation } from '../../lib/clientProblem';
import { useSubmit } from '../../lib/useSubmit';
import { navigate, useLocation } from '../../router/router';
import { paths } from '../../router/routes';

export const MIN_REASON = 10;
const FIELDS = ['reason'] as const;

/**
 * "Noodtoegang openen": a regisseur or partner opens a household outside
 * their relationships for 24 hours, with a reason. The opening, the reason
 * and everything seen are logged and shown to the privacy officer.
 */
export function BreakGlassPage({
  tenantId,
  householdId,
}: {
  tenantId: number;
  householdId: number;
}) {
  const { t } = useI18n();
  const { state } = useLocation();
  // The name comes from the search hit; without it (a typed URL) only the number is known.
  const name = typeof state.name === 'string' ? state.name : null;
  const [reason, setReason] = useState('');
  const { saving, error, submit } = useSubmit(
    async () => {
      const text = reason.trim();
      const invalid = clientValidation(
        [...text].length < MIN_REASON
          ? [
              clientFieldError('reason', 'too_short', 'breakGlass.reasonTooShort', {
                min: MIN_REASON,
              }),
            ]
          : [],
      );
      if (invalid) throw invalid;
      return openBreakGlass(tenantId, householdId, text);
    },
    ({ expires_at }) => {
      rememberBreakGlass(tenantId, householdId, expires_at);
      navigate(paths.household(tenantId, householdId));
    },
  );

  return (
    <>
      <Paragraph className="regie-back">
        <AppLink href={paths.breakGlassSearch(tenantId)}>{t('breakGlass.backToSearch')}</AppLink>
      </Paragraph>
      <PageHeading title={t('breakGlass.title')} />
      <Paragraph>
        {name
          ? t('breakGlass.household', { name, id: householdId })
          : t('breakGlass.householdNumber', { id: householdId })}
      </Paragraph>
      <Alert type="warning" className="regie-break-glass-warning">
        <Heading2 className="regie-alert-heading">{t('breakGlass.warningHeading')}</Heading2>
        <Paragraph>{t('breakGlass.warning')}</Paragraph>
        <Paragraph>{t('breakGlass.warningLogged')}</Paragraph>
      </Alert>
      <FormShell
        fields={FIELDS}
        label={() => t('breakGlass.reason')}
        submitLabel={t('breakGlass.submit')}
        cancel={<CancelLink href={paths.breakGlassSearch(tenantId)} />}
        intro={false}
        saving={saving}
        error={error}
        onSubmit={submit}
      >
        <TextareaField
          name="reason"
          label={t('breakGlass.reason')}
          description={t('breakGlass.reasonDescription', { min: MIN_REASON })}
          required
          value={reason}
          onChange={setReason}
        />
      </FormShell>
    </>
  );
}
