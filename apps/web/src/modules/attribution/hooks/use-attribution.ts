import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AttributionModel, AttributionReportQuery, DisputeStatus } from '@tandem/contracts';
import * as attributionEndpoints from '@tandem/contracts/web-endpoints/attribution';
import { call } from '../../../app/api/client.ts';
import { attributionKeys } from './attribution.keys.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isDealId = (id: string | undefined): id is string => !!id && UUID.test(id);

export function useAttributionReport(slug: string, query: AttributionReportQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: attributionKeys.report(slug, query),
    queryFn: () => call(attributionEndpoints.report, { params: { workspace: slug }, query }),
    placeholderData: keepPreviousData,
  });
}

export function useModelOfRecord(slug: string) {
  return useQuery({ queryKey: attributionKeys.modelOfRecord(slug), queryFn: () => call(attributionEndpoints.modelOfRecord, { params: { workspace: slug } }) });
}

export function useDealCredit(slug: string, dealId: string | undefined) {
  return useQuery({
    queryKey: attributionKeys.deal(slug, dealId),
    queryFn: () => call(attributionEndpoints.dealCredit, { params: { workspace: slug, dealId: dealId! } }),
    enabled: isDealId(dealId),
  });
}

export function useDisputes(slug: string, status: DisputeStatus | undefined) {
  return useQuery({
    queryKey: attributionKeys.disputes(slug, status),
    queryFn: () => call(attributionEndpoints.listDisputes, { params: { workspace: slug }, query: status ? { status } : {} }),
  });
}

const refresh = (qc: QueryClient, slug: string) => qc.invalidateQueries({ queryKey: attributionKeys.all(slug) });

export function useSetModelOfRecord(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { model: AttributionModel; rationale: string; effectiveFrom: string }) => call(attributionEndpoints.setModelOfRecord, { params: { workspace: slug }, body }),
    onSuccess: () => refresh(qc, slug),
  });
}

export function useCreateDispute(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { dealId: string; target: 'touchpoint' | 'split'; touchpointId?: string | null; reason: string }) => call(attributionEndpoints.createDispute, { params: { workspace: slug }, body }),
    onSuccess: () => refresh(qc, slug),
  });
}

export function useResolveDispute(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ disputeId, ...body }: { disputeId: string; decision: 'accept' | 'reject'; reason: string; excludeTouchpointIds?: string[]; teamSplitPercent?: { marketing: number; sales: number; partner: number } | null }) =>
      call(attributionEndpoints.resolveDispute, { params: { workspace: slug, disputeId }, body }),
    onSuccess: () => refresh(qc, slug),
  });
}

export function useRecompute(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mode: 'full' | 'changed') => call(attributionEndpoints.recompute, { params: { workspace: slug }, body: { mode } }),
    onSuccess: () => refresh(qc, slug),
  });
}
