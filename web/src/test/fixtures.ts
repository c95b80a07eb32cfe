// Test data shaped like the API's answers.
import type { Household, Me, Person, UserRole } from '../api/types';

export const TENANTS = [
  { id: 1, code: 'GM0148', name: 'Dalfsen' },
  { id: 2, code: 'GM0632', name: 'Woerden' },
];

export function makeMe(roles: UserRole[], overrides: Partial<Me['user']> = {}): Me {
  return {
    user: {
      id: 7,
      username: 'r.devries',
      display_name: 'R. de Vries',
      roles,
      organisation: { id: 1, name: 'Gemeente Dalfsen', kind: 'gemeente' },
      tenants: TENANTS,
      ...overrides,
    },
    csrf_token: 'csrf-123',
    idle_expires_at: '2030-01-01T00:30:00.000000Z',
    absolute_expires_at: '2030-01-01T12:00:00.000000Z',
  };
}

export function makePerson(overrides: Partial<Person> = {}): Person {
  return {
    id: 9,
    tenant_id: 1,
    household_id: 3,
    version: 1,
    given_names: 'Amina',
    family_name: 'Haddad',
    birth_date: '1990-04-01',
    sex: 'vrouw',
    nationality: 'SY',
    languages: ['ar'],
    literacy: 'ja',
    highest_education: 'mbo',
    bsn: '111222333',
    v_number: null,
    permit_date: '2023-01-10',
    koppeling_date: null,
    housing_date: null,
    address: {
      street: 'Dorpsstraat',
      house_number: '1',
      postal_code: '7721 AB',
      city: 'Dalfsen',
      wijk: 'Centrum',
      kern: 'Dalfsen',
    },
    role: 'hoofdpersoon',
    family_reunification: false,
    inburgeringsplicht: 'ja',
    exemption_reason: '',
    created_at: '2024-01-01T00:00:00.000000Z',
    updated_at: '2024-01-01T00:00:00.000000Z',
    visible_categories: ['basis', 'contact', 'inburgering', 'werk_inkomen'],
    ...overrides,
  };
}

export function makeHousehold(overrides: Partial<Household> = {}): Household {
  return {
    id: 3,
    tenant_id: 1,
    version: 1,
    name: 'Familie Haddad',
    regisseur: { id: 7, display_name: 'R. de Vries' },
    begeleiders: [],
    vrijwilligers: [],
    involved_organisations: [],
    archived: false,
    archived_at: null,
    archive_reason: '',
    handed_over: false,
    created_at: '2024-01-01T00:00:00.000000Z',
    updated_at: '2024-01-01T00:00:00.000000Z',
    persons: [],
    access: {
      relationship: 'regisseur',
      categories: ['basis', 'contact'],
      break_glass: false,
      can_edit: true,
    },
    ...overrides,
  };
}
