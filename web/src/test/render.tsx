import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Me } from '../api/types';
import { I18nProvider } from '../i18n/i18n';
import { SessionContext } from '../session/session';
import type { Session } from '../session/session';

export function renderWithI18n(ui: ReactElement) {
  return render(<I18nProvider>{ui}</I18nProvider>);
}

/** A page as a signed-in user with `me` sees it (no /auth/me request). */
export function renderSignedIn(ui: ReactElement, me: Me) {
  const session: Session = {
    state: { status: 'signedIn', me },
    signedIn: () => {},
    signOut: async () => {},
    retry: () => {},
  };
  return render(
    <I18nProvider>
      <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>
    </I18nProvider>,
  );
}
