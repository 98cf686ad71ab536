/**
 * Every change of a request leaves one plain-words line in its activity log and one `request.changed` event in the
 * outbox (in the same transaction), telling the requesters and the assignee — never the person who made the change.
 * The answer says who was told (`notified`).
 */
import type { RequestActivityKind, RequestPerson } from '@tandem/contracts';
import type { Tx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { itemsRepository as repo, type RequestRow } from './items/items.repository.ts';

export interface ChangeNote {
  kind: RequestActivityKind;
  /** One line in plain words, e.g. "Dana triaged it: 6 h, assigned to Priya". */
  text: string;
  data?: Record<string, unknown>;
  /** A reason or a comment the people told should read. */
  note?: string | null;
  /** People told besides the requesters and the assignee (earlier commenters, a merged request's requesters). */
  alsoTell?: readonly string[];
}

/** The actor's name as lines say it ("Someone" for an API client with no person behind it). */
export const actorName = (ctx: TenantContext) => ctx.actor.name ?? 'Someone';

/** Records the change (activity line, outbox event) and answers the people told, by name. */
export async function recordChange(deps: Pick<Deps, 'emit'>, tx: Tx, ctx: TenantContext, request: RequestRow, change: ChangeNote): Promise<RequestPerson[]> {
  await repo.insertActivity(tx, {
    workspaceId: ctx.workspaceId,
    requestId: request.id,
    kind: change.kind,
    actorUserId: ctx.actor.userId,
    text: change.text,
    data: change.data ?? {},
  });
  const requesters = await repo.requesterIds(tx, ctx.workspaceId, request.id);
  const candidates = [...new Set([...requesters, ...(request.assigneeUserId ? [request.assigneeUserId] : []), ...(change.alsoTell ?? [])])].filter(
    (id) => id !== ctx.actor.userId,
  );
  const members = await repo.members(tx, ctx.workspaceId, candidates);
  const told = candidates.filter((id) => members.get(id)?.active);
  await deps.emit(tx, {
    workspaceId: ctx.workspaceId,
    type: 'request.changed',
    payload: {
      requestId: request.id,
      number: request.number,
      title: request.title,
      kind: change.kind,
      status: request.status,
      text: change.text,
      note: change.note ?? null,
      by: { userId: ctx.actor.userId, name: ctx.actor.name },
      recipientUserIds: told,
    },
    actorUserId: ctx.actor.userId,
  });
  return told.map((userId) => ({ userId, name: members.get(userId)!.name }));
}
