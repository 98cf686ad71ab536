import type { ChangePasswordRequest, UpdateProfileRequest, User } from '@tandem/contracts';
import { hashPassword } from '../../../lib/crypto.ts';
import type { Deps } from '../../../lib/deps.ts';
import { WorkspaceErrors as E } from '../workspaces.errors.ts';
import { identityRepository, type UserRow } from './identity.repository.ts';
import { passwordChecks } from './password-check.ts';
import { actorFor, toUserDto, workspaceIdsOf, type ClientMeta } from './sessions.ts';

/** The signed-in person's own account: name, email, time zone and password. */
export function createProfileService(deps: Deps) {
  const { db } = deps.database;
  const { checkPassword } = passwordChecks(db);

  return {
    async updateProfile(userId: string, patch: UpdateProfileRequest): Promise<User> {
      if (patch.email) {
        const other = await identityRepository.userByEmail(db, patch.email);
        if (other && other.id !== userId) throw E.emailTaken(patch.email);
      }
      const user = await identityRepository.updateUser(db, userId, patch).catch((e: { code?: string; cause?: { code?: string } }) => {
        if ((e.cause?.code ?? e.code) === '23505' && patch.email) throw E.emailTaken(patch.email);
        throw e;
      });
      return toUserDto(user!);
    },

    /** Changes the password and ends the user's other sessions. */
    async changePassword(user: UserRow, sessionId: string, input: ChangePasswordRequest, meta: ClientMeta) {
      if (!(await checkPassword(user.email, input.currentPassword, user.passwordHash, meta))) throw E.wrongPassword();
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await identityRepository.updateUser(tx, user.id, { passwordHash });
        await identityRepository.deleteSessionsOfUser(tx, user.id, sessionId);
        await deps.audit(tx, await workspaceIdsOf(db, user.id), actorFor(user, meta), {
          action: 'auth.password_changed',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
        });
      });
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
