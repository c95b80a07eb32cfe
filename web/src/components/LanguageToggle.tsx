import { Button } from '@utrecht/component-library-react';
import { useI18n } from '../i18n/i18n';

/** Switches between Dutch and English; the label is in the language it switches to. */
export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'nl' ? 'en' : 'nl';
  return (
    <Button
      appearance="subtle-button"
      className="regie-language"
      lang={other}
      onClick={() => setLang(other)}
    >
      {t('language.switch')}
    </Button>
  );
}
