import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { makeReferral } from '../../api/referrals';
import type { HandoverTemplate, Referral } from '../../api/referrals';
import { CATEGORIES } from '../../api/types';
import type { Category, Organisation, Person, SharingBasis } from '../../api/types';
import { CheckboxGroupField } from '../../components/form/CheckboxGroupField';
import { SelectField, TextareaField } from '../../components/form/fields';
import { FormShell } from '../../components/form/FormShell';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/translate';
import { clientFieldError, clientValidation } from '../../lib/clientProblem';
import { personName } from '../../lib/personName';
import { useSubmit } from '../../lib/useSubmit';

const FIELDS = ['template', 'to_organisation_id', 'person_ids', 'package', 'reason'] as const;
const LABELS: Record<(typeof FIELDS)[number], MessageKey> = {
  template: 'referrals.field.template',
  to_organisation_id: 'referrals.field.organisation',
  person_ids: 'referrals.field.persons',
  package: 'referrals.field.package',
  reason: 'referrals.field.reason',
};

/**
 * The persons among `personIds` for whom no active basis gives `category` to
 * `organisationId`: the server refuses the referral unless this is empty.
 */
export function uncoveredFor(
  bases: readonly SharingBasis[],
  organisationId: number,
  personIds: readonly number[],
  category: Category,
): number[] {
  return personIds.filter(
    (p) =>
      !bases.some(
        (b) =>
          b.person_id === p &&
          b.organisation.id === organisationId &&
          b.active &&
          b.categories.includes(category),
      ),
  );
}

interface Props {
  tenantId: number;
  householdId: number;
  persons: readonly Person[];
  organisations: readonly Organisation[];
  /** The caller's own organisation: one does not refer to oneself. */
  ownOrganisationId: number;
  templates: readonly HandoverTemplate[];
  /** The household's sharing bases, or null when they could not be read. */
  bases: readonly SharingBasis[] | null;
  onSaved: (referral: Referral) => void;
  onCancel: () => void;
}

/**
 * "Verwijzen": to whom, which persons, which data go along (each category
 * shows whether a sharing basis covers it for the chosen organisation and
 * persons), and why. A warm-handover template fills in the package.
 */
export function ReferralForm({
  tenantId,
  householdId,
  persons,
  organisations,
  ownOrganisationId,
  templates,
  bases,
  onSaved,
  onCancel,
}: Props) {
  const { t, lang } = useI18n();
  const [template, setTemplate] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [personIds, setPersonIds] = useState<number[]>([]);
  const [pkg, setPkg] = useState<Category[]>([]);
  const [reason, setReason] = useState('');
  // Only the handovers the caller's organisation sends (the server refuses
  // the others with wrong_sender_kind).
  const ownKind = organisations.find((o) => o.id === ownOrganisationId)?.kind;
  const usable = templates.filter((x) => !ownKind || x.from_kinds.includes(ownKind));
  const chosen = usable.find((x) => x.id === template) ?? null;
  const receivers = organisations.filter(
    (o) => o.id !== ownOrganisationId && (!chosen || chosen.to_kinds.includes(o.kind)),
  );
  const orgId = Number(organisation);
  const nameOf = (id: number) => {
    const p = persons.find((x) => x.id === id);
    return p ? personName(t, p) : String(id);
  };
  const coverage = (c: Category): string => {
    if (!bases || !orgId || personIds.length === 0) return '';
    const missing = uncoveredFor(bases, orgId, personIds, c);
    return missing.length === 0
      ? t('referrals.covered')
      : t('referrals.notCovered', { persons: missing.map(nameOf).join(', ') });
  };
  const { saving, error, submit } = useSubmit(async () => {
    const errors = [
      ...(organisation
        ? []
        : [clientFieldError('to_organisation_id', 'required', 'referrals.errors.organisation')]),
      ...(personIds.length > 0
        ? []
        : [clientFieldError('person_ids', 'required', 'referrals.errors.persons')]),
      ...(pkg.length > 0
        ? []
        : [clientFieldError('package', 'required', 'referrals.errors.package')]),
      ...(reason.trim() ? [] : [clientFieldError('reason', 'required', 'referrals.errors.reason')]),
    ];
    const invalid = clientValidation(errors);
    if (invalid) throw invalid;
    return makeReferral(tenantId, householdId, {
      person_ids: personIds,
      to_organisation_id: orgId,
      reason,
      package: pkg,
      ...(template ? { template } : {}),
    });
  }, onSaved);

  return (
    <FormShell
      idScope="referral"
      fields={FIELDS}
      label={(field) => t(LABELS[field as keyof typeof LABELS])}
      submitLabel={t('referrals.submit')}
      cancel={
        <Button appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      }
      saving={saving}
      error={error}
      onSubmit={submit}
    >
      <SelectField
        name="template"
        label={t('referrals.field.template')}
        description={t('referrals.templateDescription')}
        value={template}
        options={[
          { value: '', label: t('referrals.free') },
          ...usable.map((x) => ({
            value: x.id,
            label: lang === 'en' ? x.label.en : x.label.nl,
          })),
        ]}
        onChange={(value) => {
          setTemplate(value);
          const next = usable.find((x) => x.id === value);
          if (next) setPkg(next.package.filter((c) => CATEGORIES.includes(c)));
        }}
      />
      <SelectField
        name="to_organisation_id"
        label={t('referrals.field.organisation')}
        required
        value={organisation}
        options={[
          { value: '', label: t('form.choose') },
          ...receivers.map((o) => ({ value: String(o.id), label: o.name })),
        ]}
        onChange={setOrganisation}
      />
      <CheckboxGroupField
        name="person_ids"
        legend={t('referrals.field.persons')}
        required
        requiredText={t('form.required')}
        empty={t('contacts.noPersons')}
        options={persons.map((p) => ({ value: p.id, label: personName(t, p) }))}
        value={personIds}
        onChange={setPersonIds}
      />
      <CheckboxGroupField
        name="package"
        legend={t('referrals.field.package')}
        description={t('referrals.packageDescription')}
        required
        requiredText={t('form.required')}
        empty=""
        options={CATEGORIES.map((c) => {
          const note = coverage(c);
          return {
            value: c,
            label: (
              <>
                {t(`enum.category.${c}`)}
                {note ? (
                  <span className="regie-cell-note" data-coverage={c}>
                    {' '}
                    ({note})
                  </span>
                ) : null}
              </>
            ),
          };
        })}
        value={pkg}
        onChange={setPkg}
      />
      <TextareaField
        name="reason"
        label={t('referrals.field.reason')}
        required
        value={reason}
        onChange={setReason}
      />
      {chosen && chosen.checklist.length > 0 ? (
        <div className="regie-checklist-preview">
          <p>{t('referrals.checklist')}</p>
          <ul className="regie-checklist">
            {chosen.checklist.map((item) => (
              <li key={item.nl}>{lang === 'en' ? item.en : item.nl}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </FormShell>
  );
}
