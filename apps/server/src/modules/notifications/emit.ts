/**
 * `emit(tx, event)`: the one way a module announces a change. Called inside the
 * module's own transaction, so the change and its event commit together or not
 * at all (a transactional outbox); the dispatcher delivers it afterwards.
 */
import { EVENTS, type EventPayload, type EventType } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { outboxRepository } from './outbox.repository.ts';

export interface EmitInput<T extends EventType> {
  workspaceId: string;
  type: T;
  payload: EventPayload<T>;
  /** Secrets for the person's email only (an invitation or reset link); never sent to Slack or webhooks. */
  private?: Record<string, string>;
  actorUserId?: string | null;
}

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
  });
  return { id: row.id };
}
