import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  EDUCATION_LEVELS,
  INBURGERING_DUTIES,
  LEGAL_BASES,
  LITERACY_LEVELS,
  ORGANISATION_KINDS,
  RELATIONSHIPS,
  ROLES,
  SEXES,
  USER_ROLES,
} from '../api/types';
import {
  EVENT_KINDS,
  EVENT_VALUES,
  MILESTONE_REASONS,
  MILESTONE_STATUSES,
  PACK_SCOPES,
  WORK_KINDS,
} from '../api/policyTypes';
import {
  ASSESSMENT_KINDS,
  FERM_WERK_OUTCOMES,
  LADDER_RUNGS,
  ZRM_DOMAINS,
  ZRM_SCORES,
} from '../api/assessments';
import { BAND_GROUPS } from '../lib/milestones';
import { PERSON_FIELDS } from '../lib/personForm';
import en from './en.json';
import nl from './nl.json';
import { flattenKeys, interpolate, translate } from './translate';
import type { MessageKey } from './translate';

function leaves(obj: unknown, prefix = ''): [string, string][] {
  if (typeof obj === 'string') return [[prefix, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('message catalogues', () => {
  it('have exactly the same keys in Dutch and English', () => {
    expect(flattenKeys(en).sort()).toEqual(flattenKeys(nl).sort());
  });

  it('have no empty texts and the same placeholders in both languages', () => {
    const english = new Map(leaves(en));
    for (const [key, dutch] of leaves(nl)) {
      expect(dutch.trim(), key).not.toBe('');
      expect(english.get(key)?.trim(), key).not.toBe('');
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(dutch));
    }
  });

  it('label every enum code of the API in both languages', () => {
    const groups: [string, readonly string[]][] = [
      ['sex', SEXES],
      ['literacy', LITERACY_LEVELS],
      ['education', EDUCATION_LEVELS],
      ['role', ROLES],
      ['inburgering', INBURGERING_DUTIES],
      ['organisationKind', ORGANISATION_KINDS],
      ['userRole', USER_ROLES],
      ['relationship', RELATIONSHIPS],
      ['category', CATEGORIES],
      ['categoryShort', CATEGORIES],
      ['legalBasis', LEGAL_BASES],
      ['outcome', ['allowed', 'denied', 'failed']],
      ['milestoneStatus', MILESTONE_STATUSES],
      ['milestoneReason', MILESTONE_REASONS],
      ['packScope', PACK_SCOPES],
      ['eventKind', EVENT_KINDS],
      ['eventValue', EVENT_VALUES],
      ['workKind', WORK_KINDS],
      ['assessmentKind', ASSESSMENT_KINDS],
      ['zrmDomain', ZRM_DOMAINS],
      ['zrmScore', ZRM_SCORES.map(String)],
      ['ladderRung', LADDER_RUNGS.map(String)],
      ['fermWerkOutcome', FERM_WERK_OUTCOMES],
    ];
    const keys = new Set(flattenKeys(nl));
    for (const [group, codes] of groups) {
      for (const code of codes)
        expect(keys.has(`enum.${group}.${code}`), `${group}.${code}`).toBe(true);
    }
  });

  it('explain every user role and name every navigation section', () => {
    const keys = new Set(flattenKeys(nl));
    for (const role of USER_ROLES) expect(keys.has(`users.roleHint.${role}`), role).toBe(true);
    for (const s of ['households', 'worklist', 'users', 'policy', 'audit', 'start'])
      expect(keys.has(`shell.nav.${s}`), s).toBe(true);
    for (const band of BAND_GROUPS) expect(keys.has(`milestones.band.${band}`), band).toBe(true);
  });

  it('use the Dutch category labels of the access design', () => {
    expect(translate('nl', 'enum.category.gezondheid')).toBe(
      'Gezondheid (bijzonder persoonsgegeven)',
    );
    expect(translate('nl', 'enum.category.werk_inkomen')).toBe('Werk en inkomen');
    expect(translate('nl', 'enum.relationship.break_glass')).toBe('Noodtoegang');
  });

  it('label every person field', () => {
    const keys = new Set(flattenKeys(nl));
    for (const field of PERSON_FIELDS) {
      expect(keys.has(`personForm.fields.${field.replace('/', '.')}`), field).toBe(true);
    }
  });
});

describe('translate', () => {
  it('fills in placeholders per language', () => {
    expect(translate('nl', 'list.page', { page: 3 })).toBe('Pagina 3');
    expect(translate('en', 'list.page', { page: 3 })).toBe('Page 3');
  });

  it('shows the key for a missing text rather than nothing', () => {
    expect(translate('nl', 'does.not.exist' as MessageKey)).toBe('does.not.exist');
  });

  it('leaves unknown placeholders visible', () => {
    expect(interpolate('{a} en {b}', { a: 1 })).toBe('1 en {b}');
  });
});
