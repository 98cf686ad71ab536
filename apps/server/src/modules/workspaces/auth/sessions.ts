import { randomBytes } from 'node:crypto';
import type { Membership, SessionResponse } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import type { Actor } from '../../../lib/context.ts';
import { hashToken, newSecretToken } from '../../../lib/crypto.ts';
import type { Deps } from '../../../lib/deps.ts';
import { identityRepository, type UserRow } from './identity.repository.ts';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
  /** Whether the cookie must be Secure (the public URL is https). */
  secure: boolean;
  response: SessionResponse;
}

export function toUserDto(u: UserRow) {
  return { id: u.id, email: u.email, name: u.name, timeZone: u.timeZone, createdAt: u.createdAt.toISOString() };
}

/** The person acting through a session, as the audit log records them. */
export const actorFor = (user: UserRow, meta: ClientMeta): Actor => ({
  userId: user.id,
  name: user.name,
  via: 'session',
  ip: meta.ip,
  requestId: null,
});

/** Every workspace the person is active in: account-wide events are audited in each. */
export async function workspaceIdsOf(db: DbOrTx, userId: string): Promise<string[]> {
  return (await identityRepository.membershipsOf(db, userId)).map((m) => m.workspaceId);
}

export async function sessionResponse(db: DbOrTx, user: UserRow, csrfToken: string): Promise<SessionResponse> {
  const memberships: Membership[] = await identityRepository.membershipsOf(db, user.id);
  return {
    user: toUserDto(user),
    memberships,
    csrfToken,
    canCreateWorkspace: memberships.some((m) => m.role === 'admin'),
  };
}

/** Opens a database-backed session (shared by every process) and returns its cookie token once. */
export async function openSession(deps: Deps, db: DbOrTx, user: UserRow, meta: ClientMeta): Promise<NewSession> {
  const token = newSecretToken('tds');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + deps.config.TANDEM_SESSION_DAYS * 86_400_000);
  await identityRepository.insertSession(db, {
    tokenHash: hashToken(deps.secret, token),
    userId: user.id,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 400) ?? null,
    expiresAt,
  });
  const secure = deps.config.publicUrl.startsWith('https:');
  return { token, expiresAt, secure, response: await sessionResponse(db, user, csrfToken) };
}
