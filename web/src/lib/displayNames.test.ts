import { describe, expect, it } from 'vitest';
import { makePerson } from '../test/fixtures';
import { languageLabel, languageList } from './displayNames';
import { personFieldText } from './personDisplay';
import { translate } from '../i18n/translate';
import type { MessageKey, Params } from '../i18n/translate';

const t = (key: MessageKey, params?: Params) => translate('nl', key, params);

describe('language names', () => {
  it('names languages in the UI language, falling back to the code', () => {
    expect(languageList(['ar', 'en'], 'nl')).toBe('Arabisch, Engels');
    expect(languageList(['ar', 'en'], 'en')).toBe('Arabic, English');
    expect(languageLabel('prs', 'nl')).toBe('Dari');
    expect(languageLabel('zz', 'nl')).toBe('zz');
    expect(languageLabel('Arabisch', 'nl')).toBe('Arabisch');
  });

  it('shows a person’s languages by name, not code', () => {
    const p = makePerson({ languages: ['ar', 'en'] });
    expect(personFieldText(t, 'nl', p, 'languages')).toBe('Arabisch, Engels');
  });
});
