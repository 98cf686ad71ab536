import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateRequestRequest, REQUEST_SORTS, RequestDetail, RequestStatus, RequestType } from '@tandem/contracts';
import * as requestsEndpoints from '@tandem/contracts/web-endpoints/requests';
import { call } from '../../../app/api/client.ts';
import { requestsKeys } from './requests.keys.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API refuses a malformed id with 400; the page treats it as "not found" without asking. */
export const isRequestId = (id: string | undefined): id is string => !!id && UUID.test(id);

/** What the queue page asks for, in the API's names (the address bar holds the same). */
export interface RequestQueueParams {
  status?: RequestStatus[];
  type?: RequestType[];
  requester?: 'me';
  assignee?: 'me' | 'none';
  q?: string;
  sort?: RequestSort;
}

export type RequestSort = (typeof REQUEST_SORTS)[number];

export const QUEUE_PAGE_SIZE = 50;

/** The queue (open requests in queue order by default), page by page; the last answer stays while filters change. */
export function useRequestQueue(slug: string, params: RequestQueueParams, limit = QUEUE_PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...requestsKeys.queue(slug), params, limit],
    queryFn: ({ pageParam, signal }) =>
      call(requestsEndpoints.list, { params: { workspace: slug }, query: { ...params, limit, cursor: pageParam ?? undefined } }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The caller's own open requests, in queue order: "where my request stands". */
export function useMyOpenRequests(slug: string) {
  return useQuery({
    queryKey: [...requestsKeys.queue(slug), 'mine-open'],
    queryFn: () => call(requestsEndpoints.list, { params: { workspace: slug }, query: { requester: 'me', limit: 20 } }),
  });
}

export function useRequest(slug: string, requestId: string | undefined) {
  return useQuery({
    queryKey: requestsKeys.request(slug, requestId),
    queryFn: () => call(requestsEndpoints.get, { params: { workspace: slug, requestId: requestId! } }),
    enabled: isRequestId(requestId),
  });
}

/** Open requests like the words typed so far (asked once there are 3 characters or more). */
export function useSimilarRequests(slug: string, text: string, type: RequestType | null, enabled = true) {
  const words = text.trim();
  return useQuery({
    queryKey: [...requestsKeys.similar(slug), words, type],
    queryFn: ({ signal }) =>
      call(requestsEndpoints.similar, { params: { workspace: slug }, query: { text: words, type: type ?? undefined, limit: 3 } }, { signal }),
    enabled: enabled && words.length >= 3,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** After any change: the request as answered, and every list (queue, capacity, metrics) of the module is stale. */
export async function requestChanged(queryClient: QueryClient, slug: string, request: RequestDetail) {
  queryClient.setQueryData(requestsKeys.request(slug, request.id), request);
  await queryClient.invalidateQueries({
    queryKey: requestsKeys.all(slug),
    predicate: (q) => !(q.queryKey[3] === 'request' && q.queryKey[4] === request.id && q.queryKey.length === 5),
  });
}

export function useCreateRequest(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRequestRequest) => call(requestsEndpoints.create, { params: { workspace: slug }, body }),
    onSuccess: (r) => requestChanged(queryClient, slug, r.request),
  });
}

/** "+1 this instead": join a request (from the form, before it is on screen) with one's deals. */
export function usePlusOne(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, dealIds }: { requestId: string; dealIds: string[] }) =>
      call(requestsEndpoints.plusOne, { params: { workspace: slug, requestId }, body: { dealIds } }),
    onSuccess: (r) => requestChanged(queryClient, slug, r.request),
  });
}
