import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ROLE_LABELS } from '@tandem/contracts/roles';
import { dealsApi, dealsKey } from '../../deals/index.ts';
import { useAllMembers } from '../../people/index.ts';

/**
 * What the requests' forms pick from, read through the other modules' public surfaces: deals (the deals
 * module's list request, under its query keys), people (the people module's member list) and library assets
 * (`useQuickAssetSearch`, re-exported from the library's index where the delivery form uses it).
 */

/** The caller's own recent deals, offered before anything is typed. */
export function useMyDeals(slug: string, userId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...dealsKey(slug), 'picker', 'mine', userId],
    queryFn: () => dealsApi.list(slug, { owner: userId }, { sort: '-updatedAt', limit: 200 }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Deals whose name or account's name matches what was typed (the API searches). */
export function useDealSearch(slug: string, q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: [...dealsKey(slug), 'picker', 'search', text, null],
    queryFn: () => dealsApi.list(slug, { q: text }, { sort: '-updatedAt', limit: 30 }),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Active members by id, with the role in the words the app uses ("Priya Shah", "Marketing (PMM)"). */
export function useMemberDirectory(slug: string) {
  const members = useAllMembers(slug, { activeOnly: true });
  const byId = new Map((members.data ?? []).map((m) => [m.userId, { name: m.name, role: m.role, roleLabel: ROLE_LABELS[m.role] }]));
  return { byId, members: members.data ?? [], isPending: members.isPending };
}
