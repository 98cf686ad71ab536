import type { CreateTeamRequest, ListEnvelope, Team, UpdateTeamRequest } from '@tandem/contracts';
import { api } from '../../../app/api-client.ts';
import { wsPath } from '../../../app/workspace-context.tsx';

export const teamsApi = {
  list: (slug: string) => api<ListEnvelope<Team>>(`${wsPath(slug)}/teams`, { query: { limit: 200 } }),
  create: (slug: string, body: CreateTeamRequest) => api<Team>(`${wsPath(slug)}/teams`, { method: 'POST', body }),
  update: (slug: string, teamId: string, body: UpdateTeamRequest) =>
    api<Team>(`${wsPath(slug)}/teams/${teamId}`, { method: 'PATCH', body }),
  remove: (slug: string, teamId: string) => api<void>(`${wsPath(slug)}/teams/${teamId}`, { method: 'DELETE' }),
};
