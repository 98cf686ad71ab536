import type { Db } from '../../../db/database.ts';
import { verifyPassword } from '../../../lib/crypto.ts';
import { WorkspaceErrors as E } from '../workspaces.errors.ts';
import { identityRepository } from './identity.repository.ts';
import type { ClientMeta } from './sessions.ts';

const RATE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_IP = 50;

/**
 * Password guessing is limited per account and per address, over sign-in and every other
 * place a password is checked (changing it, joining a workspace with an existing account).
 */
export function passwordChecks(db: Db) {
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

  /** A password check outside sign-in, under the same limits. */
  async function checkPassword(email: string, password: string, hash: string | null, meta: ClientMeta) {
    const ip = meta.ip ?? 'unknown';
    await checkRateLimit(email, ip);
    const ok = await verifyPassword(password, hash);
    if (!ok) await identityRepository.recordLoginAttempt(db, { email, ip, succeeded: false });
    return ok;
  }

  return { checkRateLimit, checkPassword };
}
