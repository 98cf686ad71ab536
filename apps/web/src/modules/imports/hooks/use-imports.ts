import { useEffect, useRef } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportStartRequest } from '@tandem/contracts';
import { wsKey } from '../../../app/workspace-context.tsx';
import { importsApi } from '../api/imports.api.ts';

export const importsKey = (slug: string) => wsKey(slug, 'imports');
export const importKey = (slug: string, id: string) => wsKey(slug, 'imports', id);

export function useImportHistory(slug: string) {
  return useInfiniteQuery({
    queryKey: [...importsKey(slug), 'list'],
    queryFn: ({ pageParam }) => importsApi.list(slug, { cursor: pageParam ?? undefined, limit: 25 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // A running import in the list moves on by itself.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((i) => i.status === 'running')) ? 3000 : false),
  });
}

/**
 * One import, polled every second while it runs. When it finishes, everything the
 * workspace shows about deals is stale: those queries are refetched.
 */
export function useImport(slug: string, id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKey(slug, id),
    queryFn: () => importsApi.get(slug, id),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
  const status = query.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === 'running' && status !== 'running') void invalidateDealData(queryClient, slug);
    previous.current = status;
  }, [status, queryClient, slug]);
  return query;
}

/** Deals, accounts, summaries and the import history all change when an import runs or is undone. */
export function invalidateDealData(queryClient: ReturnType<typeof useQueryClient>, slug: string) {
  return queryClient.invalidateQueries({ queryKey: wsKey(slug) });
}

/** What the import would do with these settings, from the first rows of the file. */
export function useImportPreview(slug: string, id: string, body: ImportStartRequest) {
  return useQuery({
    queryKey: [...importKey(slug, id), 'preview', body],
    queryFn: ({ signal }) => importsApi.preview(slug, id, body, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

export function useStageMapping(slug: string) {
  return useQuery({
    queryKey: wsKey(slug, 'imports-stage-mapping'),
    queryFn: () => importsApi.stageMapping(slug),
    staleTime: 60_000,
  });
}
