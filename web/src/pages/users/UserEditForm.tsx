import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { updateUser } from '../../api/access';
import type { User, UserRole } from '../../api/types';
import { CancelLink } from '../../components/CancelLink';
import { flash } from '../../components/Flash';
import { CheckboxField, TextField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import { formatTimestamp } from '../../lib/dates';
import { useSubmit } from '../../lib/useSubmit';
import { navigate } from '../../router/router';
import { paths } from '../../router/routes';
import { RolesField } from './RolesField';
import { USER_LABELS } from './UserCreateForm';

const FIELDS = ['display_name', 'email', 'roles', 'active'] as const;

export function UserEditForm({
  tenantId,
  user,
  onReload,
}: {
  tenantId: number;
  user: User;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const bindings = user.sso ?? [];
  const [displayName, setDisplayName] = useState(user.display_name);
  const [email, setEmail] = useState(user.email ?? '');
  const [roles, setRoles] = useState<UserRole[]>(user.roles);
  const [active, setActive] = useState(user.active);
  const { saving, error, submit } = useSubmit(
    () =>
      updateUser(tenantId, user.id, user.version, {
        display_name: displayName.trim(),
        email: email.trim(),
        roles,
        active,
      }),
    () => navigate(paths.users(tenantId), { state: flash('users.saved') }),
  );

  return (
    <>
      <DataList className="regie-details">
        <DataListItem>
          <DataListKey>{t('users.username')}</DataListKey>
          <DataListValue>{user.username}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('users.organisation')}</DataListKey>
          <DataListValue>{user.organisation.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('users.sso.label')}</DataListKey>
          <DataListValue>
            {bindings.length === 0
              ? t('users.sso.none')
              : bindings
                  .map((b) =>
                    t('users.sso.bound', { issuer: b.issuer, since: formatTimestamp(b.linked_at) }),
                  )
                  .join('; ')}
          </DataListValue>
        </DataListItem>
      </DataList>
      <FormShell
        fields={FIELDS}
        label={(field) => t(USER_LABELS[field as keyof typeof USER_LABELS])}
        submitLabel={t('users.submitEdit')}
        cancel={<CancelLink href={paths.users(tenantId)} />}
        saving={saving}
        error={error}
        onSubmit={submit}
        onReload={onReload}
      >
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
          description={bindings.length > 0 ? t('users.sso.emailWarning') : undefined}
          value={email}
          onChange={setEmail}
          inputProps={{ type: 'email', autoComplete: 'off' }}
        />
        <RolesField value={roles} onChange={setRoles} />
        <CheckboxField
          name="active"
          label={t('users.active')}
          description={t('users.activeDescription')}
          checked={active}
          onChange={setActive}
        />
      </FormShell>
    </>
  );
}
