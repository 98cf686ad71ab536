import type { Deps } from '../../../lib/deps.ts';
import { createInvitationsService } from './invitations.service.ts';
import { createMembersService } from './members.service.ts';
import { createTenantsService, type WorkspacesPorts } from './tenants.service.ts';

/** Workspaces and who is in them: settings, members, invitations. */
export function createWorkspacesService(deps: Deps, ports: WorkspacesPorts = {}) {
  return {
    ...createTenantsService(deps, ports),
    ...createMembersService(deps),
    ...createInvitationsService(deps),
  };
}

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;
