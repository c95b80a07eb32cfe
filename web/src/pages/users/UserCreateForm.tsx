import { useState } from 'react';
import { createUser } from '../../api/access';
import type { Organisation, UserCreated, UserRole } from '../../api/types';
import { CancelLink } from '../../components/CancelLink';
import { SelectField, TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { enumLabel } from '../../lib/enumLabel';
import { useSubmit } from '../../lib/useSubmit';
import { paths } from '../../router/routes';
import { RolesField } from './RolesField';

export const USER_LABELS = {
  username: 'users.username',
  display_name: 'users.displayName',
  email: 'users.email',
  organisation_id: 'users.organisation',
  roles: 'users.roles',
  active: 'users.active',
} as const satisfies Record<string, MessageKey>;
const FIELDS = ['username', 'display_name', 'email', 'organisation_id', 'roles'] as const;

interface Props {
  tenantId: number;
  organisations: readonly Organisation[];
  onCreated: (created: UserCreated) => void;
}

export function UserCreateForm({ tenantId, organisations, onCreated }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [roles, setRoles] = useState<UserRole[]>([]);
  const { saving, error, submit } = useSubmit(() => {
    const organisationId = Number(organisation);
    return createUser(tenantId, {
      username: username.trim(),
      display_name: displayName.trim(),
      email: email.trim(),
      ...(organisationId > 0 ? { organisation_id: organisationId } : {}),
      roles,
    });
  }, onCreated);

  return (
    <FormShell
      fields={FIELDS}
      label={(field) => t(USER_LABELS[field as keyof typeof USER_LABELS])}
      submitLabel={t('users.submitCreate')}
      cancel={<CancelLink href={paths.users(tenantId)} />}
      saving={saving}
      error={error}
      onSubmit={submit}
    >
      <TextField
        name="username"
        label={t('users.username')}
        description={t('users.usernameDescription')}
        required
        value={username}
        onChange={setUsername}
        inputProps={{ autoComplete: 'off', autoCapitalize: 'none', spellCheck: false }}
      />
      <TextField
        name="display_name"
        label={t('users.displayName')}
        required
        value={displayName}
        onChange={setDisplayName}
        inputProps={{ autoComplete: 'off' }}
      />
      <TextField
        name="email"
        label={t('users.email')}
        value={email}
        onChange={setEmail}
        inputProps={{ type: 'email', autoComplete: 'off' }}
      />
      <SelectField
        name="organisation_id"
        label={t('users.organisation')}
        required
        value={organisation}
        options={[
          { value: '', label: t('form.choose') },
          ...organisations.map((o) => ({
            value: String(o.id),
            label: `${o.name} (${enumLabel(t, 'organisationKind', o.kind)})`,
          })),
        ]}
        onChange={setOrganisation}
      />
      <RolesField value={roles} onChange={setRoles} />
    </FormShell>
  );
}
