import { useEffect, useRef } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ImportStartRequest } from '@tandem/contracts';
import * as dealsEndpoints from '@tandem/contracts/web-endpoints/deals';
import * as importsEndpoints from '@tandem/contracts/web-endpoints/imports';
import { call, endpointUrl } from '../../../app/api/client.ts';
import { wsKey } from '../../../app/workspace-context.tsx';
import { importsKeys } from './imports.keys.ts';

const params = (slug: string) => ({ workspace: slug });
const importParams = (slug: string, id: string) => ({ workspace: slug, importId: id });

export function useImportHistory(slug: string) {
  return useInfiniteQuery({
    queryKey: importsKeys.list(slug),
    queryFn: ({ pageParam }) =>
      call(importsEndpoints.list, { params: params(slug), query: { kind: 'deals', cursor: pageParam ?? undefined, limit: 25 } }),
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
    queryKey: importsKeys.detail(slug, id),
    queryFn: () => call(importsEndpoints.get, { params: importParams(slug, id) }),
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
function invalidateDealData(queryClient: QueryClient, slug: string) {
  return queryClient.invalidateQueries({ queryKey: wsKey(slug) });
}

/** What the import would do with these settings, from the first rows of the file. */
export function useImportPreview(slug: string, id: string, body: ImportStartRequest) {
  return useQuery({
    queryKey: importsKeys.preview(slug, id, body),
    queryFn: ({ signal }) => call(importsEndpoints.preview, { params: importParams(slug, id), body }, { signal }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

/** The workspace's stage mapping, to tell which stages of a file are already known. */
export function useStageMapping(slug: string) {
  return useQuery({
    queryKey: importsKeys.stageMapping(slug),
    queryFn: () => call(dealsEndpoints.stageMapping, { params: params(slug) }),
    staleTime: 60_000,
  });
}

/**
 * Undoes an import: its record shows the undo at once, and every deal query of the workspace is
 * refetched. `onUndone` runs here rather than per call, because the undo button leaves the page with it.
 */
export function useUndoImport(slug: string, id: string, onUndone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(importsEndpoints.undo, { params: importParams(slug, id) }),
    onSuccess: (undone) => {
      queryClient.setQueryData(importsKeys.detail(slug, id), undone);
      void invalidateDealData(queryClient, slug);
      onUndone?.();
    },
  });
}

/** A plain link to the rejected rows: the browser downloads it with the session cookie. */
export function rejectedRowsUrl(slug: string, id: string): string {
  return endpointUrl(importsEndpoints.rejectedRows, { params: importParams(slug, id) });
}
