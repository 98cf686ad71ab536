import type { FastifyRequest } from 'fastify';
import { signedInUser, type AuthPort } from '../../../http/request-context.ts';
import type { WorkspacesService } from '../members/workspaces.service.ts';
import type { TokensService } from '../tokens/tokens.service.ts';
import type { AuthService } from './auth.service.ts';
import type { UserRow } from './identity.repository.ts';

/** What the request pipeline asks of this module (who is calling, and their role where): the auth plugin's port. */
export function createAuthPort(s: { auth: AuthService; tokens: TokensService; workspaces: WorkspacesService }): AuthPort {
  return {
    async resolveToken(token) {
      const found = await s.tokens.resolve(token);
      return found && { user: found.user, workspace: found.workspace, role: found.membership.role };
    },
    async resolveSession(token) {
      const found = await s.auth.fromSessionToken(token);
      return found && { user: found.user, session: found.session };
    },
    async activeMembership(slug, userId) {
      const found = await s.workspaces.memberOf(slug, userId);
      return found?.membership.active ? { workspaceId: found.workspace.id, role: found.membership.role } : undefined;
    },
  };
}

/** The signed-in person's full row: this module's port (above) is what put it on the request. */
export function currentUser(req: FastifyRequest): UserRow {
  return signedInUser(req) as UserRow;
}
