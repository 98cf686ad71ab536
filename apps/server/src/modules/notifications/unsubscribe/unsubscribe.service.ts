/**
 * What the unsubscribe link in an email does: a genuine token turns email (and
 * the digest) off for that person and event type; in-app stays as they had it.
 */
import { EVENTS } from '@tandem/contracts';
import type { Deps } from '../../../lib/deps.ts';
import { inboxRepository } from '../inbox/inbox.repository.ts';
import { verifyUnsubscribe } from './unsubscribe-link.ts';

export type UnsubscribeResult = { ok: true; label: string } | { ok: false };

export type UnsubscribeService = ReturnType<typeof createUnsubscribeService>;

export function createUnsubscribeService(deps: Pick<Deps, 'config' | 'database' | 'secret'>) {
  return {
    /** The app's home page, linked from the answer page. */
    homeUrl: () => `${deps.config.publicUrl}/`,

    /** What a link would stop, without changing anything (the confirm page a GET shows). */
    check(token: string | undefined): UnsubscribeResult {
      const claims = token ? verifyUnsubscribe(deps.secret, token) : null;
      return claims ? { ok: true, label: EVENTS[claims.eventType].label } : { ok: false };
    },

    /** `ok: false` for a forged, damaged or missing token (and nothing changes). */
    async unsubscribe(token: string | undefined): Promise<UnsubscribeResult> {
      const claims = token ? verifyUnsubscribe(deps.secret, token) : null;
      if (!claims) return { ok: false };
      await deps.database.withTenant(claims.workspaceId, (tx) =>
        inboxRepository.turnOffEmail(tx, { ...claims, defaults: EVENTS[claims.eventType].defaults }),
      );
      return { ok: true, label: EVENTS[claims.eventType].label };
    },
  };
}
