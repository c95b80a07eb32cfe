import { USER_ROLES } from '../../api/types';
import type { UserRole } from '../../api/types';
import { CheckboxGroupField } from '../../components/form/CheckboxGroupField';
import { useI18n } from '../../i18n/i18n';
import { enumLabel } from '../../lib/enumLabel';
import type { MessageKey } from '../../i18n/translate';

/** The roles of a user as checkboxes, each with what it allows. */
export function RolesField({
  value,
  onChange,
}: {
  value: UserRole[];
  onChange: (v: UserRole[]) => void;
}) {
  const { t } = useI18n();
  return (
    <CheckboxGroupField<UserRole>
      name="roles"
      legend={t('users.roles')}
      description={t('users.rolesDescription')}
      required
      requiredText={t('form.required')}
      empty=""
      options={USER_ROLES.map((r) => ({
        value: r,
        label: (
          <>
            {enumLabel(t, 'userRole', r)}
            <span className="regie-option-hint"> – {t(`users.roleHint.${r}` as MessageKey)}</span>
          </>
        ),
      }))}
      value={value}
      onChange={onChange}
    />
  );
}
