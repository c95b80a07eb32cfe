import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HandoverTemplate, Referral } from '../../api/referrals';
import type { SharingBasis } from '../../api/types';
import { fakeApi, json, problem } from '../../test/fakeApi';
import { makeHousehold, makeMe, makePerson } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { uncoveredFor } from '../referrals/ReferralForm';
import { HouseholdPage } from './HouseholdPage';

const GGD = { id: 6, name: 'GGD Zuid-Holland Zuid', kind: 'ggd_jgz' as const };
const ORGS = [{ id: 1, name: 'Gemeente', kind: 'gemeente' }, GGD];

const REFERRAL: Referral = {
  id: 21,
  household: { id: 3, name: 'Familie Haddad' },
  persons: [{ id: 9, name: 'Amina Haddad' }],
  from_organisation: { id: 1, name: 'Gemeente', kind: 'gemeente' },
  to_organisation: { id: 6, name: 'GGD Zuid-Holland Zuid', kind: 'ggd_jgz' },
  package: ['basis', 'gezondheid'],
  template: null,
  state: 'voorgesteld',
  respond_by: '2026-12-03',
  due_date: '2026-12-03',
  overdue: false,
  retention_days: 30,
  created_by: { id: 7, display_name: 'R. de Vries' },
  created_at: '2026-11-23T10:00:00.000000Z',
  decided_at: null,
  decided_by: null,
  completed_at: null,
  completed_by: null,
  full: true,
  allowed_actions: ['withdraw'],
  version: 1,
  reason: 'Intake bij de GGD.',
  checklist: [],
  decision_note: '',
  completion_note: '',
};

const TEMPLATE: HandoverTemplate = {
  id: 'ggd_intake',
  label: { nl: 'Verwijzing naar de GGD (gezondheid)', en: 'Referral to the GGD (health)' },
  from_kinds: ['gemeente'],
  to_kinds: ['ggd_jgz'],
  package: ['basis', 'gezondheid'],
  checklist: [{ nl: 'Reden besproken', en: 'Reason discussed' }],
  response_days: 10,
  retention_days: 30,
};

const COA_TEMPLATE: HandoverTemplate = {
  ...TEMPLATE,
  id: 'azc_gemeente',
  label: { nl: 'Warme overdracht AZC', en: 'Warm handover from the AZC' },
  from_kinds: ['coa'],
  to_kinds: ['gemeente'],
};

function basis(categories: SharingBasis['categories'], active = true): SharingBasis {
  return {
    id: 40,
    person_id: 9,
    organisation: GGD,
    categories,
    purpose: 'Verwijzing',
    legal_basis: 'toestemming',
    given: '2026-11-20',
    expires: null,
    withdrawn_at: active ? null : '2026-11-22T10:00:00Z',
    recorded_by: null,
    consent_text: 'Formulier',
    active,
  };
}

function section() {
  return screen.getByRole('heading', { name: 'Verwijzingen' }).closest('section')!;
}

describe('uncoveredFor', () => {
  it('names the persons without an active basis for the organisation and category', () => {
    const bases = [basis(['basis']), basis(['gezondheid'], false)];
    expect(uncoveredFor(bases, 6, [9], 'basis')).toEqual([]);
    expect(uncoveredFor(bases, 6, [9], 'gezondheid')).toEqual([9]);
    expect(uncoveredFor(bases, 5, [9], 'basis')).toEqual([9]);
    expect(uncoveredFor(bases, 6, [9, 10], 'basis')).toEqual([10]);
  });
});

