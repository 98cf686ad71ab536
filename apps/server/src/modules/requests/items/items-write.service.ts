/**
 * Changing requests: filing, editing, the lifecycle (triage, start, deliver, accept, reopen, decline), +1, merging,
 * placing against the score, the strategic boost and comments. Each use case is one tenant transaction that locks
 * the request, checks who may do it in which status, writes, leaves an activity line and an outbox event (the
 * requesters and the assignee are told; `notified` says who), and is audited where it overrides the queue or closes
 * a request for others (decline, merge, override, boost).
 */
import {
  PERMISSIONS,
  can,
  type BoostRequest,
  type CreateCommentRequest,
  type CreateCommentResponse,
  type CreateRequestRequest,
  type DeliverRequestRequest,
  type MergeRequestRequest,
  type OverrideRequest,
  type PlusOneRequest,
  type RequestChangeResponse,
  type RequestPerson,
  type TriageRequestRequest,
  type UpdateRequestRequest,
} from '@tandem/contracts';
import type { z } from 'zod';
import type { Tx } from '../../../db/database.ts';
import type { TenantContext } from '../../../lib/context.ts';
import type { Deps } from '../../../lib/deps.ts';
import { localDate } from '../engine/index.ts';
import { RequestsErrors as E } from '../requests.errors.ts';
import { actorName, recordChange, type ChangeNote } from '../requests.events.ts';
import { readRequestSettings } from '../settings/request-settings.ts';
import { itemsRepository as repo, type RequestRow, type RequestUpdate } from './items.repository.ts';
import { isOpen, requestDetail, requestOr404 } from './request-detail.ts';

type Create = z.output<typeof CreateRequestRequest>;
type Deliver = z.output<typeof DeliverRequestRequest>;

const TRIAGE_ROLES: readonly string[] = PERMISSIONS['requests.triage'];
const hours = (n: number) => `${Number.isInteger(n) ? n : Number(n.toFixed(2))} h`;
const OPEN_WORDS = 'new, triaged or in progress';

