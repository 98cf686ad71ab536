// Tenants and people: workspaces, members and roles, teams, sign-in and sessions,
// invitations, password resets and personal API tokens. The request pipeline learns who is
// calling through this module's AuthPort; other modules read workspaces and members here.
import type { DbOrTx } from '../../db/database.ts';
import type { Deps } from '../../lib/deps.ts';
import { createAuthService, type AuthService } from './auth/auth.service.ts';
import { workspacesRepository } from './members/workspaces.repository.ts';
import type { WorkspacesPorts } from './members/tenants.service.ts';
import { createWorkspacesService, type WorkspacesService } from './members/workspaces.service.ts';
import { createTeamsService, type TeamsService } from './teams/teams.service.ts';
import { createTokensService, type TokensService } from './tokens/tokens.service.ts';

export { createAuthPort } from './auth/auth-port.ts';
export { createExternalSignIn, type ExternalSignIn, type ExternalSignInResult } from './auth/external-sign-in.ts';
export type { ClientMeta } from './auth/sessions.ts';
export { workspacesRoutes } from './workspaces.routes.ts';
export { WorkspaceErrors } from './workspaces.errors.ts';
export { DEMO_LOGINS, DEMO_SLUG, seedWorkspacesDemo, type DemoWorkspace } from './workspaces.demo.ts';
export type { AuthService, TeamsService, TokensService, WorkspacesPorts, WorkspacesService };

export interface WorkspacesServices {
  auth: AuthService;
  workspaces: WorkspacesService;
  teams: TeamsService;
  tokens: TokensService;
}

export function createWorkspacesServices(deps: Deps, ports: WorkspacesPorts): WorkspacesServices {
  return {
    auth: createAuthService(deps, ports),
    workspaces: createWorkspacesService(deps, ports),
    teams: createTeamsService(deps),
    tokens: createTokensService(deps),
  };
}

/** A workspace's row (name, base currency, fiscal year start), inside the caller's transaction. */
export function workspaceById(db: DbOrTx, workspaceId: string) {
  return workspacesRepository.byId(db, workspaceId);
}

/** Members in name order, filtered by role or status, with the teams each is in (`teamRows`). */
export function workspaceMembers(db: DbOrTx, workspaceId: string, filter: Parameters<typeof workspacesRepository.listMembers>[2]) {
  return workspacesRepository.listMembers(db, workspaceId, filter);
}
