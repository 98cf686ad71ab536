import type {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  InvitationPreview,
  LinkResponse,
  LoginRequest,
  SessionResponse,
  SetupRequest,
  UpdateProfileRequest,
  User,
} from '@tandem/contracts';
import { Password } from '@tandem/contracts';
import { recordAudit } from '../audit/index.ts';
import type { Actor, TenantContext } from '../../lib/context.ts';
import { hashPassword, hashToken, newSecretToken, verifyPassword } from '../../lib/crypto.ts';
import type { Deps } from '../../lib/deps.ts';
import { identityRepository, type UserRow } from './identity.repository.ts';
import { openSession, sessionResponse, toUserDto, type ClientMeta, type NewSession } from './sessions.ts';
import { WorkspaceErrors as E } from './workspaces.errors.ts';
import { workspacesRepository } from './workspaces.repository.ts';
import { createWorkspaceTx } from './workspaces.service.ts';
import { emit } from '../notifications/index.ts';

const RATE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_IP = 50;
const RESET_TTL_MS = 24 * 3_600_000;

const actorFor = (user: UserRow, meta: ClientMeta): Actor => ({
  userId: user.id,
  name: user.name,
  via: 'session',
  ip: meta.ip,
  requestId: null,
});

export function createAuthService(deps: Deps) {
  const { db } = deps.database;

  async function workspaceIdsOf(userId: string) {
    return (await identityRepository.membershipsOf(db, userId)).map((m) => m.workspaceId);
  }

  /** Refuses when the account or the address has failed too often lately. */
  async function checkRateLimit(email: string, ip: string) {
    const since = new Date(Date.now() - RATE_WINDOW_MS);
    for (const [by, value, max] of [
      ['email', email, MAX_FAILURES_PER_ACCOUNT],
      ['ip', ip, MAX_FAILURES_PER_IP],
    ] as const) {
      const { n, oldest } = await identityRepository.failuresSince(db, by, value, since);
      if (n >= max) {
        const retry = oldest ? Math.max(1, Math.ceil((oldest.getTime() + RATE_WINDOW_MS - Date.now()) / 1000)) : 60;
        throw E.rateLimited(retry, by === 'email' ? 'account' : 'address');
      }
    }
  }

  /** A password check outside sign-in (password change, joining as an existing user), under the same limits. */
  async function checkPassword(email: string, password: string, hash: string | null, meta: ClientMeta) {
    const ip = meta.ip ?? 'unknown';
    await checkRateLimit(email, ip);
    const ok = await verifyPassword(password, hash);
    if (!ok) await identityRepository.recordLoginAttempt(db, { email, ip, succeeded: false });
    return ok;
  }

  return {
    /** Housekeeping: expired sessions and reset links, and sign-in attempts older than a day. */
    async prune(now = new Date()) {
      return identityRepository.prune(db, new Date(now.getTime() - 86_400_000), now);
    },

    async needsSetup(): Promise<boolean> {
      return (await identityRepository.countUsers(db)) === 0;
    },

    /** First run: the first visitor creates the admin account and the first workspace. */
    async setup(input: SetupRequest, meta: ClientMeta): Promise<NewSession> {
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        // Serialise concurrent first-run attempts; only the first may succeed.
        await tx.execute('lock table users in share row exclusive mode');
        if ((await identityRepository.countUsers(tx)) > 0) throw E.setupDone();
        const user = await identityRepository.insertUser(tx, { email: input.email, name: input.name, passwordHash });
        await createWorkspaceTx(tx, actorFor(user, meta), { name: input.workspaceName, slug: input.workspaceSlug }, user.id);
        return openSession(deps, tx, user, meta);
      });
    },

    async login(input: LoginRequest, meta: ClientMeta): Promise<NewSession> {
      const ip = meta.ip ?? 'unknown';
      await checkRateLimit(input.email, ip);
      const user = await identityRepository.userByEmail(db, input.email);
      const ok = await verifyPassword(input.password, user?.passwordHash);
      await identityRepository.recordLoginAttempt(db, { email: input.email, ip, succeeded: ok });
      if (!user || !ok) {
        if (user) {
          await recordAudit(db, await workspaceIdsOf(user.id), actorFor(user, meta), {
            action: 'auth.login_failed',
            targetType: 'user',
            targetId: user.id,
            targetLabel: user.email,
          });
        } else {
          deps.log.info({ email: input.email, ip }, 'sign-in failed for unknown email');
        }
        throw E.invalidCredentials();
      }
      return db.transaction(async (tx) => {
        await recordAudit(tx, await workspaceIdsOf(user.id), actorFor(user, meta), {
          action: 'auth.login',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
        });
        return openSession(deps, tx, user, meta);
      });
    },

    /** The user behind a session cookie, if the session is live. */
    async fromSessionToken(token: string) {
      const row = await identityRepository.sessionByHash(db, hashToken(deps.secret, token));
      if (!row) return undefined;
      // Record activity at most once a minute.
      if (Date.now() - row.session.lastSeenAt.getTime() > 60_000) await identityRepository.touchSession(db, row.session.id);
      return row;
    },

    sessionResponse(user: UserRow, csrfToken: string): Promise<SessionResponse> {
      return sessionResponse(db, user, csrfToken);
    },

    async logout(token: string, user: UserRow, meta: ClientMeta) {
      await db.transaction(async (tx) => {
        await identityRepository.deleteSession(tx, hashToken(deps.secret, token));
        await recordAudit(tx, await workspaceIdsOf(user.id), actorFor(user, meta), { action: 'auth.logout' });
      });
    },

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
        await recordAudit(tx, await workspaceIdsOf(user.id), actorFor(user, meta), {
          action: 'auth.password_changed',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
        });
      });
    },

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
        await identityRepository.insertPasswordReset(tx, {
          userId,
          tokenHash: hashToken(deps.secret, token),
          workspaceId: ctx.workspaceId,
          createdByUserId: ctx.actor.userId,
          expiresAt,
        });
        await recordAudit(tx, ctx.workspaceId, ctx.actor, {
          action: 'auth.password_reset_issued',
          targetType: 'user',
          targetId: userId,
          targetLabel: user.email,
        });
        const url = `${deps.config.publicUrl}/reset/${token}`;
        await emit(tx, {
          workspaceId: ctx.workspaceId,
          type: 'member.password_reset_requested',
          payload: { userId, email: user.email, expiresAt: expiresAt.toISOString(), requestedBy: { userId: ctx.actor.userId, name: ctx.actor.name } },
          private: { url },
          actorUserId: ctx.actor.userId,
        });
        return { url, expiresAt: expiresAt.toISOString() };
      });
    },

    async previewPasswordReset(token: string) {
      const row = await identityRepository.passwordResetByHash(db, hashToken(deps.secret, token));
      if (!row) throw E.resetNotFound();
      if (row.reset.expiresAt < new Date()) throw E.resetExpired();
      return { email: row.user.email, name: row.user.name };
    },

    async completePasswordReset(token: string, password: string, meta: ClientMeta): Promise<NewSession> {
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => {
        const row = await identityRepository.passwordResetByHash(tx, hashToken(deps.secret, token));
        if (!row) throw E.resetNotFound();
        if (row.reset.expiresAt < new Date()) throw E.resetExpired();
        await identityRepository.markPasswordResetUsed(tx, row.reset.id);
        const user = (await identityRepository.updateUser(tx, row.user.id, { passwordHash }))!;
        await identityRepository.deleteSessionsOfUser(tx, user.id);
        await recordAudit(tx, await workspaceIdsOf(user.id), actorFor(user, meta), {
          action: 'auth.password_reset_completed',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
        });
        return openSession(deps, tx, user, meta);
      });
    },

    async previewInvitation(token: string): Promise<InvitationPreview> {
      const row = await workspacesRepository.invitationByHash(db, hashToken(deps.secret, token));
      if (!row) throw E.invitationNotFound();
      if (row.inv.expiresAt < new Date()) throw E.invitationExpired();
      const existing = await identityRepository.userByEmail(db, row.inv.email);
      return {
        email: row.inv.email,
        role: row.inv.role,
        workspaceName: row.workspace.name,
        workspaceSlug: row.workspace.slug,
        existingUser: Boolean(existing?.passwordHash),
        suggestedName: row.inv.name,
      };
    },

    /**
     * Accepting creates the account (new email) or proves the existing one by
     * its password, then adds the membership and signs in.
     */
    async acceptInvitation(token: string, input: AcceptInvitationRequest, meta: ClientMeta): Promise<NewSession> {
      const row = await workspacesRepository.invitationByHash(db, hashToken(deps.secret, token));
      if (!row) throw E.invitationNotFound();
      if (row.inv.expiresAt < new Date()) throw E.invitationExpired();
      const existing = await identityRepository.userByEmail(db, row.inv.email);
      let passwordHash: string | undefined;
      if (existing?.passwordHash) {
        if (!(await checkPassword(existing.email, input.password, existing.passwordHash, meta))) throw E.invalidCredentials();
      } else {
        const name = input.name ?? row.inv.name;
        if (!name) throw E.invitationNeedsName();
        const weak = Password.safeParse(input.password);
        if (!weak.success) throw E.invalidField('body.password', weak.error.issues[0]?.message ?? 'invalid');
        passwordHash = await hashPassword(input.password);
      }
      return db.transaction(async (tx) => {
        const again = await workspacesRepository.invitationByHash(tx, hashToken(deps.secret, token));
        if (!again) throw E.invitationNotFound();
        let user = existing;
        if (!user) {
          user = await identityRepository.insertUser(tx, {
            email: row.inv.email,
            name: (input.name ?? row.inv.name)!,
            passwordHash: passwordHash!,
          });
        } else if (passwordHash) {
          user = (await identityRepository.updateUser(tx, user.id, { passwordHash, name: input.name ?? user.name }))!;
        }
        await workspacesRepository.insertMembership(tx, { workspaceId: row.workspace.id, userId: user.id, role: row.inv.role });
        await workspacesRepository.updateInvitation(tx, row.workspace.id, row.inv.id, { acceptedAt: new Date() });
        await recordAudit(tx, row.workspace.id, actorFor(user, meta), {
          action: 'member.joined',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
          details: { role: row.inv.role, invitationId: row.inv.id },
        });
        return openSession(deps, tx, user, meta);
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
