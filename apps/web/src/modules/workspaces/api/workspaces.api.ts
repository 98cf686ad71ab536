import type { CreateWorkspaceRequest, UpdateWorkspaceRequest, Workspace } from '@tandem/contracts';
import { api } from '../../../app/api-client.ts';
import { wsPath } from '../../../app/workspace-context.tsx';

export const workspacesApi = {
  get: (slug: string) => api<Workspace>(wsPath(slug)),
  update: (slug: string, body: UpdateWorkspaceRequest) => api<Workspace>(wsPath(slug), { method: 'PATCH', body }),
  create: (body: CreateWorkspaceRequest) => api<Workspace>('/workspaces', { method: 'POST', body }),
};
