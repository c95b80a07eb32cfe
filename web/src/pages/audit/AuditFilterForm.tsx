import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../api/client';
import type { AuditFilters, User } from '../../api/types';
import { FormErrorsContext } from '../../components/form/FormErrors';
import { SelectField, TextField } from '../../components/form/fields';
import { AppButtonLink } from '../../components/links';
import { useI18n } from '../../i18n/i18n';
import {
  AUDIT_ACTIONS,
  AUDIT_FILTER_FIELDS,
  auditFiltersFromForm,
  auditFiltersToForm,
} from '../../lib/auditFilters';
import { auditActionLabel } from './AuditTable';
import { fieldErrorsOf, NO_ERRORS } from '../../lib/fieldErrors';

interface Props {
  filters: AuditFilters;
  users: readonly User[];
  /** The error of the last request; its field errors belong to these filters. */
  error: unknown;
  resetHref: string;
  onSearch: (filters: AuditFilters) => void;
}

const ID_INPUT = {
  inputMode: 'numeric',
  autoComplete: 'off',
  className: 'regie-input-medium',
} as const;

export function AuditFilterForm({ filters, users, error, resetHref, onSearch }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState(() => auditFiltersToForm(filters));
  const errors = useMemo(
    () =>
      error instanceof ApiError ? fieldErrorsOf(error.problem, AUDIT_FILTER_FIELDS) : NO_ERRORS,
    [error],
  );
  const set = (key: keyof AuditFilters) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(auditFiltersFromForm(values));
  };
  const known = users.some((u) => String(u.id) === values.user_id);
  const userOptions = [
    { value: '', label: t('audit.allUsers') },
    ...users.map((u) => ({ value: String(u.id), label: `${u.display_name} (${u.username})` })),
    // A user id from a link that is not (or no longer) in the list stays selectable.
    ...(values.user_id && !known
      ? [{ value: values.user_id, label: t('audit.userNumber', { id: values.user_id }) }]
      : []),
  ];

  const actionOptions = [
    { value: '', label: t('audit.allActions') },
    ...AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionLabel(t, a) })),
    // An action from a link that the list does not name stays selectable.
    ...(values.action && !AUDIT_ACTIONS.some((a) => a === values.action)
      ? [{ value: values.action, label: values.action }]
      : []),
  ];

  return (
    <FormErrorsContext.Provider value={errors}>
      <form
        role="search"
        aria-label={t('audit.filtersLabel')}
        onSubmit={submit}
        noValidate
        className="regie-filters"
      >
        <div className="regie-filter-grid">
          <SelectField
            name="user_id"
            label={t('audit.user')}
            value={values.user_id}
            options={userOptions}
            onChange={set('user_id')}
          />
          <SelectField
            name="action"
            label={t('audit.action')}
            value={values.action}
            options={actionOptions}
            onChange={set('action')}
          />
          <TextField
            name="household_id"
            label={t('audit.householdId')}
            value={values.household_id}
            onChange={set('household_id')}
            inputProps={ID_INPUT}
          />
          <TextField
            name="person_id"
            label={t('audit.personId')}
            value={values.person_id}
            onChange={set('person_id')}
            inputProps={ID_INPUT}
          />
          <TextField
            name="from"
            label={t('audit.from')}
            description={t('list.dateFormat')}
            value={values.from}
            onChange={set('from')}
            inputProps={ID_INPUT}
          />
          <TextField
            name="to"
            label={t('audit.to')}
            description={t('list.dateFormat')}
            value={values.to}
            onChange={set('to')}
            inputProps={ID_INPUT}
          />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('audit.filter')}
          </Button>
          <AppButtonLink href={resetHref} appearance="subtle-button">
            {t('list.reset')}
          </AppButtonLink>
        </ButtonGroup>
      </form>
    </FormErrorsContext.Provider>
  );
}
