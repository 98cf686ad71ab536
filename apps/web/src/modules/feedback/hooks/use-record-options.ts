import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Deal } from '@tandem/contracts';
import { dealsApi, dealsKey } from '../../deals/index.ts';

/**
 * Deals to link feedback to, before anything is typed: the caller's own deals and the
 * most recently updated ones (the picker filters them as the rep types, and asks the
 * server for the rest: useDealSearch).
 */
export function useDealOptions(slug: string, userId: string, enabled: boolean) {
  const mine = useQuery({
    queryKey: [...dealsKey(slug), 'picker', 'mine', userId],
    queryFn: () => dealsApi.list(slug, { owner: userId }, { sort: '-updatedAt', limit: 200 }),
    enabled,
    staleTime: 5 * 60_000,
  });
  const recent = useQuery({
    queryKey: [...dealsKey(slug), 'picker', 'recent'],
    queryFn: () => dealsApi.list(slug, {}, { sort: '-updatedAt', limit: 200 }),
    enabled,
    staleTime: 5 * 60_000,
  });
  const own = mine.data?.items ?? [];
  const ownIds = new Set(own.map((d) => d.id));
  const others = (recent.data?.items ?? []).filter((d) => !ownIds.has(d.id));
  return { mine: own, others, isPending: mine.isPending || recent.isPending };
}

/** Deals whose name or account's name matches what was typed, or the chosen account's deals (the API searches). */
export function useDealSearch(slug: string, q: string, accountId: string | null) {
  const text = q.trim();
  return useQuery({
    queryKey: [...dealsKey(slug), 'picker', 'search', text, accountId],
    queryFn: () => dealsApi.list(slug, { q: text || undefined, accountId: accountId ?? undefined }, { sort: '-updatedAt', limit: 30 }),
    enabled: text.length >= 2 || !!accountId,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Accounts whose name or domain matches what was typed (the API searches). */
export function useAccountSearch(slug: string, q: string, enabled: boolean) {
  const text = q.trim();
  return useQuery({
    queryKey: [...dealsKey(slug), 'picker', 'accounts', text],
    queryFn: () => dealsApi.accounts(slug, { q: text || undefined, limit: 20 }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Competitors named on the deals at hand, the linked deal's first: suggestions, not a list to choose from. */
export function competitorSuggestions(deals: Deal[], linked: { competitors: string[] } | null | undefined): string[] {
  const seen = new Map<string, string>();
  for (const name of [...(linked?.competitors ?? []), ...deals.flatMap((d) => d.competitors)]) {
    const key = name.trim().toLowerCase();
    if (key && !seen.has(key)) seen.set(key, name.trim());
  }
  return [...seen.values()];
}
