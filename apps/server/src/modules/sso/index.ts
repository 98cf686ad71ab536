// Single sign-on: each workspace's OpenID Connect provider (Okta, Entra ID, Google Workspace, Keycloak), the
// browser's round trip through it (PKCE, state and nonce checked), and "SSO only" for password sign-in. People,
// memberships and sessions stay the workspaces module's: it signs people in through its external sign-in seam.
import type { DbOrTx } from '../../db/database.ts';
import type { Deps } from '../../lib/deps.ts';
import { createExternalSignIn } from '../workspaces/index.ts';
import { ssoRepository } from './sso.repository.ts';
import { createSsoService, type SsoService } from './sso.service.ts';

export { ssoRoutes } from './sso.routes.ts';
export type { SsoService };

export function createSsoServices(deps: Deps): { sso: SsoService } {
  return { sso: createSsoService(deps, createExternalSignIn(deps)) };
}

/** The workspace whose "SSO only" refuses this person's password: on, SSO only, and not an admin there. */
export function ssoOnlyWorkspaceOf(db: DbOrTx, userId: string): Promise<{ name: string; slug: string } | undefined> {
  return ssoRepository.ssoOnlyWorkspaceOf(db, userId);
}
