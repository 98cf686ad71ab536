import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateShareLinkRequest } from '@tandem/contracts';
import * as libraryEndpoints from '@tandem/contracts/web-endpoints/library';
import { call } from '../../../app/api/client.ts';
import { dealsApi, dealsKey, useDeal } from '../../deals/index.ts';
import { libraryKeys } from './library.keys.ts';

const assetParams = (slug: string, assetId: string) => ({ workspace: slug, assetId });

/** The asset's share links, newest first, with their opens. */
export function useShareLinks(slug: string, assetId: string) {
  return useQuery({
    queryKey: libraryKeys.shares(slug, assetId),
    queryFn: () => call(libraryEndpoints.sharesList, { params: assetParams(slug, assetId) }),
  });
}

/** Makes a link; its address comes back this once. The list and the usage counts change with it. */
export function useCreateShareLink(slug: string, assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateShareLinkRequest) => call(libraryEndpoints.sharesCreate, { params: assetParams(slug, assetId), body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: libraryKeys.shares(slug, assetId) });
      void qc.invalidateQueries({ queryKey: libraryKeys.usage(slug, assetId) });
    },
  });
}

export function useRevokeShareLink(slug: string, assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (shareLinkId: string) => call(libraryEndpoints.sharesRevoke, { params: { ...assetParams(slug, assetId), shareLinkId } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: libraryKeys.shares(slug, assetId) }),
  });
}

/**
 * Deals to share for, for the create form's picker: the most recently updated open deals before anything is typed,
 * the API's name search once two characters are, and `selectedId` (a deal preselected from the address) by id.
 */
export function useShareDealOptions(slug: string, q: string, selectedId: string | null) {
  const text = q.trim();
  const search = useQuery({
    queryKey: [...dealsKey(slug), 'picker', 'share', text],
    queryFn: () => dealsApi.list(slug, text.length >= 2 ? { q: text } : { status: ['open'] }, { sort: '-updatedAt', limit: 30 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const selected = useDeal(slug, selectedId ?? undefined);
  return { deals: search.data?.items ?? [], selected: selected.data ?? null, isFetching: search.isFetching };
}
