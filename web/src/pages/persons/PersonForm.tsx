import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { createPerson, updatePerson } from '../../api/regie';
import type { Household, Person } from '../../api/types';
import { CancelLink } from '../../components/CancelLink';
import { flash } from '../../components/Flash';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import { clientValidation } from '../../lib/clientProblem';
import {
  emptyPersonForm,
  formToPersonInput,
  hiddenFields,
  omitHidden,
  PERSON_FIELDS,
  personToForm,
} from '../../lib/personForm';
import type { PersonField, PersonFormValues } from '../../lib/personForm';
import { useSubmit } from '../../lib/useSubmit';
import { navigate } from '../../router/router';
import { paths } from '../../router/routes';
import { personFieldLabel, PersonFields } from './PersonFields';
import { personFormErrors } from './personFormSections';

interface Props {
  household: Household;
  /** The person to edit; without it the form adds one to the household. */
  person?: Person;
  onReload: () => void;
}

export function PersonForm({ household, person, onReload }: Props) {
  const { t } = useI18n();
  const tenantId = household.tenant_id;
  const [values, setValues] = useState<PersonFormValues>(() =>
    person
      ? personToForm(person)
      : // The first person of a household is usually its main person.
        emptyPersonForm(household.persons.length === 0 ? 'hoofdpersoon' : ''),
  );
  const [hidden] = useState(() => (person ? hiddenFields(person) : new Set<PersonField>()));
  const { saving, error, submit } = useSubmit(
    () => {
      const invalid = clientValidation(personFormErrors(values, hidden));
      if (invalid) return Promise.reject(invalid);
      const input = formToPersonInput(values);
      return person
        ? updatePerson(tenantId, person.id, person.version, omitHidden(input, hidden))
        : createPerson(tenantId, household.id, input);
    },
    () =>
      navigate(
        person ? paths.person(tenantId, person.id) : paths.household(tenantId, household.id),
        {
          state: flash(person ? 'personForm.saved' : 'personForm.created'),
        },
      ),
  );
  const change = (name: PersonField, value: string | boolean) =>
    setValues((v) => ({ ...v, [name]: value }));

  return (
    <FormShell
      fields={PERSON_FIELDS}
      label={(field) => personFieldLabel(t, field)}
      submitLabel={t(person ? 'personForm.submitEdit' : 'personForm.submitCreate')}
      cancel={
        <CancelLink
          href={
            person ? paths.person(tenantId, person.id) : paths.household(tenantId, household.id)
          }
        />
      }
      saving={saving}
      error={error}
      onSubmit={submit}
      onReload={onReload}
    >
      {hidden.size > 0 ? (
        <Alert type="info" className="regie-notice">
          <Paragraph>{t('personForm.someHidden')}</Paragraph>
        </Alert>
      ) : null}
      <PersonFields values={values} onChange={change} hidden={hidden} />
    </FormShell>
  );
}
