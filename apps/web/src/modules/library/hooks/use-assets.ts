import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AssetDetail, CreateAssetRequest, UpdateAssetRequest, UpdateLibrarySettingsRequest } from '@tandem/contracts';
import * as libraryEndpoints from '@tandem/contracts/web-endpoints/library';
import { call } from '../../../app/api/client.ts';
import { libraryKeys } from './library.keys.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The API refuses a malformed id with 400; the page treats it as "not found" without asking. */
export const isAssetId = (id: string | undefined): id is string => !!id && UUID.test(id);

const assetParams = (slug: string, assetId: string) => ({ workspace: slug, assetId });

export function useAsset(slug: string, assetId: string | undefined) {
  return useQuery({
    queryKey: libraryKeys.asset(slug, assetId),
    queryFn: () => call(libraryEndpoints.assetsGet, { params: assetParams(slug, assetId!) }),
    enabled: isAssetId(assetId),
  });
}

export function useAssetVersions(slug: string, assetId: string) {
  return useQuery({
    queryKey: libraryKeys.assetVersions(slug, assetId),
    queryFn: () => call(libraryEndpoints.assetsVersions, { params: assetParams(slug, assetId) }),
  });
}

/** The line diff between two versions (asked for once both are chosen and differ). */
export function useAssetDiff(slug: string, assetId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...libraryKeys.assetVersions(slug, assetId), 'diff', from, to],
    queryFn: () => call(libraryEndpoints.assetsDiff, { params: assetParams(slug, assetId), query: { from: from!, to: to! } }),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });
}

/** The sanitized HTML the asset page would show for a draft body (the editor's preview tab). */
export function useMarkdownPreview(slug: string, body: string, enabled: boolean) {
  return useQuery({
    queryKey: [...libraryKeys.all(slug), 'preview', body],
    queryFn: () => call(libraryEndpoints.assetsPreview, { params: { workspace: slug }, body: { body } }),
    enabled,
    staleTime: Infinity,
  });
}

/** After any write: the asset as answered, and every list, search and report of the library is stale. */
async function assetChanged(queryClient: QueryClient, slug: string, asset: AssetDetail) {
  queryClient.setQueryData(libraryKeys.asset(slug, asset.id), asset);
  await queryClient.invalidateQueries({
    queryKey: libraryKeys.all(slug),
    predicate: (q) => !(q.queryKey[3] === 'asset' && q.queryKey[4] === asset.id && q.queryKey.length === 5),
  });
}

export function useCreateAsset(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssetRequest) => call(libraryEndpoints.assetsCreate, { params: { workspace: slug }, body }),
    onSuccess: (r) => assetChanged(queryClient, slug, r.asset),
  });
}

export function useAssetActions(slug: string, assetId: string) {
  const queryClient = useQueryClient();
  const p = assetParams(slug, assetId);
  const onSuccess = (asset: AssetDetail) => assetChanged(queryClient, slug, asset);
  return {
    update: useMutation({ mutationFn: (body: UpdateAssetRequest) => call(libraryEndpoints.assetsUpdate, { params: p, body }), onSuccess }),
    archive: useMutation({ mutationFn: () => call(libraryEndpoints.assetsArchive, { params: p }), onSuccess }),
    verify: useMutation({ mutationFn: () => call(libraryEndpoints.assetsVerify, { params: p }), onSuccess }),
    publish: useMutation({
      mutationFn: (changeNote: string) => call(libraryEndpoints.assetsPublish, { params: p, body: { changeNote: changeNote || undefined } }),
      onSuccess: (r) => assetChanged(queryClient, slug, r.asset),
    }),
  };
}

export function useFollowAsset(slug: string, assetId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => call(follow ? libraryEndpoints.assetsFollow : libraryEndpoints.assetsUnfollow, { params: assetParams(slug, assetId) }),
    onSuccess: (r) =>
      queryClient.setQueryData<AssetDetail>(libraryKeys.asset(slug, assetId), (a) => (a ? { ...a, following: r.following, followers: r.followers } : a)),
  });
}

export function useLibrarySettings(slug: string) {
  return useQuery({
    queryKey: libraryKeys.settings(slug),
    queryFn: () => call(libraryEndpoints.assetsSettings, { params: { workspace: slug } }),
  });
}

export function useUpdateLibrarySettings(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateLibrarySettingsRequest) => call(libraryEndpoints.assetsUpdateSettings, { params: { workspace: slug }, body }),
    onSuccess: (s) => queryClient.setQueryData(libraryKeys.settings(slug), s),
  });
}

/** Competitors to tag with (the first page, by name); an empty list when there are none or they cannot be read. */
export function useCompetitorOptions(slug: string) {
  return useQuery({
    queryKey: [...libraryKeys.competitors(slug), 'options'],
    queryFn: () => call(libraryEndpoints.competitorsList, { params: { workspace: slug } }),
    staleTime: 60_000,
    retry: false,
    select: (d) => d.items.map((c) => ({ value: c.id, label: c.name })),
  });
}
