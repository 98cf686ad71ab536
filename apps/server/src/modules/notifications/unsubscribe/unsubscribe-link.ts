/**
 * One-click unsubscribe links (RFC 8058): a signed, non-expiring token naming
 * the workspace, the person and the event type, so the link works without
 * signing in and cannot be forged for somebody else.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { EVENTS, EventTypeSchema, type EventType } from '@tandem/contracts';
import type { Deps } from '../../../lib/deps.ts';

export interface UnsubscribeClaims {
  workspaceId: string;
  userId: string;
  eventType: EventType;
}

const Payload = z.object({ w: z.uuid(), u: z.uuid(), t: EventTypeSchema });

// A purpose-bound key: a signature made for unsubscribing is worth nothing anywhere else the instance secret is used.
const sign = (secret: string, payload: string) =>
  createHmac('sha256', createHmac('sha256', secret).update('tandem/unsubscribe/v1').digest()).update(payload).digest();

export function signUnsubscribe(secret: string, claims: UnsubscribeClaims): string {
  const payload = Buffer.from(JSON.stringify({ w: claims.workspaceId, u: claims.userId, t: claims.eventType })).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

/** The claims of a genuine token, or null (forged, damaged, or for a type that cannot be turned off). */
export function verifyUnsubscribe(secret: string, token: string): UnsubscribeClaims | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = sign(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = Payload.safeParse(json);
  if (!parsed.success) return null;
  const { w, u, t } = parsed.data;
  if ((EVENTS[t] as { required?: boolean }).required) return null;
  return { workspaceId: w, userId: u, eventType: t };
}

export function unsubscribeUrl(deps: Pick<Deps, 'config' | 'secret'>, claims: UnsubscribeClaims): string {
  return `${deps.config.publicUrl}/api/v1/unsubscribe?token=${encodeURIComponent(signUnsubscribe(deps.secret, claims))}`;
}
