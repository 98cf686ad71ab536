/**
 * An occurrence's page: the stored occurrence (created when first read), its agenda — a draft follows live data on
 * every read (new qualifying records are appended, records that no longer qualify leave unless they carry notes);
 * publishing freezes it — attendance and the action items agreed in it.
 */
import type { ActionItem, AgendaItem, OccurrenceDetail, Role } from '@tandem/contracts';
import type { Tx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import { agendaCandidates } from './agenda.ts';
import { MeetingsErrors as E } from './meetings.errors.ts';
import { meetingsRepository as repo, type ActionItemRow, type AgendaItemRow, type Member, type OccurrenceRow, type SeriesRow } from './meetings.repository.ts';
import { occurrenceAt, sinceOf, type SeriesRule } from './recurrence.ts';

export const teamOf = (role: Role): 'marketing' | 'sales' | 'admin' => (role === 'marketing' ? 'marketing' : role === 'admin' ? 'admin' : 'sales');
export const ruleOf = (s: SeriesRow): SeriesRule => ({
  cadence: s.cadence,
  startsOn: s.startsOn,
  startTime: s.startTime,
  timeZone: s.timeZone,
  durationMinutes: s.durationMinutes,
});

export async function seriesOr404(tx: Tx, ctx: TenantContext, id: string): Promise<SeriesRow> {
  const [row] = await repo.series(tx, ctx.workspaceId, id);
  if (!row) throw E.notFound(id);
  return row;
}

export function managesSeries(ctx: TenantContext, s: SeriesRow) {
  return ctx.role === 'admin' || (!!ctx.actor.userId && ctx.actor.userId === s.ownerUserId);
}
export async function takesPart(tx: Tx, ctx: TenantContext, s: SeriesRow) {
  if (managesSeries(ctx, s)) return true;
  const ids = (await repo.attendeeIds(tx, ctx.workspaceId, [s.id])).get(s.id) ?? [];
  return !!ctx.actor.userId && ids.includes(ctx.actor.userId);
}

export function linkOf(slug: string, kind: AgendaItemRow['kind'], sourceId: string | null, actionSeq: Map<string, { seriesId: string; seq: number }>): string | null {
  if (!sourceId) return null;
  switch (kind) {
    case 'theme':
      return `/w/${slug}/feedback/themes/${sourceId}`;
    case 'request':
      return `/w/${slug}/requests/${sourceId}`;
    case 'decision':
      return `/w/${slug}/decisions/${sourceId}`;
    case 'goal':
      return `/w/${slug}/goals/${sourceId}`;
    case 'action_item': {
      const a = actionSeq.get(sourceId);
      return a ? `/w/${slug}/meetings/${a.seriesId}/${a.seq}` : null;
    }
    case 'free':
      return null;
    default: {
      const never: never = kind;
      throw new Error(`unknown agenda item kind ${String(never)}`);
    }
  }
}

export function actionItemOf(a: ActionItemRow, members: Map<string, Member>, today: string): ActionItem {
  return {
    id: a.id,
    title: a.title,
    owner: { userId: a.ownerUserId, name: members.get(a.ownerUserId)?.name ?? 'Former member' },
    dueOn: a.dueOn,
    doneAt: a.doneAt?.toISOString() ?? null,
    fromSeq: a.seq,
    overdue: !a.doneAt && a.dueOn < today,
  };
}

/** Brings a draft agenda up to date with live data (a published one stays as published). */
export async function syncDraft(tx: Tx, ctx: TenantContext, s: SeriesRow, occ: OccurrenceRow, now: Date) {
  if (occ.publishedAt) return;
  const rule = ruleOf(s);
  const until = new Date(Math.min(now.getTime(), occ.startsAt.getTime()));
  const candidates = await agendaCandidates(tx, ctx.workspaceId, { seriesId: s.id, seq: occ.seq, since: sinceOf(rule, occ.seq), until });
  const items = await repo.agendaItems(tx, ctx.workspaceId, occ.id);
  const key = (kind: string, id: string | null) => `${kind}:${id}`;
  const have = new Map(items.filter((i) => i.sourceId).map((i) => [key(i.kind, i.sourceId), i]));
  const fresh = new Map(candidates.map((c) => [key(c.kind, c.sourceId), c]));
  let position = items.reduce((m, i) => Math.max(m, i.position), 0);
  await repo.insertAgendaItems(
    tx,
    candidates.filter((c) => !have.has(key(c.kind, c.sourceId))).map((c) => ({ workspaceId: ctx.workspaceId, occurrenceId: occ.id, position: ++position, ...c })),
  );
  for (const [k, item] of have) {
    const c = fresh.get(k);
    if (c && c.why !== item.why) await repo.updateAgendaItem(tx, ctx.workspaceId, item.id, { why: c.why });
  }
  await repo.deleteAgendaItems(
    tx,
    ctx.workspaceId,
    [...have].filter(([k, i]) => !fresh.has(k) && !i.notes.trim() && !i.hidden).map(([, i]) => i.id),
  );
}

export async function occurrenceDetail(tx: Tx, ctx: TenantContext, s: SeriesRow, seq: number, now: Date): Promise<OccurrenceDetail> {
  const rule = ruleOf(s);
  const o = occurrenceAt(rule, seq);
  const occ = await repo.ensureOccurrence(tx, ctx.workspaceId, s.id, seq, o.startsAt);
  await syncDraft(tx, ctx, s, occ, now);
  const items = (await repo.agendaItems(tx, ctx.workspaceId, occ.id)).filter((i) => !i.hidden);
  const attendeeIds = (await repo.attendeeIds(tx, ctx.workspaceId, [s.id])).get(s.id) ?? [];
  const attendance = new Map((await repo.attendance(tx, ctx.workspaceId, occ.id)).map((a) => [a.userId, a.present]));
  const actions = await repo.actionItemsOf(tx, ctx.workspaceId, occ.id);
  const carried = await repo.actionItemsById(tx, ctx.workspaceId, items.filter((i) => i.kind === 'action_item' && i.sourceId).map((i) => i.sourceId!));
  const members = await repo.members(tx, ctx.workspaceId, [...attendeeIds, ...attendance.keys(), s.ownerUserId, ...actions.map((a) => a.ownerUserId), ...(occ.publishedByUserId ? [occ.publishedByUserId] : [])]);
  const actionSeq = new Map(carried.map((a) => [a.id, { seriesId: a.seriesId, seq: a.seq }]));
  const today = now.toISOString().slice(0, 10);
  const people = [...new Set([s.ownerUserId, ...attendeeIds, ...attendance.keys()])].filter((id) => members.has(id));
  const part = await takesPart(tx, ctx, s);
  return {
    seriesId: s.id,
    seriesTitle: s.title,
    timeZone: s.timeZone,
    seq,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    since: seq > 1 ? sinceOf(rule, seq).toISOString() : null,
    state: occ.heldAt ? 'held' : occ.publishedAt ? 'published' : 'draft',
    published: occ.publishedAt ? { at: occ.publishedAt.toISOString(), by: occ.publishedByUserId ? (members.get(occ.publishedByUserId)?.name ?? null) : null } : null,
    heldAt: occ.heldAt?.toISOString() ?? null,
    items: items.map(
      (i, index): AgendaItem => ({
        id: i.id,
        position: index + 1,
        kind: i.kind,
        sourceId: i.sourceId,
        title: i.title,
        why: i.why,
        link: linkOf(ctx.slug, i.kind, i.sourceId, actionSeq),
        notes: i.notes,
      }),
    ),
    attendance: people.map((userId) => {
      const m = members.get(userId)!;
      return { userId, name: m.name, role: m.role, team: teamOf(m.role), present: attendance.get(userId) ?? null };
    }),
    actionItems: actions.map((a) => actionItemOf(a, members, today)),
    canManage: managesSeries(ctx, s),
    canTakePart: part,
  };
}
