import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionResponse } from '@tandem/contracts';
import { setCsrfToken, setUnauthorizedHandler } from './api/client.ts';
import { sessionKey, useSessionQuery } from './session-query.ts';

interface SessionContextValue {
  session: SessionResponse | null;
  /** Store a session the server just answered (login, setup, accepted invitation, reset). */
  signedIn: (session: SessionResponse) => void;
  /** Re-read memberships after they change (new workspace, role change). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

interface SessionProviderProps {
  children: ReactNode;
  fallback: ReactNode;
  errorFallback: (error: Error, retry: () => void) => ReactNode;
}

export function SessionProvider({ children, fallback, errorFallback }: SessionProviderProps) {
  const queryClient = useQueryClient();
  const query = useSessionQuery();
  const session = query.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session?.csrfToken]);

  useEffect(() => {
    // A signed-in request answered 401: the session expired or was revoked. Dropping the
    // session makes the route guard send the person to /login with the path to return to.
    setUnauthorizedHandler(() => {
      if (queryClient.getQueryData(sessionKey)) {
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
        queryClient.setQueryData(sessionKey, null);
      }
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  const value = useMemo<SessionContextValue>(
    () => ({
      session,
      signedIn: (next) => {
        setCsrfToken(next.csrfToken);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
        queryClient.setQueryData(sessionKey, next);
      },
      refresh: async () => {
        await queryClient.invalidateQueries({ queryKey: sessionKey });
      },
    }),
    [session, queryClient],
  );

  if (query.isPending) return <>{fallback}</>;
  if (query.isError && query.data === undefined) return <>{errorFallback(query.error, () => void query.refetch())}</>;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** For pages inside the signed-in area, where the guard guarantees a session. */
export function useRequiredSession(): SessionResponse {
  const { session } = useSession();
  if (!session) throw new Error('No session');
  return session;
}
