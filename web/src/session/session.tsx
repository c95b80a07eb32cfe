// The signed-in user. The app asks GET /auth/me once at start; a 401
// `not_authenticated` on any later call means the session ended (idle or
// absolute timeout, revoked): the user goes back to the login page with a
// notice, and returns to the same page after signing in again.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { getMe, logout } from '../api/auth';
import { ApiError, onUnauthorized, setCsrfToken } from '../api/client';
import type { Me } from '../api/types';
import { forgetBreakGlass } from '../lib/breakGlass';
import { loginHref } from '../lib/loginRedirect';
import { navigate } from '../router/router';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'anonymous' }
  | { status: 'signedIn'; me: Me };

/** Why the login page is shown, as navigation state. */
export type LoginNotice = 'expired' | 'loggedOut';

export interface Session {
  state: SessionState;
  /** After a successful second factor: the session is complete. */
  signedIn: (me: Me) => void;
  /** Ends the session on the server, then shows the login page. */
  signOut: () => Promise<void>;
  /** Asks /auth/me again (after a failed start). */
  retry: () => void;
}

export const SessionContext = createContext<Session | null>(null);

function here(): string {
  return window.location.pathname + window.location.search;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const current = useRef(state);
  current.current = state;

  const signedIn = useCallback((me: Me) => {
    setCsrfToken(me.csrf_token);
    setState({ status: 'signedIn', me });
  }, []);

  const endLocally = useCallback((notice: LoginNotice, next: string | null) => {
    setCsrfToken(null);
    forgetBreakGlass();
    setState({ status: 'anonymous' });
    navigate(loginHref(next), { replace: true, state: { notice } });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    getMe(controller.signal).then(
      (me) => {
        if (!controller.signal.aborted) signedIn(me);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous' });
        else if (!(error instanceof DOMException)) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt, signedIn]);

  useEffect(
    () =>
      onUnauthorized(() => {
        if (current.current.status === 'signedIn') endLocally('expired', here());
      }),
    [endLocally],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch (error) {
      // Already gone on the server: the user is signed out all the same.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    endLocally('loggedOut', null);
  }, [endLocally]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((a) => a + 1);
  }, []);

  const value = useMemo<Session>(
    () => ({ state, signedIn, signOut, retry }),
    [state, signedIn, signOut, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages that are shown after sign-in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe without a signed-in user');
  return state.me;
}
