/**
 * Meetings' use cases. Each change is one tenant transaction: it checks who may do it (the series' owner or an admin
 * for the agenda and attendance; attendees for notes and action items), writes, audits, emits its event in the same
 * transaction and answers the occurrence with who was told.
 */
import {
  can,
  type AddAgendaItemRequest,
  type AttendanceRequest,
  type CreateActionItemRequest,
  type CreateMeetingSeriesRequest,
  type EditAgendaItemRequest,
  type MeetingPerson,
  type MeetingSeriesDetail,
  type MeetingSeriesSummary,
  type OccurrenceChangeResponse,
  type ReorderAgendaRequest,
  type UpdateActionItemRequest,
} from '@tandem/contracts';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { localDay } from './agenda.ts';
import { invitationIcs } from './ics.ts';
import { minutesMarkdown } from './markdown.ts';
import { MeetingsErrors as E } from './meetings.errors.ts';
import { meetingMetrics } from './metrics.ts';
import { meetingsRepository as repo, type SeriesRow } from './meetings.repository.ts';
import { actionItemOf, managesSeries, occurrenceDetail, ruleOf, seriesOr404, syncDraft, takesPart, teamOf } from './occurrence-detail.ts';
import { nextOccurrence, occurrenceAt, occurrencesBetween } from './recurrence.ts';

type CreateSeries = z.output<typeof CreateMeetingSeriesRequest>;
type AddItem = z.output<typeof AddAgendaItemRequest>;
type EditItem = z.output<typeof EditAgendaItemRequest>;
type Reorder = z.output<typeof ReorderAgendaRequest>;
type Attendance = z.output<typeof AttendanceRequest>;
type CreateAction = z.output<typeof CreateActionItemRequest>;
type UpdateAction = z.output<typeof UpdateActionItemRequest>;

export interface MeetingsOptions {
  /** The clock agendas and "overdue" are judged by (tests set it). */
  now?: () => Date;
}

