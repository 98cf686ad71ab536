import type { EventEnvelope, EventType } from '@tandem/contracts';
import type { EventRow } from './outbox.repository.ts';

/** What every consumer of an event sees (a webhook's body; the other channels' templates start from it). */
export function envelopeOf(event: EventRow & { workspaceSlug: string }): EventEnvelope {
  return {
    id: event.id,
    type: event.type as EventType,
    version: event.version,
    workspace: { id: event.workspaceId, slug: event.workspaceSlug },
    occurredAt: event.createdAt.toISOString(),
    data: event.payload,
  };
}
