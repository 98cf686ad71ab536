import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EndpointBody } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/workspaces';
import { call } from '../../../app/api/client.ts';
import { peopleKeys } from '../../people/index.ts';
import { teamsKeys } from './teams.keys.ts';

export function useTeams(slug: string) {
  return useQuery({ queryKey: teamsKeys.all(slug), queryFn: () => call(api.listTeams, { params: { workspace: slug } }) });
}

/** After a team changes, the teams and the member lists (which show each member's teams) are re-read. */
function useTeamMutation<V>(slug: string, mutationFn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: teamsKeys.all(slug) });
      await queryClient.invalidateQueries({ queryKey: peopleKeys.members(slug) });
    },
  });
}

export function useCreateTeam(slug: string) {
  return useTeamMutation(slug, (body: EndpointBody<typeof api.createTeam>) => call(api.createTeam, { params: { workspace: slug }, body }));
}

export function useUpdateTeam(slug: string) {
  return useTeamMutation(slug, ({ teamId, body }: { teamId: string; body: EndpointBody<typeof api.updateTeam> }) =>
    call(api.updateTeam, { params: { workspace: slug, teamId }, body }),
  );
}

export function useDeleteTeam(slug: string) {
  return useTeamMutation(slug, (teamId: string) => call(api.deleteTeam, { params: { workspace: slug, teamId } }));
}
