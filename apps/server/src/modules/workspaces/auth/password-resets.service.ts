import type { LinkResponse, PasswordResetPreview } from '@tandem/contracts';
import type { TenantContext } from '../../../lib/context.ts';
import { hashPassword, hashToken, newSecretToken } from '../../../lib/crypto.ts';
import type { Deps } from '../../../lib/deps.ts';
import { workspacesRepository } from '../members/workspaces.repository.ts';
import { WorkspaceErrors as E } from '../workspaces.errors.ts';
import { identityRepository } from './identity.repository.ts';
import { actorFor, openSession, workspaceIdsOf, type ClientMeta, type NewSession } from './sessions.ts';

const RESET_TTL_MS = 24 * 3_600_000;

/** One-time password-reset links: an admin issues one, the person opens it and is signed in. */
export function createPasswordResetsService(deps: Deps) {
  const { db } = deps.database;

  return {
    /** An admin issues a one-time password-reset link for a member of their workspace. */
    async issuePasswordReset(ctx: TenantContext, userId: string): Promise<LinkResponse> {
      const token = newSecretToken('tdr');
      const expiresAt = new Date(Date.now() + RESET_TTL_MS);
      return deps.database.withTenant(ctx.workspaceId, async (tx) => {
        const member = await workspacesRepository.membership(tx, ctx.workspaceId, userId);
        if (!member) throw E.memberNotFound(userId);
        // The link resets the whole account: only an admin of every workspace it belongs to may issue it.
        if (!ctx.actor.userId || (await workspacesRepository.workspacesBeyondAdmin(db, userId, ctx.actor.userId)) > 0) {
          throw E.resetBeyondAdmin();
        }
        const user = await identityRepository.userById(tx, userId);
        if (!user) throw E.memberNotFound(userId);
        // A new link replaces any the person still holds: only the latest one works.
        await identityRepository.endPasswordResetsOf(tx, userId);
        await identityRepository.insertPasswordReset(tx, {
          userId,
          tokenHash: hashToken(deps.secret, token),
          workspaceId: ctx.workspaceId,
          createdByUserId: ctx.actor.userId,
          expiresAt,
        });
        await deps.audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'auth.password_reset_issued',
          targetType: 'user',
          targetId: userId,
          targetLabel: user.email,
        });
        const url = `${deps.config.publicUrl}/reset/${token}`;
        await deps.emit(tx, {
          workspaceId: ctx.workspaceId,
          type: 'member.password_reset_requested',
          payload: { userId, email: user.email, expiresAt: expiresAt.toISOString(), requestedBy: { userId: ctx.actor.userId, name: ctx.actor.name } },
          private: { url },
          actorUserId: ctx.actor.userId,
        });
        return { url, expiresAt: expiresAt.toISOString() };
      });
    },

    async previewPasswordReset(token: string): Promise<PasswordResetPreview> {
      const row = await identityRepository.passwordResetByHash(db, hashToken(deps.secret, token));
      if (!row) throw E.resetNotFound();
      if (row.reset.expiresAt < new Date()) throw E.resetExpired();
      return { email: row.user.email, name: row.user.name };
    },

    async completePasswordReset(token: string, password: string, meta: ClientMeta): Promise<NewSession> {
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => {
        const reset = await identityRepository.claimPasswordReset(tx, hashToken(deps.secret, token));
        if (!reset) throw E.resetNotFound();
        if (reset.expiresAt < new Date()) throw E.resetExpired();
        // Using one link ends every other link the person still holds.
        await identityRepository.endPasswordResetsOf(tx, reset.userId);
        const user = (await identityRepository.updateUser(tx, reset.userId, { passwordHash }))!;
        await identityRepository.deleteSessionsOfUser(tx, user.id);
        await deps.audit(tx, await workspaceIdsOf(db, user.id), actorFor(user, meta), {
          action: 'auth.password_reset_completed',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
        });
        return openSession(deps, tx, user, meta);
      });
    },
  };
}

export type PasswordResetsService = ReturnType<typeof createPasswordResetsService>;