export function createItemsWriteService(deps: Deps) {
  const { database, audit } = deps;

  /** 400 naming `path` when the date is before today in the workspace calendar's time zone. */
  async function checkNeededBy(tx: Tx, ctx: TenantContext, neededBy: string | null | undefined, path = 'body.neededBy') {
    if (!neededBy) return;
    const { calendar } = await readRequestSettings(tx, ctx.workspaceId);
    const today = localDate(new Date(), calendar);
    if (neededBy < today) throw E.invalidField(path, `${neededBy} is in the past (today is ${today} in ${calendar.timeZone})`);
  }

  /** 400 naming each deal not of this workspace (`body.dealIds.1`). */
  async function checkDeals(tx: Tx, ctx: TenantContext, dealIds: readonly string[], path = 'body.dealIds') {
    if (!dealIds.length) return;
    const found = await repo.existingDeals(tx, ctx.workspaceId, dealIds);
    const errors = dealIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `${path}.${i}`, message: `no deal ${id} in this workspace` }]));
    if (errors.length) throw E.invalidFields(errors);
  }

  async function isRequester(tx: Tx, ctx: TenantContext, requestId: string) {
    return !!ctx.actor.userId && (await repo.requesterIds(tx, ctx.workspaceId, requestId)).includes(ctx.actor.userId);
  }

  function needStatus(row: RequestRow, what: string, allowed: readonly string[], words: string) {
    if (!allowed.includes(row.status)) throw E.wrongStatus(what, row.status, words);
  }

  /** Locks the request, runs `change`, and answers the request's page with who was told. */
  function change(
    ctx: TenantContext,
    id: string,
    run: (tx: Tx, row: RequestRow) => Promise<{ row: RequestRow; note: ChangeNote } | { row: RequestRow; notified: RequestPerson[] }>,
  ): Promise<RequestChangeResponse> {
    return database.withTenant(ctx.workspaceId, async (tx) => {
      const before = await requestOr404(tx, ctx, id, true);
      const done = await run(tx, before);
      const notified = 'note' in done ? await recordChange(deps, tx, ctx, done.row, done.note) : done.notified;
      return { request: await requestDetail(tx, ctx, id), notified };
    });
  }

  return {
    async create(ctx: TenantContext, body: Create): Promise<RequestChangeResponse> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        await checkNeededBy(tx, ctx, body.neededBy);
        const dealIds = [...new Set(body.dealIds)];
        await checkDeals(tx, ctx, body.dealIds);
        const number = await repo.nextNumber(tx, ctx.workspaceId);
        const row = await repo.insert(tx, {
          workspaceId: ctx.workspaceId,
          number,
          type: body.type,
          title: body.title,
          description: body.description,
          neededBy: body.neededBy ?? null,
          createdByUserId: ctx.actor.userId,
        });
        if (ctx.actor.userId) await repo.addRequesters(tx, ctx.workspaceId, row.id, [ctx.actor.userId]);
        await repo.addDeals(tx, ctx.workspaceId, row.id, dealIds, ctx.actor.userId);
        const notified = await recordChange(deps, tx, ctx, row, {
          kind: 'filed',
          text: `${actorName(ctx)} filed it${dealIds.length ? ` with ${dealIds.length} ${dealIds.length === 1 ? 'deal' : 'deals'}` : ''}${body.neededBy ? `, needed by ${body.neededBy}` : ''}`,
          data: { dealIds, neededBy: body.neededBy ?? null },
          // A new request waits for triage: the PMMs who triage hear of it (the admins when there is no PMM).
          alsoTell: await repo.triagers(tx, ctx.workspaceId),
        });
        return { request: await requestDetail(tx, ctx, row.id), notified };
      });
    },

    update(ctx: TenantContext, id: string, body: UpdateRequestRequest): Promise<RequestChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        const mine = await isRequester(tx, ctx, id);
        if (!mine && !can(ctx.role, 'requests.triage')) throw E.notEditor();
        needStatus(row, 'edit', ['new', 'triaged', 'in_progress', 'delivered'], `${OPEN_WORDS} or delivered`);
        if (body.neededBy !== undefined && body.neededBy !== row.neededBy) await checkNeededBy(tx, ctx, body.neededBy);
        const set: RequestUpdate = {};
        const changed: string[] = [];
        if (body.type !== undefined && body.type !== row.type) {
          set.type = body.type;
          changed.push('type');
        }
        if (body.title !== undefined && body.title !== row.title) {
          set.title = body.title;
          changed.push('title');
        }
        if (body.description !== undefined && body.description !== row.description) {
          set.description = body.description;
          changed.push('description');
        }
        if (body.neededBy !== undefined && (body.neededBy ?? null) !== row.neededBy) {
          set.neededBy = body.neededBy ?? null;
          changed.push('needed-by date');
        }
        if (body.dealIds) {
          await checkDeals(tx, ctx, body.dealIds);
          const removed = await repo.removeOwnDeals(tx, ctx.workspaceId, id, ctx.actor.userId, body.dealIds);
          const before = new Set((await repo.dealLinks(tx, ctx.workspaceId, id)).map((d) => d.dealId));
          const added = body.dealIds.filter((d) => !before.has(d));
          await repo.addDeals(tx, ctx.workspaceId, id, added, ctx.actor.userId);
          if (removed || added.length) changed.push('deals');
        }
        const updated = await repo.update(tx, ctx.workspaceId, id, set);
        return { row: updated, note: { kind: 'edited', text: `${actorName(ctx)} edited the ${changed.length ? changed.join(', ') : 'request'}`, data: { changed } } };
      });
    },

    triage(ctx: TenantContext, id: string, body: TriageRequestRequest): Promise<RequestChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        needStatus(row, 'triage', ['new', 'triaged', 'in_progress'], OPEN_WORDS);
        const assignee = (await repo.members(tx, ctx.workspaceId, [body.assigneeUserId])).get(body.assigneeUserId);
        if (!assignee || !assignee.active || !TRIAGE_ROLES.includes(assignee.role)) {
          throw E.invalidField('body.assigneeUserId', `${body.assigneeUserId} is not an active member who works requests (product marketing or admin)`);
        }
        const first = row.status === 'new';
        const updated = await repo.update(tx, ctx.workspaceId, id, {
          status: first ? 'triaged' : row.status,
          estimateHours: String(body.estimateHours),
          assigneeUserId: body.assigneeUserId,
          firstRespondedAt: row.firstRespondedAt ?? new Date(),
        });
        const text = first
          ? `${actorName(ctx)} triaged it: ${hours(body.estimateHours)}, assigned to ${assignee.name}`
          : `${actorName(ctx)} changed the estimate to ${hours(body.estimateHours)}, assigned to ${assignee.name}`;
        return { row: updated, note: { kind: 'triaged', text, data: { estimateHours: body.estimateHours, assigneeUserId: body.assigneeUserId } } };
      });
    },

    start(ctx: TenantContext, id: string): Promise<RequestChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        needStatus(row, 'start', ['triaged'], 'triaged');
        const updated = await repo.update(tx, ctx.workspaceId, id, { status: 'in_progress', firstRespondedAt: row.firstRespondedAt ?? new Date() });
        return { row: updated, note: { kind: 'started', text: `${actorName(ctx)} started work on it` } };
      });
    },

    deliver(ctx: TenantContext, id: string, body: Deliver): Promise<RequestChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        needStatus(row, 'deliver', ['triaged', 'in_progress'], 'triaged or in progress');
        const assetIds = [...new Set(body.assetIds)];
        const found = await repo.libraryAssets(tx, ctx.workspaceId, assetIds);
        const errors = body.assetIds.flatMap((a, i) =>
          found.has(a) ? [] : [{ path: `body.assetIds.${i}`, message: `no library asset ${a} in this workspace` }],
        );
        if (errors.length) throw E.invalidFields(errors);
        const note = body.note?.trim() || null;
        const now = new Date();
        const updated = await repo.update(tx, ctx.workspaceId, id, {
          status: 'delivered',
          deliveredAt: now,
          deliveredByUserId: ctx.actor.userId,
          deliveryAssetIds: assetIds,
          deliveryNote: note,
          firstRespondedAt: row.firstRespondedAt ?? now,
        });
        const titles = assetIds.map((a) => `“${found.get(a)!.title}”`);
        const what = [titles.length ? titles.join(', ') : '', note ? 'a note' : ''].filter(Boolean).join(' and ');
        return {
          row: updated,
          note: { kind: 'delivered', text: `${actorName(ctx)} delivered ${what}: please accept it or reopen it`, note, data: { assetIds } },
        };
      });
    },

    accept(ctx: TenantContext, id: string): Promise<RequestChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        if (!(await isRequester(tx, ctx, id)) && !can(ctx.role, 'requests.settings')) throw E.notRequester('accept');
        needStatus(row, 'accept', ['delivered'], 'delivered');
        const updated = await repo.update(tx, ctx.workspaceId, id, { status: 'accepted', acceptedAt: new Date() });
        return { row: updated, note: { kind: 'accepted', text: `${actorName(ctx)} accepted the delivery` } };
      });
    },

    reopen(ctx: TenantContext, id: string, reason: string): Promise<RequestChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        if (!(await isRequester(tx, ctx, id)) && !can(ctx.role, 'requests.settings')) throw E.notRequester('reopen');
        needStatus(row, 'reopen', ['delivered'], 'delivered');
        const updated = await repo.update(tx, ctx.workspaceId, id, {
          status: 'in_progress',
          deliveredAt: null,
          deliveredByUserId: null,
          deliveryAssetIds: [],
          deliveryNote: null,
        });
        return {
          row: updated,
          note: {
            kind: 'reopened',
            text: `${actorName(ctx)} reopened it: ${reason}`,
            note: reason,
            data: { reason, deliveredAt: row.deliveredAt?.toISOString() ?? null, assetIds: row.deliveryAssetIds, note: row.deliveryNote },
          },
        };
      });
    },

    decline(ctx: TenantContext, id: string, reason: string): Promise<RequestChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        needStatus(row, 'decline', ['new', 'triaged', 'in_progress'], OPEN_WORDS);
        const updated = await repo.update(tx, ctx.workspaceId, id, {
          status: 'declined',
          declinedReason: reason,
          firstRespondedAt: row.firstRespondedAt ?? new Date(),
          overrideKind: null,
          overridePosition: null,
        });
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'request.declined',
          targetType: 'request',
          targetId: id,
          targetLabel: `#${row.number} ${row.title}`,
          details: { reason, from: row.status },
        });
        return { row: updated, note: { kind: 'declined', text: `${actorName(ctx)} declined it: ${reason}`, note: reason, data: { reason } } };
      });
    },

    plusOne(ctx: TenantContext, id: string, body: PlusOneRequest): Promise<RequestChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        needStatus(row, '+1', ['new', 'triaged', 'in_progress'], OPEN_WORDS);
        if (await isRequester(tx, ctx, id)) throw E.alreadyRequester();
        const dealIds = [...new Set(body.dealIds ?? [])];
        await checkDeals(tx, ctx, body.dealIds ?? []);
        if (ctx.actor.userId) await repo.addRequesters(tx, ctx.workspaceId, id, [ctx.actor.userId]);
        await repo.addDeals(tx, ctx.workspaceId, id, dealIds, ctx.actor.userId);
        const updated = await repo.update(tx, ctx.workspaceId, id, {});
        return {
          row: updated,
          note: {
            kind: 'plus_one',
            text: `${actorName(ctx)} needs it too (+1)${dealIds.length ? ` with ${dealIds.length} ${dealIds.length === 1 ? 'deal' : 'deals'}` : ''}`,
            data: { dealIds },
          },
        };
      });
    },

    merge(ctx: TenantContext, id: string, body: MergeRequestRequest): Promise<RequestChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        if (body.intoRequestId === id) throw E.mergeIntoSelf();
        needStatus(row, 'merge', ['new', 'triaged', 'in_progress'], OPEN_WORDS);
        const target = await repo.byId(tx, ctx.workspaceId, body.intoRequestId, true);
        if (!target || !isOpen(target.status)) throw E.mergeTargetNotFound(body.intoRequestId);
        const requesters = await repo.requesterIds(tx, ctx.workspaceId, id);
        const links = await repo.dealLinks(tx, ctx.workspaceId, id);
        const targetRequesters = await repo.requesterIds(tx, ctx.workspaceId, target.id);
        await repo.addRequesters(tx, ctx.workspaceId, target.id, requesters);
        for (const l of links) await repo.addDeals(tx, ctx.workspaceId, target.id, [l.dealId], l.addedByUserId);
        const updated = await repo.update(tx, ctx.workspaceId, id, { status: 'merged', mergedIntoId: target.id, overrideKind: null, overridePosition: null });
        const targetAfter = await repo.update(tx, ctx.workspaceId, target.id, {});
        const joined = requesters.filter((u) => !targetRequesters.includes(u));
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'request.merged',
          targetType: 'request',
          targetId: id,
          targetLabel: `#${row.number} ${row.title}`,
          details: { into: target.id, intoNumber: target.number, requestersMoved: joined.length, dealsMoved: links.length },
        });
        const toldTarget = await recordChange(deps, tx, ctx, targetAfter, {
          kind: 'merged_in',
          text: `${actorName(ctx)} merged #${row.number} “${row.title}” into it: ${joined.length} more ${joined.length === 1 ? 'requester' : 'requesters'}, ${links.length} ${links.length === 1 ? 'deal' : 'deals'}`,
          data: { from: id, fromNumber: row.number },
        });
        const toldSource = await recordChange(deps, tx, ctx, updated, {
          kind: 'merged',
          text: `${actorName(ctx)} merged it into #${target.number} “${target.title}”; its requesters and deals moved there`,
          data: { into: target.id, intoNumber: target.number },
        });
        const notified = new Map([...toldSource, ...toldTarget].map((p) => [p.userId, p]));
        return { row: updated, notified: [...notified.values()] };
      });
    },

    override(ctx: TenantContext, id: string, body: OverrideRequest): Promise<RequestChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        needStatus(row, 'place', ['new', 'triaged', 'in_progress'], OPEN_WORDS);
        const now = new Date();
        const label = `#${row.number} ${row.title}`;
        if (body.kind === 'clear') {
          const updated = await repo.update(tx, ctx.workspaceId, id, {
            overrideKind: null,
            overridePosition: null,
            overrideReason: null,
            overrideByUserId: null,
            overrideAt: null,
          });
          await audit(tx, ctx.workspaceId, ctx.actor, {
            action: 'request.override_cleared',
            targetType: 'request',
            targetId: id,
            targetLabel: label,
            details: { was: row.overrideKind, position: row.overridePosition, reason: row.overrideReason },
          });
          return { row: updated, note: { kind: 'overridden', text: `${actorName(ctx)} put it back in score order` } };
        }
        const position = body.kind === 'position' ? body.position : null;
        const updated = await repo.update(tx, ctx.workspaceId, id, {
          overrideKind: body.kind,
          overridePosition: position,
          overrideReason: body.reason,
          overrideByUserId: ctx.actor.userId,
          overrideAt: now,
        });
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'request.overridden',
          targetType: 'request',
          targetId: id,
          targetLabel: label,
          details: { kind: body.kind, position, reason: body.reason, was: row.overrideKind },
        });
        const text = body.kind === 'pin' ? `${actorName(ctx)} pinned it to the top: ${body.reason}` : `${actorName(ctx)} placed it at #${position} in the queue: ${body.reason}`;
        return { row: updated, note: { kind: 'overridden', text, note: body.reason, data: { kind: body.kind, position } } };
      });
    },

    boost(ctx: TenantContext, id: string, body: BoostRequest): Promise<RequestChangeResponse> {
      return change(ctx, id, async (tx, row) => {
        needStatus(row, 'boost', ['new', 'triaged', 'in_progress'], OPEN_WORDS);
        const points = Number(body.points);
        const updated = await repo.update(tx, ctx.workspaceId, id, {
          boostPoints: points,
          boostReason: points > 0 ? body.reason : null,
          boostByUserId: points > 0 ? ctx.actor.userId : null,
          boostAt: points > 0 ? new Date() : null,
        });
        await audit(tx, ctx.workspaceId, ctx.actor, {
          action: 'request.boosted',
          targetType: 'request',
          targetId: id,
          targetLabel: `#${row.number} ${row.title}`,
          details: { points, was: row.boostPoints, reason: body.reason },
        });
        const text = points > 0 ? `${actorName(ctx)} set a strategic boost of ${points} points: ${body.reason}` : `${actorName(ctx)} cleared the strategic boost: ${body.reason}`;
        return { row: updated, note: { kind: 'boosted', text, note: body.reason, data: { points } } };
      });
    },

    async addComment(ctx: TenantContext, id: string, body: CreateCommentRequest): Promise<CreateCommentResponse> {
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const row = await requestOr404(tx, ctx, id, true);
        const earlier = await repo.commenterIds(tx, ctx.workspaceId, id);
        const comment = await repo.insertComment(tx, { workspaceId: ctx.workspaceId, requestId: id, authorUserId: ctx.actor.userId, body: body.body });
        // A PMM's comment is a first response.
        const firstResponse = !row.firstRespondedAt && can(ctx.role, 'requests.triage') && !(await isRequester(tx, ctx, id));
        const updated = await repo.update(tx, ctx.workspaceId, id, firstResponse ? { firstRespondedAt: comment.createdAt } : {});
        const excerpt = body.body.length > 140 ? `${body.body.slice(0, 139)}…` : body.body;
        const notified = await recordChange(deps, tx, ctx, updated, {
          kind: 'commented',
          text: `${actorName(ctx)} commented`,
          note: excerpt,
          data: { commentId: comment.id },
          alsoTell: earlier,
        });
        return {
          comment: {
            id: comment.id,
            author: ctx.actor.userId ? { userId: ctx.actor.userId, name: actorName(ctx) } : null,
            body: comment.body,
            createdAt: comment.createdAt.toISOString(),
          },
          notified,
        };
      });
    },
  };
}

export type ItemsWriteService = ReturnType<typeof createItemsWriteService>;
