/**
 * Tries one delivery once and decides what comes next: delivered; a retry at
 * the next step of the backoff (queued in the same transaction that records
 * the attempt); or dead once the retry budget is spent. The delivery row is
 * locked for the try, so no delivery is ever sent by two workers at once.
 */
import type { EventType } from '@tandem/contracts';
import type { Deps } from '../../../lib/deps.ts';
import type { AttemptResult, ChannelSender, DeliveryEvent, DeliveryTarget, DigestSender } from '../channels/channel.ts';
import { envelopeOf } from '../outbox/envelope.ts';
import { outboxRepository as repo, type DeliveryRow, type EventRow } from '../outbox/outbox.repository.ts';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff.ts';
import { QUEUES, type JobQueue } from './jobs.ts';

export interface Senders {
  email: ChannelSender & DigestSender;
  slack: ChannelSender;
  webhook: ChannelSender;
}

export interface SettledHook {
  (target: DeliveryTarget, outcome: 'delivered' | 'dead', lastError: string | null): Promise<void>;
}

export interface RunnerOptions {
  senders: Senders;
  jobs?: Pick<JobQueue, 'send'>;
  onSettled?: SettledHook;
  now?: () => Date;
  random?: () => number;
  /** Override of the backoff (tests run retries in milliseconds). */
  retryDelay?: (attempt: number) => number;
}

export function deliveryEvent(event: EventRow & { workspaceSlug: string; workspaceName: string }): DeliveryEvent {
  return { envelope: envelopeOf(event), type: event.type as EventType, private: event.private ?? null, workspaceName: event.workspaceName };
}

const targetOf = (d: DeliveryRow): DeliveryTarget => ({
  id: d.id,
  workspaceId: d.workspaceId,
  channel: d.channel,
  target: d.target,
  targetId: d.targetId,
  attempt: d.attempts + 1,
});

export type AttemptOutcome = 'delivered' | 'retry' | 'dead' | 'skipped';

export function createDeliveryRunner(deps: Deps, options: RunnerOptions) {
  const now = options.now ?? (() => new Date());
  const delayFor = options.retryDelay ?? ((a: number) => retryDelayMs(a, options.random));

  async function send(d: DeliveryRow, event: DeliveryEvent): Promise<AttemptResult> {
    const target = targetOf(d);
    const started = Date.now();
    if (d.channel === 'digest') {
      return { ok: false, statusCode: null, error: 'digest lines are sent by the daily digest', durationMs: 0, permanent: true };
    }
    try {
      return await options.senders[d.channel].send(target, event);
    } catch (e) {
      // A channel that throws is a failed attempt like any other, with its message kept.
      return { ok: false, statusCode: null, error: (e as Error).message, durationMs: Date.now() - started };
    }
  }

  return {
    /** One try of a delivery (the `deliver` job). Safe to call twice: a delivery that is not pending, or is being tried elsewhere, is skipped. */
    async attempt(workspaceId: string, deliveryId: string): Promise<AttemptOutcome> {
      let settled: { target: DeliveryTarget; outcome: 'delivered' | 'dead'; error: string | null } | undefined;
      const outcome = await deps.database.withSystem(async (tx, client) => {
        const d = await repo.lockDelivery(tx, workspaceId, deliveryId);
        if (!d || d.status !== 'pending') return 'skipped' as const;
        const event = await repo.getEvent(tx, workspaceId, d.eventId);
        if (!event) return 'skipped' as const;
        const at = now();
        const result = await send(d, deliveryEvent(event));
        const attempt = d.attempts + 1;
        await repo.insertAttempt(tx, {
          workspaceId,
          deliveryId,
          attempt,
          at,
          durationMs: Math.round(result.durationMs),
          statusCode: result.statusCode,
          error: result.ok ? null : result.error.slice(0, 2000),
        });
        if (result.ok) {
          await repo.updateDelivery(tx, workspaceId, deliveryId, {
            status: 'delivered',
            attempts: attempt,
            deliveredAt: at,
            nextAttemptAt: null,
            lastStatusCode: result.statusCode,
            lastError: null,
          });
          settled = { target: targetOf(d), outcome: 'delivered', error: null };
          return 'delivered' as const;
        }
        const error = result.error.slice(0, 2000);
        if (result.permanent || attempt >= MAX_ATTEMPTS) {
          await repo.updateDelivery(tx, workspaceId, deliveryId, { status: 'dead', attempts: attempt, nextAttemptAt: null, lastError: error, lastStatusCode: result.statusCode });
          settled = { target: targetOf(d), outcome: 'dead', error };
          return 'dead' as const;
        }
        const next = new Date(at.getTime() + delayFor(attempt));
        await repo.updateDelivery(tx, workspaceId, deliveryId, { attempts: attempt, nextAttemptAt: next, lastError: error, lastStatusCode: result.statusCode });
        await options.jobs?.send(QUEUES.deliver, { workspaceId, deliveryId }, { startAfter: next, singletonKey: `${deliveryId}:${attempt + 1}` }, client);
        return 'retry' as const;
      });
      if (settled) await options.onSettled?.(settled.target, settled.outcome, settled.error);
      return outcome;
    },

    /** Sends each person whose local time is 08:00 one email with their pending digest lines. */
    async sendDueDigests(hour = 8): Promise<number> {
      const due = await repo.dueDigests(deps.database.db, hour);
      const byPerson = new Map<string, typeof due>();
      for (const row of due) {
        const key = `${row.delivery.workspaceId}:${row.userId}`;
        byPerson.set(key, [...(byPerson.get(key) ?? []), row]);
      }
      let sent = 0;
      for (const rows of byPerson.values()) {
        const first = rows[0]!;
        const events = rows.map((r) => deliveryEvent({ ...r.event, workspaceSlug: r.workspaceSlug, workspaceName: r.workspaceName }));
        const result = await options.senders.email.sendDigest(
          { userId: first.userId, email: first.email, name: first.name, workspaceId: first.delivery.workspaceId, workspaceName: first.workspaceName },
          events,
        );
        const at = now();
        await deps.database.withSystem(async (tx) => {
          for (const r of rows) {
            await repo.insertAttempt(tx, {
              workspaceId: r.delivery.workspaceId,
              deliveryId: r.delivery.id,
              attempt: r.delivery.attempts + 1,
              at,
              durationMs: Math.round(result.durationMs),
              statusCode: result.statusCode,
              error: result.ok ? null : result.error,
            });
            await repo.updateDelivery(tx, r.delivery.workspaceId, r.delivery.id, result.ok
              ? { status: 'delivered', attempts: r.delivery.attempts + 1, deliveredAt: at }
              : { attempts: r.delivery.attempts + 1, lastError: result.error });
          }
        });
        if (result.ok) sent++;
      }
      return sent;
    },
  };
}

export type DeliveryRunner = ReturnType<typeof createDeliveryRunner>;
