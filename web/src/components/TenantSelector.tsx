import { Button, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Tenant, UserRole } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { homePath, sectionPath } from '../lib/roles';
import type { Section } from '../lib/roles';
import { navigate } from '../router/router';

/**
 * Chooses the municipality to work in, among those the user's organisation
 * serves; with one, it just names it. A separate button confirms the choice,
 * so moving through the options with the keyboard does not leave the page.
 * Switching keeps the current section (households, users, audit log).
 */
export function TenantSelector({
  tenants,
  currentId,
  roles,
  section,
}: {
  tenants: readonly Tenant[];
  currentId: number | null;
  roles: readonly UserRole[];
  section: Section | null;
}) {
  const { t } = useI18n();
  // Keyed by currentId in the shell, so a new tenant in the URL starts afresh.
  const [choice, setChoice] = useState<string>(currentId === null ? '' : String(currentId));

  if (tenants.length === 1) {
    return (
      <p className="regie-tenant regie-tenant--single">
        <span className="regie-tenant__label">{t('shell.tenant')}: </span>
        {tenants[0]!.name}
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = Number(choice);
    if (id && id !== currentId) navigate(section ? sectionPath(section, id) : homePath(roles, id));
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
