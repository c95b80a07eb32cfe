import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../api/client';
import type { HouseholdFilters } from '../../api/types';
import { FormErrorsContext } from '../../components/form/FormErrors';
import { CheckboxField, TextField } from '../../components/form/fields';
import { AppButtonLink } from '../../components/links';
import { useI18n } from '../../i18n/i18n';
import { formatDate, parseDateInput } from '../../lib/dates';
import { fieldErrorsOf, NO_ERRORS } from '../../lib/fieldErrors';

/** The fields of the filter form: it shows their errors itself. */
export const FILTER_FIELDS = ['q', 'wijk', 'kern', 'housed_from', 'housed_to', 'include_archived'];

interface Props {
  filters: HouseholdFilters;
  /** The error of the last list request; its field errors belong to these filters. */
  error: unknown;
  resetHref: string;
  onSearch: (filters: HouseholdFilters) => void;
}

/** Search and filters of the household list. Dates are typed as dd-mm-jjjj. */
export function HouseholdFilterForm({ filters, error, resetHref, onSearch }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState(() => ({
    ...filters,
    housed_from: formatDate(filters.housed_from),
    housed_to: formatDate(filters.housed_to),
  }));
  const errors = useMemo(
    () => (error instanceof ApiError ? fieldErrorsOf(error.problem, FILTER_FIELDS) : NO_ERRORS),
    [error],
  );
  const set = (key: Exclude<keyof HouseholdFilters, 'include_archived'>) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({
      ...values,
      housed_from: parseDateInput(values.housed_from) ?? '',
      housed_to: parseDateInput(values.housed_to) ?? '',
    });
  };

  return (
    <FormErrorsContext.Provider value={errors}>
      <form
        role="search"
        aria-label={t('list.searchLabel')}
        onSubmit={submit}
        noValidate
        className="regie-filters"
      >
        <TextField
          name="q"
          label={t('list.q')}
          description={t('list.qDescription')}
          value={values.q}
          onChange={set('q')}
          inputProps={{ type: 'search', autoComplete: 'off' }}
        />
        <Fieldset>
          <FieldsetLegend>{t('list.filters')}</FieldsetLegend>
          <div className="regie-filter-grid">
            <TextField
              name="wijk"
              label={t('list.wijk')}
              value={values.wijk}
              onChange={set('wijk')}
            />
            <TextField
              name="kern"
              label={t('list.kern')}
              value={values.kern}
              onChange={set('kern')}
            />
            <TextField
              name="housed_from"
              label={t('list.housedFrom')}
              description={t('list.dateFormat')}
              value={values.housed_from}
              onChange={set('housed_from')}
              inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
            />
            <TextField
              name="housed_to"
              label={t('list.housedTo')}
              description={t('list.dateFormat')}
              value={values.housed_to}
              onChange={set('housed_to')}
              inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
            />
          </div>
          <CheckboxField
            name="include_archived"
            label={t('list.includeArchived')}
            checked={values.include_archived}
            onChange={(checked) => setValues((v) => ({ ...v, include_archived: checked }))}
          />
        </Fieldset>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('list.search')}
          </Button>
          <AppButtonLink href={resetHref} appearance="subtle-button">
            {t('list.reset')}
          </AppButtonLink>
        </ButtonGroup>
      </form>
    </FormErrorsContext.Provider>
  );
}
