import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCompetitorRequest, UpdateCompetitorRequest } from '@tandem/contracts';
import * as libraryEndpoints from '@tandem/contracts/web-endpoints/library';
import { call } from '../../../app/api/client.ts';
import { libraryKeys } from './library.keys.ts';

import { isCompetitorId } from './prefetch-competitor.ts';

export { isCompetitorId };

export function useCompetitors(slug: string, q?: string) {
  return useQuery({
    queryKey: [...libraryKeys.competitors(slug), 'list', q ?? ''],
    queryFn: () => call(libraryEndpoints.competitorsList, { params: { workspace: slug }, query: q ? { q } : {} }),
    placeholderData: keepPreviousData,
  });
}

export function useUnlinkedCompetitorNames(slug: string) {
  return useQuery({
    queryKey: libraryKeys.competitorsUnlinked(slug),
    queryFn: () => call(libraryEndpoints.competitorsUnlinked, { params: { workspace: slug } }),
  });
}

export function useCompetitor(slug: string, competitorId: string | undefined) {
  return useQuery({
    queryKey: libraryKeys.competitor(slug, competitorId),
    queryFn: () => call(libraryEndpoints.competitorsGet, { params: { workspace: slug, competitorId: competitorId! } }),
    enabled: isCompetitorId(competitorId),
  });
}

/** Any change to a record relinks deals and feedback: every competitor list, page and the unlinked names are stale. */
function useCompetitorWrite<A, R>(slug: string, write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: libraryKeys.competitors(slug) }),
  });
}

export function useCreateCompetitor(slug: string) {
  return useCompetitorWrite(slug, (body: CreateCompetitorRequest) => call(libraryEndpoints.competitorsCreate, { params: { workspace: slug }, body }));
}

export function useUpdateCompetitor(slug: string) {
  return useCompetitorWrite(slug, ({ id, body }: { id: string; body: UpdateCompetitorRequest }) =>
    call(libraryEndpoints.competitorsUpdate, { params: { workspace: slug, competitorId: id }, body }),
  );
}

export function useDeleteCompetitor(slug: string) {
  return useCompetitorWrite(slug, (id: string) => call(libraryEndpoints.competitorsDelete, { params: { workspace: slug, competitorId: id } }));
}
