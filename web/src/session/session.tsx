import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Api } from '../api';
import type { User } from '../api/identity';
import { ErrorNotice } from '../components/ErrorNotice';

type Status = 'loading' | 'signed-in' | 'signed-out';

interface SessionValue {
  api: Api;
  status: Status;
  user: User | null;
  /**
   * The proxy in front (Authelia, forward-auth) says who the writer is: the app has no log-in,
   * sign-up, log-out or password screens then.
   */
  forwardAuth: boolean;
  /** Why a kept session could not be restored (the server was unreachable, say). */
  failure: unknown;
  /** What the log-in screen should tell a writer whose session the app ended on purpose. */
  notice: string | null;
  /** The writer logged out themselves: the log-in screen then starts afresh, not "back to" the page they left. */
  loggedOut: boolean;
  logIn(email: string, password: string): Promise<User>;
  logOut(): Promise<void>;
  /** Forgets the session after the server ended it (a password change), saying why. */
  endSession(notice: string): void;
  /** After the writer edited their profile. */
  setUser(user: User): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in, restored on load from the refresh token the API client keeps. */
export function SessionProvider({ api, children }: { api: Api; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  // without a kept session the app still asks whether the proxy in front has signed it in
  const [status, setStatus] = useState<Status>('loading');
  const [forwardAuth, setForwardAuth] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);

  useEffect(() => {
    const unsubscribe = api.client.onSessionChange((signedIn) => {
      if (!signedIn) {
        setUser(null);
        setStatus('signed-out');
      }
    });
    if (api.client.hasSession) {
      api.identity
        .me()
        .then((me) => {
          setUser(me);
          setStatus('signed-in');
        })
        .catch((e) => {
          // a refused session has already signed out; anything else leaves it for a later try
          setFailure(e);
          setStatus(api.client.hasSession ? 'signed-in' : 'signed-out');
        });
    } else {
      let current = true;
      api.identity
        .session()
        .then((session) => (session.signedIn ? api.identity.meThroughProxy() : null))
        .then((me) => {
          if (!current) return;
          if (me) {
            setUser(me);
            setForwardAuth(true);
            setStatus('signed-in');
          } else {
            setStatus('signed-out');
          }
        })
        // an older server without the probe, or none reachable: the ordinary log-in screen
        .catch(() => current && setStatus('signed-out'));
      return () => {
        current = false;
        unsubscribe();
      };
    }
    return unsubscribe;
  }, [api]);

  const logIn = useCallback(
    async (email: string, password: string) => {
      const me = await api.identity.logIn(email, password);
      setUser(me);
      setFailure(null);
      setNotice(null);
      setLoggedOut(false);
      setStatus('signed-in');
      return me;
    },
    [api],
  );

  const logOut = useCallback(() => {
    setLoggedOut(true);
    return api.identity.logOut();
  }, [api]);

  const endSession = useCallback(
    (why: string) => {
      setNotice(why);
      api.client.signOut();
    },
    [api],
  );

  const value = useMemo(
    () => ({ api, status, user, forwardAuth, failure, notice, loggedOut, logIn, logOut, endSession, setUser }),
    [api, status, user, forwardAuth, failure, notice, loggedOut, logIn, logOut, endSession],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession needs a SessionProvider');
  }
  return session;
}

export function useApi(): Api {
  return useSession().api;
}

/** Screens for signed-in writers: others are sent to log in, and come back afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { status, user, failure, loggedOut } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return <p role="status">Loading…</p>;
  }
  if (status === 'signed-in' && !user) {
    return (
      <>
        <ErrorNotice error={failure} />
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </>
    );
  }
  if (status === 'signed-out') {
    // logging out is not being sent away: after it, logging in starts at My books, not at the page left
    if (loggedOut) return <Navigate to="/login" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}

/** Log-in and sign-up screens: behind a forward-auth proxy there is nothing to log in to. */
export function UnlessProxied({ children }: { children: ReactNode }) {
  const { forwardAuth } = useSession();
  return forwardAuth ? <Navigate to="/books" replace /> : <>{children}</>;
}
