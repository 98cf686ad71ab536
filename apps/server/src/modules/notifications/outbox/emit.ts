/**
 * `emit(tx, event)`: the one way a module announces a change. Called inside the
 * module's own transaction, so the change and its event commit together or not
 * at all (a transactional outbox); the dispatcher delivers it afterwards.
 * Other modules get it as `deps.emit` (lib/deps.ts), passed in at boot.
 */
import { EVENTS, type EventType } from '@tandem/contracts';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import type { EmitInput } from '../../../lib/deps.ts';
import { outboxRepository } from './outbox.repository.ts';

export async function emit<T extends EventType>(tx: DbOrTx, input: EmitInput<T>): Promise<{ id: string }> {
  const definition = EVENTS[input.type];
  // A payload that does not match its schema is a programming error: fail the change, not the receivers.
  const payload = definition.payload.parse(input.payload) as Record<string, unknown>;
  const row = await outboxRepository.insertEvent(tx, {
    workspaceId: input.workspaceId,
    type: input.type,
    version: definition.version,
    payload,
    private: input.private ?? null,
    actorUserId: input.actorUserId ?? null,
    // The database clock, like every other time the dispatcher compares against.
    ...(input.holdSeconds ? { availableAt: sql`now() + make_interval(secs => ${input.holdSeconds})` } : {}),
  });
  return { id: row.id };
}

/** `withdraw(tx, workspaceId, eventId)`: takes back an event still held for its undo window, in the undoing transaction. */
export function withdraw(tx: DbOrTx, workspaceId: string, eventId: string): Promise<boolean> {
  return outboxRepository.withdrawEvent(tx, workspaceId, eventId);
}
