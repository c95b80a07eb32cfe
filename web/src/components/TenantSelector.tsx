import { Button, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Tenant } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router/router';
import { paths } from '../router/routes';

/**
 * Chooses the municipality to work in. A separate button confirms the choice,
 * so moving through the options with the keyboard does not leave the page.
 */
export function TenantSelector({
  tenants,
  currentId,
}: {
  tenants: readonly Tenant[];
  currentId: number | null;
}) {
  const { t } = useI18n();
  // Keyed by currentId in the shell, so a new tenant in the URL starts afresh.
  const [choice, setChoice] = useState<string>(currentId === null ? '' : String(currentId));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = Number(choice);
    if (id && id !== currentId) navigate(paths.households(id));
  };

  return (
    <form className="regie-tenant" onSubmit={submit}>
      <FormLabel htmlFor="regie-tenant-select">{t('shell.tenant')}</FormLabel>
      <Select id="regie-tenant-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
        {choice === '' ? <SelectOption value="">{t('shell.tenantChoose')}</SelectOption> : null}
        {tenants.map((tenant) => (
          <SelectOption key={tenant.id} value={String(tenant.id)}>
            {tenant.name}
          </SelectOption>
        ))}
      </Select>
      <Button type="submit" appearance="secondary-action-button">
        {t('shell.tenantSwitch')}
      </Button>
    </form>
  );
}
