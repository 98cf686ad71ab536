import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordUsageRequest, VoteRequest } from '@tandem/contracts';
import * as libraryEndpoints from '@tandem/contracts/web-endpoints/library';
import { call } from '../../../app/api/client.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { libraryKeys } from './library.keys.ts';

const assetParams = (slug: string, assetId: string) => ({ workspace: slug, assetId });

/** Weekly views and viewers over `days`, the period's counts and the votes (the caller's own included). */
export function useAssetUsage(slug: string, assetId: string, days = 365) {
  return useQuery({
    queryKey: [...libraryKeys.usage(slug, assetId), days],
    queryFn: () => call(libraryEndpoints.usageGet, { params: assetParams(slug, assetId), query: { days } }),
  });
}

/** Records a use (copied, downloaded, shared, attached…); the usage panel refreshes. */
export function useRecordUsage(slug: string, assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordUsageRequest) => call(libraryEndpoints.usageRecord, { params: assetParams(slug, assetId), body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: libraryKeys.usage(slug, assetId) }),
  });
}

/**
 * Records one `viewed` event when the asset page mounts (once per asset id, StrictMode's second run included).
 * A failure is ignored: counting a view must never get in the reader's way.
 */
export function useRecordAssetView(assetId: string | undefined) {
  const { slug } = useWorkspace();
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (!assetId || recorded.current === assetId) return;
    recorded.current = assetId;
    call(libraryEndpoints.usageRecord, { params: assetParams(slug, assetId), body: { kind: 'viewed' } }).catch(() => undefined);
  }, [slug, assetId]);
}

export function useVote(slug: string, assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VoteRequest) => call(libraryEndpoints.usageVote, { params: assetParams(slug, assetId), body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: libraryKeys.usage(slug, assetId) }),
  });
}

export function useUnvote(slug: string, assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(libraryEndpoints.usageUnvote, { params: assetParams(slug, assetId) }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: libraryKeys.usage(slug, assetId) }),
  });
}

/** The deals the asset is attached to. */
export function useAttachedDeals(slug: string, assetId: string) {
  return useQuery({
    queryKey: [...libraryKeys.usage(slug, assetId), 'deals'],
    queryFn: () => call(libraryEndpoints.usageAttachedDeals, { params: assetParams(slug, assetId) }),
  });
}

export function useAttachDeal(slug: string, assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (dealId: string) => call(libraryEndpoints.usageAttachDeal, { params: assetParams(slug, assetId), body: { dealId } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: libraryKeys.usage(slug, assetId) }),
  });
}

/** Unused in 90 days, most used, most shared, overdue. */
export function useLibraryReport(slug: string) {
  return useQuery({
    queryKey: libraryKeys.report(slug),
    queryFn: () => call(libraryEndpoints.usageReport, { params: { workspace: slug } }),
  });
}
