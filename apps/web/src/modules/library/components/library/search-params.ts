import { ASSET_STATUSES, ASSET_TYPES, type AssetStatus, type AssetType } from '@tandem/contracts';
import type { AssetSearchParams } from '../../hooks/use-search.ts';

/** The facets a person filters by, each a list in the address bar (`?segments=Enterprise&segments=SMB`). */
export const LIST_PARAMS = ['type', 'status', 'competitors', 'stages', 'products', 'segments', 'personas', 'regions'] as const;
export type ListParam = (typeof LIST_PARAMS)[number];

const oneOf = <T extends string>(allowed: readonly T[]) => (v: string): v is T => (allowed as readonly string[]).includes(v);

/** The address bar's query → what the library searches with (unknown types and statuses dropped). */
export function readSearchParams(sp: URLSearchParams): AssetSearchParams {
  const list = (k: string) => [...new Set(sp.getAll(k).filter(Boolean))];
  const out: AssetSearchParams = {};
  const q = sp.get('q')?.trim();
  if (q) out.q = q;
  const types = list('type').filter(oneOf<AssetType>(ASSET_TYPES));
  if (types.length) out.type = types;
  const statuses = list('status').filter(oneOf<AssetStatus>(ASSET_STATUSES));
  if (statuses.length) out.status = statuses;
  for (const k of ['competitors', 'stages', 'products', 'segments', 'personas', 'regions'] as const) {
    const values = list(k);
    if (values.length) out[k] = values;
  }
  if (sp.get('owner') === 'me') out.owner = 'me';
  if (sp.get('overdue') === 'true') out.overdue = true;
  return out;
}

/** What the library searches with → the address bar's query (only what is set, so a bare page has a bare URL). */
export function writeSearchParams(p: AssetSearchParams): URLSearchParams {
  const sp = new URLSearchParams();
  if (p.q) sp.set('q', p.q);
  for (const k of LIST_PARAMS) for (const v of p[k] ?? []) sp.append(k, v);
  if (p.owner) sp.set('owner', p.owner);
  if (p.overdue) sp.set('overdue', 'true');
  return sp;
}

/** How many filters (not the words) are set: "Filters (3)". */
export function activeFilterCount(p: AssetSearchParams): number {
  return LIST_PARAMS.reduce((n, k) => n + (p[k]?.length ?? 0), 0) + (p.owner ? 1 : 0) + (p.overdue ? 1 : 0);
}

/** Adds or removes one value of a facet. */
export function toggleValue(p: AssetSearchParams, key: ListParam, value: string): AssetSearchParams {
  const current = (p[key] ?? []) as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...p, [key]: next.length ? next : undefined };
}
