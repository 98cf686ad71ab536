import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateDecisionRequest, DecideRequest, DecisionChangeResponse, DecisionInputRequest, DecisionKind, DecisionLinksInput, DecisionPhase, ReopenDecisionRequest } from '@tandem/contracts';
import * as decisionsEndpoints from '@tandem/contracts/web-endpoints/decisions';
import { call } from '../../../app/api/client.ts';
import { decisionsKeys } from './decisions.keys.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API refuses a malformed id with 400; the page treats it as "not found" without asking. */
export const isDecisionId = (id: string | undefined): id is string => !!id && UUID.test(id);

/** The log's filters, in the API's names (the address bar holds the same). */
export interface DecisionLogParams {
  q?: string;
  kind?: DecisionKind[];
  status?: DecisionPhase[];
  owner?: string;
  /** Only the decisions that concern this feedback theme. */
  theme?: string;
}

export function useDecisionLog(slug: string, params: DecisionLogParams, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...decisionsKeys.log(slug), params, limit],
    queryFn: ({ pageParam, signal }) =>
      call(decisionsEndpoints.list, { params: { workspace: slug }, query: { ...params, limit, cursor: pageParam ?? undefined } }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useDecision(slug: string, decisionId: string | undefined) {
  return useQuery({
    queryKey: decisionsKeys.decision(slug, decisionId),
    queryFn: () => call(decisionsEndpoints.get, { params: { workspace: slug, decisionId: decisionId! } }),
    enabled: isDecisionId(decisionId),
  });
}

export function useStakeholderOptions(slug: string) {
  return useQuery({
    queryKey: decisionsKeys.stakeholderOptions(slug),
    queryFn: () => call(decisionsEndpoints.stakeholderOptions, { params: { workspace: slug } }),
  });
}

export function useLinkOptions(slug: string) {
  return useQuery({
    queryKey: decisionsKeys.linkOptions(slug),
    queryFn: () => call(decisionsEndpoints.linkOptions, { params: { workspace: slug } }),
  });
}

export function useCreateDecision(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDecisionRequest) => call(decisionsEndpoints.create, { params: { workspace: slug }, body }),
    onSuccess: (r) => changed(queryClient, slug, r),
  });
}

/** Input, the outcome, reopening and links of one decision; each answers the decision and who was told. */
export function useDecisionActions(slug: string, decisionId: string) {
  const queryClient = useQueryClient();
  const params = { workspace: slug, decisionId };
  const onSuccess = (r: DecisionChangeResponse) => changed(queryClient, slug, r);
  return {
    giveInput: useMutation({ mutationFn: (body: DecisionInputRequest) => call(decisionsEndpoints.giveInput, { params, body }), onSuccess }),
    decide: useMutation({ mutationFn: (body: DecideRequest) => call(decisionsEndpoints.decide, { params, body }), onSuccess }),
    reopen: useMutation({ mutationFn: (body: ReopenDecisionRequest) => call(decisionsEndpoints.reopen, { params, body }), onSuccess }),
    setLinks: useMutation({ mutationFn: (body: DecisionLinksInput) => call(decisionsEndpoints.setLinks, { params, body }), onSuccess }),
  };
}

function changed(queryClient: ReturnType<typeof useQueryClient>, slug: string, r: DecisionChangeResponse) {
  queryClient.setQueryData(decisionsKeys.decision(slug, r.decision.id), r.decision);
  void queryClient.invalidateQueries({ queryKey: decisionsKeys.log(slug) });
}
