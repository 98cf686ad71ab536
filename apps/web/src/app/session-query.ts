import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionResponse } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/workspaces';
import { call } from './api/client.ts';
import { isApiError } from './api-error.ts';

/** The session's query key; every other query is dropped when the person changes. */
export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    return await call(api.session, {});
  } catch (err) {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  }
}

/** Who is signed in (null: nobody); main.tsx starts it before the first render. */
export const sessionQuery = queryOptions({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: 1 });

/** The session provider is its one reader. */
export function useSessionQuery() {
  return useQuery(sessionQuery);
}
