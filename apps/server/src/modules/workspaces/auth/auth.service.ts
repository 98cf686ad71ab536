import type { Deps } from '../../../lib/deps.ts';
import type { WorkspacesPorts } from '../members/tenants.service.ts';
import { createInvitationAcceptanceService } from './invitation-acceptance.service.ts';
import { createPasswordResetsService } from './password-resets.service.ts';
import { createProfileService } from './profile.service.ts';
import { createSignInService } from './sign-in.service.ts';

/** Who someone is: sign-in and sessions, their own account, reset links, joining by invitation. */
export function createAuthService(deps: Deps, ports: WorkspacesPorts = {}) {
  return {
    ...createSignInService(deps, ports),
    ...createProfileService(deps),
    ...createPasswordResetsService(deps),
    ...createInvitationAcceptanceService(deps),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
