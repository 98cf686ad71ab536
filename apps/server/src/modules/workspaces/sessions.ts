import { randomBytes } from 'node:crypto';
import type { Membership, SessionResponse } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { hashToken, newSecretToken } from '../../lib/crypto.ts';
import type { Deps } from '../../lib/deps.ts';
import { identityRepository, type UserRow } from './identity.repository.ts';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
  response: SessionResponse;
}

export function toUserDto(u: UserRow) {
  return { id: u.id, email: u.email, name: u.name, timeZone: u.timeZone, createdAt: u.createdAt.toISOString() };
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
  return { token, expiresAt, response: await sessionResponse(db, user, csrfToken) };
}

