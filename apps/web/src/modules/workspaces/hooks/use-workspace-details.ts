import { useQuery } from '@tanstack/react-query';
import { wsKey } from '../../../app/workspace-context.tsx';
import { workspacesApi } from '../api/workspaces.api.ts';

export function useWorkspaceDetails(slug: string) {
  return useQuery({ queryKey: wsKey(slug, 'workspace'), queryFn: () => workspacesApi.get(slug) });
}