export function createMeetingsService(deps: Deps, options: MeetingsOptions = {}) {
  const { database } = deps;
  const clock = options.now ?? (() => new Date());

  async function summaries(tx: Tx, ctx: TenantContext, rows: SeriesRow[], now: Date): Promise<MeetingSeriesSummary[]> {
    const attendees = await repo.attendeeIds(tx, ctx.workspaceId, rows.map((r) => r.id));
    const members = await repo.members(tx, ctx.workspaceId, rows.map((r) => r.ownerUserId));
    return rows.map((s) => {
      const next = nextOccurrence(ruleOf(s), now);
      return {
        id: s.id,
        title: s.title,
        cadence: s.cadence,
        startTime: s.startTime,
        timeZone: s.timeZone,
        durationMinutes: s.durationMinutes,
        owner: { userId: s.ownerUserId, name: members.get(s.ownerUserId)?.name ?? 'Former member' },
        attendeeCount: attendees.get(s.id)?.length ?? 0,
        next: next ? { seq: next.seq, startsAt: next.startsAt.toISOString() } : null,
      };
    });
  }

  async function seriesDetail(tx: Tx, ctx: TenantContext, s: SeriesRow, now: Date): Promise<MeetingSeriesDetail> {
    const [summary] = await summaries(tx, ctx, [s], now);
    const ids = (await repo.attendeeIds(tx, ctx.workspaceId, [s.id])).get(s.id) ?? [];
    const members = await repo.members(tx, ctx.workspaceId, ids);
    const stored = new Map((await repo.occurrences(tx, ctx.workspaceId, s.id)).map((o) => [o.seq, o]));
    const rule = ruleOf(s);
    const past = occurrencesBetween(rule, new Date(now.getTime() - 400 * 86_400_000), now).slice(-6);
    const coming = occurrencesBetween(rule, now, new Date(now.getTime() + 70 * 86_400_000)).slice(0, 4);
    return {
      ...summary!,
      startsOn: s.startsOn,
      attendees: ids
        .filter((id) => members.has(id))
        .map((userId) => {
          const m = members.get(userId)!;
          return { userId, name: m.name, role: m.role, team: teamOf(m.role) };
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
      occurrences: [...past, ...coming].map((o) => {
        const row = stored.get(o.seq);
        return {
          seq: o.seq,
          startsAt: o.startsAt.toISOString(),
          endsAt: o.endsAt.toISOString(),
          state: row?.heldAt ? 'held' : row?.publishedAt ? 'published' : 'draft',
          past: o.startsAt < now,
        };
      }),
      canManage: managesSeries(ctx, s),
    };
  }

  /** Runs `run` on the series' occurrence `seq` (checked: `who`), then answers the occurrence and who was told. */
  function change(
    ctx: TenantContext,
    seriesId: string,
    seq: number,
    who: 'owner' | 'attendee',
    what: string,
    run: (tx: Tx, s: SeriesRow, occurrenceId: string, now: Date) => Promise<MeetingPerson[]>,
  ): Promise<OccurrenceChangeResponse> {
    const now = clock();
    return database.withTenant(ctx.workspaceId, async (tx) => {
      const s = await seriesOr404(tx, ctx, seriesId);
      if (who === 'owner' && !managesSeries(ctx, s)) throw E.notOwner(what);
      if (who === 'attendee' && !(await takesPart(tx, ctx, s))) throw E.notAttendee(what);
      const occ = await repo.ensureOccurrence(tx, ctx.workspaceId, s.id, seq, occurrenceAt(ruleOf(s), seq).startsAt);
      // The draft as the person acting read it, stored first: the items they address exist, with the ids they saw.
      await syncDraft(tx, ctx, s, occ, now);
      const notified = await run(tx, s, occ.id, now);
      return { occurrence: await occurrenceDetail(tx, ctx, s, seq, now), notified };
    });
  }

  /** Once an occurrence is held, the one after it is stored (the next the attendees will open). */
  async function storeFollowing(tx: Tx, ctx: TenantContext, s: SeriesRow, seq: number) {
    let startsAt: Date;
    try {
      startsAt = occurrenceAt(ruleOf(s), seq + 1).startsAt;
    } catch {
      return; // the rule has no occurrence after this one (its last): nothing to store
    }
    await repo.ensureOccurrence(tx, ctx.workspaceId, s.id, seq + 1, startsAt);
  }

  const audit = (tx: Tx, ctx: TenantContext, s: SeriesRow, action: string, details: Record<string, unknown>) =>
    deps.audit(tx, ctx.workspaceId, ctx.actor, { action, targetType: 'meeting_series', targetId: s.id, targetLabel: s.title, details });

  async function itemOf(tx: Tx, ctx: TenantContext, occurrenceId: string, itemId: string) {
    const item = (await repo.agendaItems(tx, ctx.workspaceId, occurrenceId)).find((i) => i.id === itemId);
    if (!item) throw E.itemNotFound(itemId);
    return item;
  }

  return {
    async list(ctx: TenantContext) {
      const now = clock();
      return database.readTenant(ctx.workspaceId, async (tx) => ({ items: await summaries(tx, ctx, await repo.series(tx, ctx.workspaceId), now) }));
    },

    async get(ctx: TenantContext, id: string) {
      return database.readTenant(ctx.workspaceId, async (tx) => seriesDetail(tx, ctx, await seriesOr404(tx, ctx, id), clock()));
    },

    async memberOptions(ctx: TenantContext) {
      return database.readTenant(ctx.workspaceId, async (tx) => ({
        people: [...(await repo.members(tx, ctx.workspaceId)).values()]
          .filter((m) => m.active)
          .map((m) => ({ userId: m.userId, name: m.name, role: m.role, team: teamOf(m.role) })),
      }));
    },

    async create(ctx: TenantContext, body: CreateSeries) {
      const now = clock();
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const members = await repo.members(tx, ctx.workspaceId);
        const errors: { path: string; message: string }[] = [];
        body.attendeeIds.forEach((id, i) => {
          if (!members.get(id)?.active) errors.push({ path: `body.attendeeIds.${i}`, message: `no active member ${id} in this workspace` });
        });
        if (errors.length) throw E.invalidFields(errors);
        const ownerId = ctx.actor.userId;
        if (!ownerId || !can(members.get(ownerId)?.role, 'meetings.write')) throw E.invalidField('owner', 'a series is owned by the member who starts it');
        const s = await repo.insertSeries(tx, {
          workspaceId: ctx.workspaceId,
          title: body.title,
          cadence: body.cadence,
          startsOn: body.startsOn,
          startTime: body.startTime,
          timeZone: body.timeZone,
          durationMinutes: body.durationMinutes,
          ownerUserId: ownerId,
        });
        await repo.setAttendees(tx, ctx.workspaceId, s.id, body.attendeeIds);
        // The coming occurrence is stored now, so reading it never has to write.
        const next = nextOccurrence(ruleOf(s), now);
        if (next) await repo.ensureOccurrence(tx, ctx.workspaceId, s.id, next.seq, next.startsAt);
        await audit(tx, ctx, s, 'meeting_series.created', { cadence: s.cadence, timeZone: s.timeZone, attendees: body.attendeeIds.length });
        return seriesDetail(tx, ctx, s, now);
      });
    },

    async occurrence(ctx: TenantContext, seriesId: string, seq: number) {
      return database.readTenant(ctx.workspaceId, async (tx) => occurrenceDetail(tx, ctx, await seriesOr404(tx, ctx, seriesId), seq, clock()));
    },

    addAgendaItem(ctx: TenantContext, seriesId: string, seq: number, body: AddItem) {
      return change(ctx, seriesId, seq, 'owner', 'add topics to the agenda', async (tx, _s, occurrenceId) => {
        const items = await repo.agendaItems(tx, ctx.workspaceId, occurrenceId);
        const position = items.reduce((m, i) => Math.max(m, i.position), 0) + 1;
        await repo.insertAgendaItems(tx, [{ workspaceId: ctx.workspaceId, occurrenceId, position, kind: 'free', title: body.title, why: body.why || 'Added by the owner' }]);
        return [];
      });
    },

    reorderAgenda(ctx: TenantContext, seriesId: string, seq: number, body: Reorder) {
      return change(ctx, seriesId, seq, 'owner', 'reorder the agenda', async (tx, _s, occurrenceId) => {
        const items = await repo.agendaItems(tx, ctx.workspaceId, occurrenceId);
        const known = new Set(items.map((i) => i.id));
        const errors = body.order.flatMap((id, i) => (known.has(id) ? [] : [{ path: `body.order.${i}`, message: `no agenda item ${id} on this occurrence` }]));
        if (errors.length) throw E.invalidFields(errors);
        // Listed items first in the order given, the rest after them in their old order.
        const rest = items.filter((i) => !body.order.includes(i.id)).map((i) => i.id);
        const order = [...new Set(body.order), ...rest];
        for (const [index, id] of order.entries()) await repo.updateAgendaItem(tx, ctx.workspaceId, id, { position: index + 1 });
        return [];
      });
    },

    editAgendaItem(ctx: TenantContext, seriesId: string, seq: number, itemId: string, body: EditItem) {
      const ownerOnly = body.title !== undefined || body.hidden !== undefined;
      return change(ctx, seriesId, seq, ownerOnly ? 'owner' : 'attendee', ownerOnly ? 'edit the agenda' : 'write notes', async (tx, _s, occurrenceId) => {
        await itemOf(tx, ctx, occurrenceId, itemId);
        await repo.updateAgendaItem(tx, ctx.workspaceId, itemId, { title: body.title, notes: body.notes, hidden: body.hidden });
        return [];
      });
    },

    publish(ctx: TenantContext, seriesId: string, seq: number) {
      return change(ctx, seriesId, seq, 'owner', 'publish the agenda', async (tx, s, occurrenceId, now) => {
        // The agenda as the attendees will read it: brought up to date once more, then frozen.
        const detail = await occurrenceDetail(tx, ctx, s, seq, now);
        await repo.updateOccurrence(tx, ctx.workspaceId, occurrenceId, { publishedAt: now, publishedByUserId: ctx.actor.userId });
        const ids = (await repo.attendeeIds(tx, ctx.workspaceId, [s.id])).get(s.id) ?? [];
        const members = await repo.members(tx, ctx.workspaceId, [...ids, s.ownerUserId]);
        const told = [...new Set([...ids, s.ownerUserId])]
          .filter((id) => id !== ctx.actor.userId && members.get(id)?.active)
          .map((userId) => ({ userId, name: members.get(userId)!.name }));
        await audit(tx, ctx, s, 'meeting.agenda_published', { seq, items: detail.items.length });
        await deps.emit(tx, {
          workspaceId: ctx.workspaceId,
          type: 'meeting.agenda_published',
          payload: {
            seriesId: s.id,
            seq,
            title: s.title,
            startsAt: detail.startsAt,
            timeZone: s.timeZone,
            items: detail.items.map((i) => i.title),
            icsPath: `/api/v1/workspaces/${ctx.slug}/meetings/${s.id}/occurrences/${seq}/invite.ics`,
            by: { userId: ctx.actor.userId, name: ctx.actor.name },
            recipientUserIds: told.map((p) => p.userId),
          },
          actorUserId: ctx.actor.userId,
        });
        return told;
      });
    },

    setAttendance(ctx: TenantContext, seriesId: string, seq: number, body: Attendance) {
      return change(ctx, seriesId, seq, 'owner', 'keep attendance', async (tx, s, occurrenceId, now) => {
        const ids = (await repo.attendeeIds(tx, ctx.workspaceId, [s.id])).get(s.id) ?? [];
        const invited = new Set([...ids, s.ownerUserId]);
        const errors = body.presentUserIds.flatMap((id, i) => (invited.has(id) ? [] : [{ path: `body.presentUserIds.${i}`, message: `${id} is not an attendee of this series` }]));
        if (errors.length) throw E.invalidFields(errors);
        const present = new Set(body.presentUserIds);
        await repo.setAttendance(tx, ctx.workspaceId, occurrenceId, [...invited].map((userId) => ({ userId, present: present.has(userId) })));
        await repo.updateOccurrence(tx, ctx.workspaceId, occurrenceId, { heldAt: now });
        await storeFollowing(tx, ctx, s, seq);
        await audit(tx, ctx, s, 'meeting.attendance_kept', { seq, present: present.size, invited: invited.size });
        return [];
      });
    },

    async createActionItem(ctx: TenantContext, seriesId: string, seq: number, body: CreateAction) {
      let created = '';
      const res = await change(ctx, seriesId, seq, 'attendee', 'agree action items', async (tx, s, occurrenceId, now) => {
        const owner = (await repo.members(tx, ctx.workspaceId, [body.ownerUserId])).get(body.ownerUserId);
        if (!owner?.active) throw E.invalidField('body.ownerUserId', `no active member ${body.ownerUserId} in this workspace`);
        // Agreed in a meeting, due on or after its day there (minutes written later still agree it then).
        const meetingDay = DateTime.fromJSDate(occurrenceAt(ruleOf(s), seq).startsAt, { zone: s.timeZone }).toISODate()!;
        if (body.dueOn < meetingDay) throw E.invalidField('body.dueOn', `due ${localDay(body.dueOn)}, before the meeting it is agreed in (${localDay(meetingDay)})`);
        const row = await repo.insertActionItem(tx, {
          workspaceId: ctx.workspaceId,
          seriesId: s.id,
          occurrenceId,
          seq,
          title: body.title,
          ownerUserId: body.ownerUserId,
          dueOn: body.dueOn,
          createdByUserId: ctx.actor.userId,
          createdAt: now,
        });
        created = row.id;
        await audit(tx, ctx, s, 'meeting.action_item_created', { seq, title: body.title, owner: owner.name, dueOn: body.dueOn });
        const told = body.ownerUserId === ctx.actor.userId ? [] : [{ userId: owner.userId, name: owner.name }];
        await deps.emit(tx, {
          workspaceId: ctx.workspaceId,
          type: 'meeting.action_item_assigned',
          payload: {
            actionItemId: row.id,
            seriesId: s.id,
            seq,
            meetingTitle: s.title,
            title: body.title,
            dueOn: body.dueOn,
            by: { userId: ctx.actor.userId, name: ctx.actor.name },
            recipientUserIds: told.map((p) => p.userId),
          },
          actorUserId: ctx.actor.userId,
        });
        return told;
      });
      return { actionItem: res.occurrence.actionItems.find((a) => a.id === created)!, notified: res.notified };
    },

    async updateActionItem(ctx: TenantContext, id: string, body: UpdateAction) {
      const now = clock();
      return database.withTenant(ctx.workspaceId, async (tx) => {
        const row = await repo.actionItem(tx, ctx.workspaceId, id);
        if (!row) throw E.actionItemNotFound(id);
        const s = await seriesOr404(tx, ctx, row.seriesId);
        if (!managesSeries(ctx, s) && ctx.actor.userId !== row.ownerUserId) throw E.notActionOwner();
        const updated = await repo.setActionItemDone(tx, ctx.workspaceId, id, body.done ? (row.doneAt ?? now) : null);
        await audit(tx, ctx, s, body.done ? 'meeting.action_item_done' : 'meeting.action_item_reopened', { title: row.title });
        const members = await repo.members(tx, ctx.workspaceId, [row.ownerUserId]);
        return { actionItem: actionItemOf(updated, members, now.toISOString().slice(0, 10)), notified: [] };
      });
    },

    async invite(ctx: TenantContext, seriesId: string, seq: number) {
      const detail = await this.occurrence(ctx, seriesId, seq);
      return invitationIcs(detail, ctx.slug);
    },

    async exportMarkdown(ctx: TenantContext, seriesId: string, seq: number, part: 'agenda' | 'minutes') {
      const detail = await this.occurrence(ctx, seriesId, seq);
      return minutesMarkdown(detail, part);
    },

    async metrics(ctx: TenantContext, q: { from: string; to: string }) {
      return database.readTenant(ctx.workspaceId, (tx) => meetingMetrics(tx, ctx.workspaceId, q, clock()));
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
