import type { LoginRequest, SessionResponse, SetupRequest } from '@tandem/contracts';
import { hashPassword, hashToken, verifyPassword } from '../../../lib/crypto.ts';
import type { Deps } from '../../../lib/deps.ts';
import { createWorkspaceTx, type WorkspacesPorts } from '../members/tenants.service.ts';
import { WorkspaceErrors as E } from '../workspaces.errors.ts';
import { identityRepository, type UserRow } from './identity.repository.ts';
import { passwordChecks } from './password-check.ts';
import { actorFor, openSession, sessionResponse, workspaceIdsOf, type ClientMeta, type NewSession } from './sessions.ts';

/** First-run setup, signing in and out, and what a session cookie stands for. */
export function createSignInService(deps: Deps, ports: WorkspacesPorts = {}) {
  const { db } = deps.database;
  const { checkRateLimit } = passwordChecks(db);

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
        await identityRepository.lockUsers(tx);
        if ((await identityRepository.countUsers(tx)) > 0) throw E.setupDone();
        const user = await identityRepository.insertUser(tx, { email: input.email, name: input.name, passwordHash });
        await createWorkspaceTx(deps.audit, tx, actorFor(user, meta), { name: input.workspaceName, slug: input.workspaceSlug }, user.id);
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
          await deps.audit(db, await workspaceIdsOf(db, user.id), actorFor(user, meta), {
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
      // Checked after the password, so the refusal tells nothing to someone who does not know it.
      const ssoOnly = await ports.passwordSignInRefusedBy?.(db, user.id);
      if (ssoOnly) throw E.ssoOnly(ssoOnly);
      return db.transaction(async (tx) => {
        await deps.audit(tx, await workspaceIdsOf(db, user.id), actorFor(user, meta), {
          action: 'auth.login',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.email,
        });
        return openSession(deps, tx, user, meta);
      });
    },

    /** The user behind a session cookie, if the session is live; with a slug, also their membership there. */
    async fromSessionToken(token: string, slug?: string) {
      const tokenHash = hashToken(deps.secret, token);
      const row = slug === undefined ? await identityRepository.sessionByHash(db, tokenHash) : await identityRepository.sessionInWorkspace(db, tokenHash, slug);
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
        await deps.audit(tx, await workspaceIdsOf(db, user.id), actorFor(user, meta), { action: 'auth.logout' });
      });
    },
  };
}

export type SignInService = ReturnType<typeof createSignInService>;
