import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EndpointBody } from '@tandem/contracts';
import * as api from '@tandem/contracts/web-endpoints/workspaces';
import { call } from '../../../app/api/client.ts';
import { auditKeys } from '../../audit/index.ts';
import { workspacesKeys } from './workspaces.keys.ts';

/** Creates a workspace (the caller becomes its admin); the caller re-reads the session's memberships. */
export function useCreateWorkspace() {
  return useMutation({ mutationFn: (body: EndpointBody<typeof api.createWorkspace>) => call(api.createWorkspace, { body }) });
}

export function useUpdateWorkspace(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointBody<typeof api.updateWorkspace>) => call(api.updateWorkspace, { params: { workspace: slug }, body }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(workspacesKeys.detail(slug), updated);
      // A save is an audit entry: the home checklist's "settings saved" step reads it.
      await queryClient.invalidateQueries({ queryKey: auditKeys.all(slug) });
    },
  });
}
