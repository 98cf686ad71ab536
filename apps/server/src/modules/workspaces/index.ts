// Tenants and people: workspaces, members and roles, teams, sign-in and
// sessions, invitations, password resets and personal API tokens.
export { createAuthService, type AuthService } from './auth.service.ts';
export { createWorkspacesService, createWorkspaceTx, type WorkspacesService } from './workspaces.service.ts';
export { createTeamsService, type TeamsService } from './teams.service.ts';
export { createTokensService, type TokensService } from './tokens.service.ts';
export { WorkspaceErrors } from './workspaces.errors.ts';
export type { UserRow } from './identity.repository.ts';
export { identityRepository } from './identity.repository.ts';
export { workspacesRepository } from './workspaces.repository.ts';
export { authRoutes } from './auth.routes.ts';
export { workspacesRoutes } from './workspaces.routes.ts';
export { teamsRoutes } from './teams.routes.ts';
export { tokensRoutes } from './tokens.routes.ts';
export { createAuthPort } from './auth-port.ts';
