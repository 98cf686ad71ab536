import { useQuery } from '@tanstack/react-query';
import * as api from '@tandem/contracts/web-endpoints/workspaces';
import { call } from '../../../app/api/client.ts';
import { workspacesKeys } from './workspaces.keys.ts';

export function useWorkspaceDetails(slug: string) {
  return useQuery({ queryKey: workspacesKeys.detail(slug), queryFn: () => call(api.getWorkspace, { params: { workspace: slug } }) });
}
