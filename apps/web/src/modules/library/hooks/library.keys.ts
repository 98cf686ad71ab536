import { wsKey } from '../../../app/workspace-context.tsx';

/**
 * Every library query of a workspace starts with `all`, so publishing or archiving can invalidate the lot.
 * Each feature keeps its keys under its own name (assets, search, files, shares, usage, competitors, influence).
 */
export const libraryKeys = {
  all: (slug: string) => wsKey(slug, 'library'),
  assets: (slug: string) => [...libraryKeys.all(slug), 'assets'],
  asset: (slug: string, assetId: string | undefined) => [...libraryKeys.all(slug), 'asset', assetId],
  assetVersions: (slug: string, assetId: string | undefined) => [...libraryKeys.asset(slug, assetId), 'versions'],
  settings: (slug: string) => [...libraryKeys.all(slug), 'settings'],
  search: (slug: string) => [...libraryKeys.all(slug), 'search'],
  files: (slug: string, assetId: string | undefined) => [...libraryKeys.asset(slug, assetId), 'files'],
  shares: (slug: string, assetId: string | undefined) => [...libraryKeys.asset(slug, assetId), 'shares'],
  usage: (slug: string, assetId: string | undefined) => [...libraryKeys.asset(slug, assetId), 'usage'],
  influence: (slug: string, assetId: string | undefined) => [...libraryKeys.asset(slug, assetId), 'influence'],
  forDeal: (slug: string, dealId: string | undefined) => [...libraryKeys.all(slug), 'for-deal', dealId],
  report: (slug: string) => [...libraryKeys.all(slug), 'report'],
  competitors: (slug: string) => [...libraryKeys.all(slug), 'competitors'],
  competitor: (slug: string, competitorId: string | undefined) => [...libraryKeys.competitors(slug), competitorId],
  competitorsUnlinked: (slug: string) => [...libraryKeys.competitors(slug), 'unlinked'],
};
