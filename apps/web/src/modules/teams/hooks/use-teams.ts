import { useQuery } from '@tanstack/react-query';
import { wsKey } from '../../../app/workspace-context.tsx';
import { teamsApi } from '../api/teams.api.ts';

export const teamsKey = (slug: string) => wsKey(slug, 'teams');

export function useTeams(slug: string) {
  return useQuery({ queryKey: teamsKey(slug), queryFn: () => teamsApi.list(slug) });
}
