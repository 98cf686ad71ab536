import type { FastifyRequest } from 'fastify';
import type { Role } from '@tandem/contracts';
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
    async resolveSession(token, slug) {
      const found = await s.auth.fromSessionToken(token, slug);
      if (!found) return undefined;
      // Present when a slug was given: the membership there, null when the person has none.
      const m = (found as { membership?: { workspaceId: string; role: Role; active: boolean } | null }).membership;
      return { user: found.user, session: found.session, membership: m?.active ? { workspaceId: m.workspaceId, role: m.role } : undefined };
    },
  };
}

/** The signed-in person's full row: this module's port (above) is what put it on the request. */
export function currentUser(req: FastifyRequest): UserRow {
  return signedInUser(req) as UserRow;
}
