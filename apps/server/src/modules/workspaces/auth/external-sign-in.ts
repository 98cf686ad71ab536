import type { Role } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { Deps } from '../../../lib/deps.ts';
import { workspacesRepository } from '../members/workspaces.repository.ts';
import { identityRepository, type UserRow } from './identity.repository.ts';
import { actorFor, openSession, type ClientMeta, type NewSession } from './sessions.ts';

/**
 * The seam for signing in through someone else's word (an OpenID provider): the single sign-on module
 * decides who the person is; this module keeps writing its own tables (people, memberships, sessions).
 */
export interface ExternalPerson {
  workspaceId: string;
  email: string;
  name: string;
  /** The role a person new to the workspace gets. */
  role: Role;
}

export type ExternalSignInResult =
  | { kind: 'signed-in'; session: NewSession; user: UserRow; created: boolean; role: Role }
  | { kind: 'deactivated' }
  | { kind: 'email-taken' };

export function createExternalSignIn(deps: Deps) {
  return {
    /**
     * Inside the caller's transaction: finds the person (by `userId` when the provider's subject is already
     * linked, else by email), creates them and their membership on first sign-in, makes name and email follow
     * the provider (unless `followProvider` is false: the account is not the provider's alone), and opens a
     * session. A deactivated membership is refused, never reactivated.
     */
    async signIn(
      tx: DbOrTx,
      person: ExternalPerson,
      linkedUserId: string | undefined,
      meta: ClientMeta,
      { followProvider = true }: { followProvider?: boolean } = {},
    ): Promise<ExternalSignInResult> {
      let user = linkedUserId ? await identityRepository.userById(tx, linkedUserId) : await identityRepository.userByEmail(tx, person.email);
      let created = false;
      if (!user) {
        user = await identityRepository.insertUser(tx, { email: person.email, name: person.name, passwordHash: null });
        created = true;
      } else if (followProvider && (user.email.toLowerCase() !== person.email.toLowerCase() || user.name !== person.name)) {
        const holder = await identityRepository.userByEmail(tx, person.email);
        if (holder && holder.id !== user.id) return { kind: 'email-taken' };
        user = (await identityRepository.updateUser(tx, user.id, { email: person.email, name: person.name }))!;
      }
      const membership = await workspacesRepository.membership(tx, person.workspaceId, user.id);
      if (membership && !membership.active) return { kind: 'deactivated' };
      const actor = actorFor(user, meta);
      if (!membership) {
        await workspacesRepository.insertMembership(tx, { workspaceId: person.workspaceId, userId: user.id, role: person.role });
        await deps.audit(tx, person.workspaceId, actor, {
          action: 'member.joined',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
          details: { role: person.role, via: 'sso' },
        });
      }
      await deps.audit(tx, person.workspaceId, actor, { action: 'auth.login', targetType: 'user', targetId: user.id, targetLabel: user.email, details: { via: 'sso' } });
      const session = await openSession(deps, tx, user, meta);
      return { kind: 'signed-in', session, user, created, role: membership?.role ?? person.role };
    },
  };
}

export type ExternalSignIn = ReturnType<typeof createExternalSignIn>;
