import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from './auth/auth.routes.ts';
import type { AuthService } from './auth/auth.service.ts';
import { membersRoutes } from './members/members.routes.ts';
import type { WorkspacesService } from './members/workspaces.service.ts';
import { teamsRoutes } from './teams/teams.routes.ts';
import type { TeamsService } from './teams/teams.service.ts';
import { tokensRoutes } from './tokens/tokens.routes.ts';
import type { TokensService } from './tokens/tokens.service.ts';

/** The module's one plugin: each feature registers its own routes with only its own service. */
export const workspacesRoutes: FastifyPluginAsync<{
  auth: AuthService;
  workspaces: WorkspacesService;
  teams: TeamsService;
  tokens: TokensService;
}> = async (app, s) => {
  await app.register(authRoutes, { auth: s.auth });
  await app.register(membersRoutes, { workspaces: s.workspaces });
  await app.register(teamsRoutes, { teams: s.teams });
  await app.register(tokensRoutes, { tokens: s.tokens });
};
