import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Me } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { enumLabel } from '../lib/enumLabel';
import { errorText } from '../lib/errorText';
import { useSession } from '../session/session';

/** Who is signed in (name, organisation, roles) and the way out. */
export function UserBar({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const roles = me.user.roles.map((r) => enumLabel(t, 'userRole', r)).join(', ');

  const logout = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    signOut().catch((e: unknown) => {
      setBusy(false);
      setError(e);
    });
  };

  return (
    <div className="regie-user">
      <div className="regie-user__who">
        <span className="regie-user__name">{me.user.display_name}</span>
        <span className="regie-user__meta">
          {me.user.organisation.name}
          <span className="regie-visually-hidden">, </span>
          <span className="regie-user__roles">
            <span className="regie-visually-hidden">{t('shell.roles')}: </span>
            {roles}
          </span>
        </span>
      </div>
      <Button appearance="secondary-action-button" busy={busy} onClick={logout}>
        {t('shell.logout')}
      </Button>
      {error ? (
        <p role="alert" className="regie-user__error">
          {t('shell.logoutFailed', { reason: errorText(error, lang, t) })}
        </p>
      ) : null}
    </div>
  );
}
