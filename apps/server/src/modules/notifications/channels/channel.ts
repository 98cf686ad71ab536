/**
 * What a delivery channel (email, Slack, webhook) is given and returns. The
 * delivery runner (delivery/delivery.ts) owns retries, backoff, dead letters and the
 * attempt log; a channel only tries once and says how it went.
 */
import type { EventEnvelope, EventType } from '@tandem/contracts';

export interface DeliveryTarget {
  id: string;
  workspaceId: string;
  channel: 'email' | 'digest' | 'slack' | 'webhook';
  /** Email address, Slack channel name, or webhook URL (as of the event). */
  target: string;
  /** The Slack channel or webhook subscription row; the recipient user for email. */
  targetId: string | null;
  /** 1 for the first try. */
  attempt: number;
}

export interface DeliveryEvent {
  envelope: EventEnvelope;
  type: EventType;
  /** Secrets for the person's email only (invitation and reset links). Never put them anywhere else. */
  private: Record<string, string> | null;
  workspaceName: string;
}

export type AttemptResult =
  | { ok: true; statusCode: number | null; durationMs: number }
  | {
      ok: false;
      statusCode: number | null;
      error: string;
      durationMs: number;
      /** No point retrying (e.g. the subscription was deleted, the address is malformed). */
      permanent?: boolean;
    };

export interface ChannelSender {
  send(target: DeliveryTarget, event: DeliveryEvent): Promise<AttemptResult>;
}

/** Digest: one email for many low-priority events of one person. */
export interface DigestSender {
  sendDigest(to: { userId: string; email: string; name: string; workspaceId: string; workspaceName: string }, events: DeliveryEvent[]): Promise<AttemptResult>;
}
