import { ButtonGroup, ButtonLink, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { getIdentityProviders, oidcStartHref } from '../../api/auth';
import type { IdentityProvider } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/**
 * "Inloggen met {provider}": one link per single sign-on provider the server
 * is configured with (none: nothing shows). A link, not a button: the
 * provider's login is a full-page navigation and back.
 */
export function SsoLogin() {
  const { t, lang } = useI18n();
  const [providers, setProviders] = useState<IdentityProvider[]>([]);

  useEffect(() => {
    const abort = new AbortController();
    getIdentityProviders(abort.signal).then(setProviders, () => setProviders([]));
    return () => abort.abort();
  }, []);

  if (providers.length === 0) return null;
  return (
    <section className="regie-sso" aria-labelledby="regie-sso-heading">
      <Heading2 id="regie-sso-heading">{t('login.ssoHeading')}</Heading2>
      <Paragraph>{t('login.ssoIntro')}</Paragraph>
      <ButtonGroup>
        {providers.map((p) => (
          <ButtonLink key={p.id} appearance="secondary-action-button" href={oidcStartHref(p.id)}>
            {t('login.ssoButton', { name: lang === 'en' ? p.name_en : p.name_nl })}
          </ButtonLink>
        ))}
      </ButtonGroup>
    </section>
  );
}
