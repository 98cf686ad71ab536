import type { ChangeEmailRequest, ChangeEmailResponse, ChangePasswordRequest, ConfirmEmailChangeResponse, UpdateProfileRequest, User } from '@tandem/contracts';
import { hashPassword, hashToken, newSecretToken } from '../../../lib/crypto.ts';
import type { Deps } from '../../../lib/deps.ts';
import { WorkspaceErrors as E } from '../workspaces.errors.ts';
import { identityRepository, type UserRow } from './identity.repository.ts';
import { passwordChecks } from './password-check.ts';
import { actorFor, toUserDto, workspaceIdsOf, type ClientMeta } from './sessions.ts';

const EMAIL_CHANGE_TTL_MS = 24 * 3_600_000;

/** The signed-in person's own account: name, email, time zone and password. */
export function createProfileService(deps: Deps) {
  const { db } = deps.database;
  const { checkPassword } = passwordChecks(db);

  return {
    async updateProfile(userId: string, patch: UpdateProfileRequest): Promise<User> {
      const user = await identityRepository.updateUser(db, userId, patch);
      return toUserDto(user!);
    },

    /**
     * Asks to change the sign-in email: the current password first, then a link to the new
     * address (proof that it is theirs); the old address is told. Nothing changes until the link is used.
     */
    async requestEmailChange(user: UserRow, input: ChangeEmailRequest, meta: ClientMeta): Promise<ChangeEmailResponse> {
      if (!(await checkPassword(user.email, input.currentPassword, user.passwordHash, meta))) throw E.wrongPassword();
      const newEmail = input.email;
      if (newEmail === user.email.toLowerCase()) throw E.invalidField('body.email', 'This is already your sign-in email');
      const other = await identityRepository.userByEmail(db, newEmail);
      if (other) throw E.emailTaken(newEmail);
      // Events belong to a workspace: the person's first one carries the two emails.
      const [home] = await identityRepository.membershipsOf(db, user.id);
      if (!home) throw E.emailChangeNoWorkspace();
      const token = newSecretToken('tde');
      const expiresAt = new Date(Date.now() + EMAIL_CHANGE_TTL_MS);
      await db.transaction(async (tx) => {
        await identityRepository.replaceEmailChange(tx, { userId: user.id, newEmail, tokenHash: hashToken(deps.secret, token), expiresAt });
        const actor = actorFor(user, meta);
        await deps.audit(tx, await workspaceIdsOf(db, user.id), actor, {
          action: 'auth.email_change_requested',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
          details: { newEmail },
        });
        await deps.emit(tx, {
          workspaceId: home.workspaceId,
          type: 'member.email_change_requested',
          payload: { userId: user.id, newEmail, expiresAt: expiresAt.toISOString() },
          private: { url: `${deps.config.publicUrl}/confirm-email/${token}` },
          actorUserId: user.id,
        });
        await deps.emit(tx, {
          workspaceId: home.workspaceId,
          type: 'member.email_change_notice',
          payload: { userId: user.id, oldEmail: user.email, newEmail },
          actorUserId: user.id,
        });
      });
      return { pendingEmail: newEmail, expiresAt: expiresAt.toISOString() };
    },

    /** The link in the email to the new address: the change happens now (once). */
    async confirmEmailChange(token: string, meta: ClientMeta): Promise<ConfirmEmailChangeResponse> {
      return db.transaction(async (tx) => {
        const change = await identityRepository.claimEmailChange(tx, hashToken(deps.secret, token));
        if (!change) throw E.emailChangeNotFound();
        if (change.expiresAt < new Date()) throw E.emailChangeExpired();
        const before = await identityRepository.userById(tx, change.userId);
        if (!before) throw E.emailChangeNotFound();
        const taken = await identityRepository.userByEmail(tx, change.newEmail);
        if (taken && taken.id !== before.id) throw E.emailTaken(change.newEmail);
        const user = await identityRepository.updateUser(tx, before.id, { email: change.newEmail }).catch((e: { code?: string; cause?: { code?: string } }) => {
          if ((e.cause?.code ?? e.code) === '23505') throw E.emailTaken(change.newEmail);
          throw e;
        });
        // Reset links went to the old address: they end with it.
        await identityRepository.endPasswordResetsOf(tx, before.id);
        await deps.audit(tx, await workspaceIdsOf(db, before.id), actorFor(user!, meta), {
          action: 'auth.email_changed',
          targetType: 'user',
          targetId: before.id,
          targetLabel: change.newEmail,
          details: { from: before.email, to: change.newEmail },
        });
        return { email: change.newEmail };
      });
    },

    /** Changes the password and ends the user's other sessions. */
    async changePassword(user: UserRow, sessionId: string, input: ChangePasswordRequest, meta: ClientMeta) {
      if (!(await checkPassword(user.email, input.currentPassword, user.passwordHash, meta))) throw E.wrongPassword();
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await identityRepository.updateUser(tx, user.id, { passwordHash });
        await identityRepository.endPasswordResetsOf(tx, user.id);
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
