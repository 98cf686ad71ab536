import type { Role } from '@tandem/contracts';
import { wsKey } from '../../../app/workspace-context.tsx';

/** What the member list is filtered by (the API's names). */
export interface MemberFilters {
  q?: string;
  role?: Role;
  active?: 'true' | 'false';
  limit?: number;
}

/** Every member query of a workspace starts with `members(slug)`, so one invalidation reaches them all. */
export const peopleKeys = {
  members: (slug: string) => wsKey(slug, 'members'),
  memberPages: (slug: string, filters: MemberFilters) => [...peopleKeys.members(slug), 'pages', filters],
  allMembers: (slug: string, activeOnly: boolean) => [...peopleKeys.members(slug), 'all', activeOnly],
  memberCount: (slug: string) => [...peopleKeys.members(slug), 'count'],
  activeCount: (slug: string, role: Role) => [...peopleKeys.members(slug), 'count', role],
  invitations: (slug: string) => wsKey(slug, 'invitations'),
};