describe('ReferralsSection', () => {
  it('lists referrals with package, state, response date and the allowed actions only', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/households/3': () => json(makeHousehold()),
      'GET /api/v1/tenants/1/households/3/referrals': () =>
        json({ items: [REFERRAL], may_refer: false }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    const row = (
      await within(await screen.findByRole('region', { name: 'Verwijzingen' })).findByText(
        'Amina Haddad',
      )
    ).closest('tr')!;
    expect(
      within(row).getByText('Basisgegevens, Gezondheid (bijzonder persoonsgegeven)'),
    ).toBeTruthy();
    expect(within(row).getByText('Voorgesteld')).toBeTruthy();
    expect(within(row).getByText('03-12-2026')).toBeTruthy();
    expect(within(row).getByRole('button', { name: /^Intrekken/ })).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /^Accepteren/ })).toBeNull();
    expect(within(section()).queryByRole('button', { name: 'Verwijzen' })).toBeNull();
  });

  it('shows coverage per category and refers with a template', async () => {
    const calls = fakeApi({
      'GET /api/v1/tenants/1/households/3': () =>
        json(makeHousehold({ persons: [makePerson({ id: 9 })] })),
      'GET /api/v1/tenants/1/households/3/referrals': () => json({ items: [], may_refer: true }),
      'GET /api/v1/tenants/1/organisations': () => json({ items: ORGS }),
      'GET /api/v1/tenants/1/referral-templates': () => json({ items: [TEMPLATE, COA_TEMPLATE] }),
      'GET /api/v1/tenants/1/persons/9/sharing-bases': () => json({ items: [basis(['basis'])] }),
      'POST /api/v1/tenants/1/households/3/referrals': () =>
        problem(409, {
          code: 'package_not_covered',
          message_nl: 'Ontbreekt: Amina Haddad: gezondheid.',
        }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Verwijzen' }));
    await screen.findByRole('option', { name: 'Verwijzing naar de GGD (gezondheid)' });
    // The COA's handover is not the municipality's to send.
    expect(screen.queryByRole('option', { name: 'Warme overdracht AZC' })).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Soort overdracht/), {
      target: { value: 'ggd_intake' },
    });
    // The template fills the package and leaves only receivers of its kind.
    expect(screen.queryByRole('option', { name: 'Gemeente' })).toBeNull();
    fireEvent.change(screen.getByLabelText(/^Naar organisatie/), { target: { value: '6' } });
    fireEvent.click(screen.getByLabelText('Amina Haddad'));
    expect((screen.getByLabelText(/^Gezondheid/) as HTMLInputElement).checked).toBe(true);
    expect(section().querySelector('[data-coverage="gezondheid"]')!.textContent).toContain(
      'geen grondslag voor Amina Haddad',
    );
    expect(section().querySelector('[data-coverage="basis"]')!.textContent).toContain('gedekt');
    fireEvent.change(screen.getByLabelText(/^Reden/), { target: { value: 'Intake bij de GGD.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verwijzing versturen' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      person_ids: [9],
      to_organisation_id: 6,
      reason: 'Intake bij de GGD.',
      package: ['basis', 'gezondheid'],
      template: 'ggd_intake',
    });
    expect((await screen.findAllByText(/Amina Haddad: gezondheid/)).length).toBeGreaterThan(0);
  });

  it('marks the required checkbox groups as required, like the other required fields', async () => {
    fakeApi({
      'GET /api/v1/tenants/1/households/3': () =>
        json(makeHousehold({ persons: [makePerson({ id: 9 })] })),
      'GET /api/v1/tenants/1/households/3/referrals': () => json({ items: [], may_refer: true }),
      'GET /api/v1/tenants/1/organisations': () => json({ items: ORGS }),
      'GET /api/v1/tenants/1/referral-templates': () => json({ items: [TEMPLATE] }),
      'GET /api/v1/tenants/1/persons/9/sharing-bases': () => json({ items: [] }),
    });
    renderSignedIn(<HouseholdPage tenantId={1} householdId={3} />, makeMe(['regisseur']));
    fireEvent.click(await screen.findByRole('button', { name: 'Verwijzen' }));
    await screen.findByRole('option', { name: 'Verwijzing naar de GGD (gezondheid)' });
    expect(screen.getByText(/Velden met \(verplicht\) moet u invullen/)).toBeTruthy();
    const legends = [...section().querySelectorAll('legend')].map((l) => l.textContent);
    expect(legends).toEqual(['Personen (verplicht)', 'Dossierpakket (verplicht)']);
    expect(screen.getByLabelText('Reden (verplicht)')).toBeTruthy();
  });
});
