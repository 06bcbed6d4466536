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
  /** Why a kept session could not be restored (the server was unreachable, say). */
  failure: unknown;
  /** What the log-in screen should tell a writer whose session the app ended on purpose. */
  notice: string | null;
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
  const [status, setStatus] = useState<Status>(api.client.hasSession ? 'loading' : 'signed-out');
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

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
    }
    return unsubscribe;
  }, [api]);

  const logIn = useCallback(
    async (email: string, password: string) => {
      const me = await api.identity.logIn(email, password);
      setUser(me);
      setFailure(null);
      setNotice(null);
      setStatus('signed-in');
      return me;
    },
    [api],
  );

  const logOut = useCallback(() => api.identity.logOut(), [api]);

  const endSession = useCallback(
    (why: string) => {
      setNotice(why);
      api.client.signOut();
    },
    [api],
  );

  const value = useMemo(
    () => ({ api, status, user, failure, notice, logIn, logOut, endSession, setUser }),
    [api, status, user, failure, notice, logIn, logOut, endSession],
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
  const { status, user, failure } = useSession();
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
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}
