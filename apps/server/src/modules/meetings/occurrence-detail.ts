/**
 * An occurrence's page: the stored occurrence (stored when its series is created, when the one before it is held, or
 * at the first change to it), its agenda — a draft follows live data on every read (new qualifying records are
 * appended, records that no longer qualify leave unless they carry notes); publishing freezes it — attendance and the
 * action items agreed in it. A read never writes: the draft is merged with live data in memory, and a change stores
 * exactly that merge first. A live item's id is derived from (series, number, kind, source), so the id a reader saw is
 * the id its row gets when the draft is stored.
 */
import { createHash } from 'node:crypto';
import type { ActionItem, AgendaItem, OccurrenceDetail, Role } from '@tandem/contracts';
import type { Tx } from '../../db/database.ts';
import type { TenantContext } from '../../lib/context.ts';
import { agendaCandidates, type AgendaCandidate } from './agenda.ts';
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

/** The id a live agenda item gets: a name-based uuid (version 5 layout) of its series, occurrence number, kind and source. */
export function liveItemId(seriesId: string, seq: number, kind: string, sourceId: string): string {
  const h = createHash('sha1').update(`${seriesId}:${seq}:${kind}:${sourceId}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type AgendaRow = Pick<AgendaItemRow, 'id' | 'position' | 'kind' | 'sourceId' | 'title' | 'why' | 'notes' | 'hidden'>;

/**
 * A draft agenda merged with live data (database-free): the stored items with their `why` brought up to date, minus
 * those that no longer qualify and carry no notes (a hidden one stays, so it does not come back), plus new candidates
 * appended in order.
 */
export function mergeDraft(stored: readonly AgendaRow[], candidates: readonly AgendaCandidate[], idOf: (c: AgendaCandidate) => string) {
  const key = (kind: string, id: string | null) => `${kind}:${id}`;
  const fresh = new Map(candidates.map((c) => [key(c.kind, c.sourceId), c]));
  const have = new Set(stored.filter((i) => i.sourceId).map((i) => key(i.kind, i.sourceId)));
  const removed = stored.filter((i) => i.sourceId && !fresh.has(key(i.kind, i.sourceId)) && !i.notes.trim() && !i.hidden).map((i) => i.id);
  const updated = stored.flatMap((i) => {
    const c = i.sourceId ? fresh.get(key(i.kind, i.sourceId)) : undefined;
    return c && c.why !== i.why ? [{ id: i.id, why: c.why }] : [];
  });
  let position = stored.reduce((m, i) => Math.max(m, i.position), 0);
  const added: AgendaRow[] = candidates
    .filter((c) => !have.has(key(c.kind, c.sourceId)))
    .map((c) => ({ id: idOf(c), position: ++position, kind: c.kind, sourceId: c.sourceId, title: c.title, why: c.why, notes: '', hidden: false }));
  const gone = new Set(removed);
  const whyOf = new Map(updated.map((u) => [u.id, u.why]));
  const items = [...stored.filter((i) => !gone.has(i.id)).map((i) => ({ ...i, why: whyOf.get(i.id) ?? i.why })), ...added];
  return { items, added, updated, removed };
}

/** The agenda as it reads now: stored, merged with live data while a draft (a published one stays as published). */
async function currentAgenda(tx: Tx, ctx: TenantContext, s: SeriesRow, seq: number, occ: OccurrenceRow | undefined, now: Date) {
  const stored = occ ? await repo.agendaItems(tx, ctx.workspaceId, occ.id) : [];
  if (occ?.publishedAt) return { items: stored as AgendaRow[], added: [], updated: [], removed: [] };
  const rule = ruleOf(s);
  const until = new Date(Math.min(now.getTime(), occurrenceAt(rule, seq).startsAt.getTime()));
  const candidates = await agendaCandidates(tx, ctx.workspaceId, { seriesId: s.id, seq, since: sinceOf(rule, seq), until, timeZone: s.timeZone });
  return mergeDraft(stored, candidates, (c) => liveItemId(s.id, seq, c.kind, c.sourceId));
}

/** Stores a draft agenda as it reads now (before a change, so the change addresses the items the reader saw). */
export async function syncDraft(tx: Tx, ctx: TenantContext, s: SeriesRow, occ: OccurrenceRow, now: Date) {
  const m = await currentAgenda(tx, ctx, s, occ.seq, occ, now);
  await repo.insertAgendaItems(tx, m.added.map((i) => ({ ...i, workspaceId: ctx.workspaceId, occurrenceId: occ.id })));
  for (const u of m.updated) await repo.updateAgendaItem(tx, ctx.workspaceId, u.id, { why: u.why });
  await repo.deleteAgendaItems(tx, ctx.workspaceId, m.removed);
}

export async function occurrenceDetail(tx: Tx, ctx: TenantContext, s: SeriesRow, seq: number, now: Date): Promise<OccurrenceDetail> {
  const rule = ruleOf(s);
  const o = occurrenceAt(rule, seq);
  const occ = await repo.occurrence(tx, ctx.workspaceId, s.id, seq);
  const items = (await currentAgenda(tx, ctx, s, seq, occ, now)).items.filter((i) => !i.hidden);
  const attendeeIds = (await repo.attendeeIds(tx, ctx.workspaceId, [s.id])).get(s.id) ?? [];
  const attendance = new Map((occ ? await repo.attendance(tx, ctx.workspaceId, occ.id) : []).map((a) => [a.userId, a.present]));
  const actions = occ ? await repo.actionItemsOf(tx, ctx.workspaceId, occ.id) : [];
  const carried = await repo.actionItemsById(tx, ctx.workspaceId, items.filter((i) => i.kind === 'action_item' && i.sourceId).map((i) => i.sourceId!));
  const members = await repo.members(tx, ctx.workspaceId, [...attendeeIds, ...attendance.keys(), s.ownerUserId, ...actions.map((a) => a.ownerUserId), ...(occ?.publishedByUserId ? [occ.publishedByUserId] : [])]);
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
    state: occ?.heldAt ? 'held' : occ?.publishedAt ? 'published' : 'draft',
    published: occ?.publishedAt ? { at: occ.publishedAt.toISOString(), by: occ.publishedByUserId ? (members.get(occ.publishedByUserId)?.name ?? null) : null } : null,
    heldAt: occ?.heldAt?.toISOString() ?? null,
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
