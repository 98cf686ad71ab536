import type { QueryClient } from '@tanstack/react-query';
import * as libraryEndpoints from '@tandem/contracts/web-endpoints/library';
import { call } from '../../../app/api/client.ts';
import { libraryKeys } from './library.keys.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API refuses a malformed id with 400; the page treats it as "not found" without asking. */
export const isCompetitorId = (id: string | undefined): id is string => !!id && UUID.test(id);

/**
 * Starts loading a competitor page's data as soon as the route matches (its loader), before the shell's and the
 * page's chunks: the page a rep opens from a link before a competitive call. Kept tiny and imported by the router
 * itself: behind a dynamic import, the request queued after the shell's ~50 chunks on the browser's six
 * connections and started 0.4 s later. `useCompetitor` reads the same cache entry.
 */
export function prefetchCompetitor(queryClient: QueryClient, slug: string | undefined, competitorId: string | undefined) {
  if (!slug || !isCompetitorId(competitorId)) return;
  void queryClient.prefetchQuery({
    queryKey: libraryKeys.competitor(slug, competitorId),
    queryFn: () => call(libraryEndpoints.competitorsGet, { params: { workspace: slug, competitorId } }),
  });
}
