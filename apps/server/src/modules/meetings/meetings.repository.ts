import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Role } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { memberships, users } from '../workspaces/tables.ts';
import { meetingActionItems, meetingAgendaItems, meetingAttendance, meetingAttendees, meetingOccurrences, meetingSeries } from './tables.ts';

export type SeriesRow = typeof meetingSeries.$inferSelect;
export type OccurrenceRow = typeof meetingOccurrences.$inferSelect;
export type AgendaItemRow = typeof meetingAgendaItems.$inferSelect;
export type ActionItemRow = typeof meetingActionItems.$inferSelect;
export type AgendaKind = AgendaItemRow['kind'];
export interface Member {
  userId: string;
  name: string;
  role: Role;
  active: boolean;
}

const rowsOf = <T>(r: { rows: unknown[] }) => r.rows as T[];

/** The workspace teams (teams, team_members) a metric may be filtered or grouped by: a person in two teams counts in each. */
export interface TeamScope {
  team?: string;
  groupByTeam?: boolean;
}
/** k of n for one team (key and label null: no team, or not grouped). */
export interface TeamCount {
  key: string | null;
  label: string | null;
  numerator: number;
  denominator: number;
}
const teamJoin = (workspaceId: string, person: SQL) => sql`
  left join team_members tm on tm.workspace_id = ${workspaceId} and tm.user_id = ${person}
  left join teams t on t.workspace_id = tm.workspace_id and t.id = tm.team_id`;
const inTeam = (workspaceId: string, person: SQL, team: string | undefined) =>
  team ? sql` and ${person} in (select m.user_id from team_members m where m.workspace_id = ${workspaceId} and m.team_id = ${team}::uuid)` : sql``;

/** The only file of the meetings module that speaks Drizzle. */
export const meetingsRepository = {
  async members(db: DbOrTx, workspaceId: string, userIds?: readonly string[]): Promise<Map<string, Member>> {
    if (userIds && !userIds.length) return new Map();
    const rows = await db
      .select({ userId: memberships.userId, name: users.name, role: memberships.role, active: memberships.active })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), userIds ? inArray(memberships.userId, [...new Set(userIds)]) : undefined))
      .orderBy(asc(users.name));
    return new Map(rows.map((r) => [r.userId, r]));
  },

  async insertSeries(db: DbOrTx, values: typeof meetingSeries.$inferInsert): Promise<SeriesRow> {
    const [row] = await db.insert(meetingSeries).values(values).returning();
    return row!;
  },

  async series(db: DbOrTx, workspaceId: string, id?: string): Promise<SeriesRow[]> {
    return db
      .select()
      .from(meetingSeries)
      .where(and(eq(meetingSeries.workspaceId, workspaceId), id ? eq(meetingSeries.id, id) : undefined))
      .orderBy(asc(meetingSeries.title));
  },

  async setAttendees(db: DbOrTx, workspaceId: string, seriesId: string, userIds: readonly string[]) {
    await db.delete(meetingAttendees).where(and(eq(meetingAttendees.workspaceId, workspaceId), eq(meetingAttendees.seriesId, seriesId)));
    if (userIds.length) await db.insert(meetingAttendees).values([...new Set(userIds)].map((userId) => ({ workspaceId, seriesId, userId })));
  },

  async attendeeIds(db: DbOrTx, workspaceId: string, seriesIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!seriesIds.length) return out;
    const rows = await db
      .select()
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.workspaceId, workspaceId), inArray(meetingAttendees.seriesId, [...seriesIds])));
    for (const r of rows) out.set(r.seriesId, [...(out.get(r.seriesId) ?? []), r.userId]);
    return out;
  },

  async occurrences(db: DbOrTx, workspaceId: string, seriesId: string): Promise<OccurrenceRow[]> {
    return db
      .select()
      .from(meetingOccurrences)
      .where(and(eq(meetingOccurrences.workspaceId, workspaceId), eq(meetingOccurrences.seriesId, seriesId)))
      .orderBy(asc(meetingOccurrences.seq));
  },

  /** The stored occurrence `seq` of a series, if stored (a read: never creates it). */
  async occurrence(db: DbOrTx, workspaceId: string, seriesId: string, seq: number): Promise<OccurrenceRow | undefined> {
    const [row] = await db
      .select()
      .from(meetingOccurrences)
      .where(and(eq(meetingOccurrences.workspaceId, workspaceId), eq(meetingOccurrences.seriesId, seriesId), eq(meetingOccurrences.seq, seq)));
    return row;
  },

  /** The stored occurrence, created if not stored yet (by a change, a new series, a held meeting); locked for the caller's transaction. */
  async ensureOccurrence(db: DbOrTx, workspaceId: string, seriesId: string, seq: number, startsAt: Date): Promise<OccurrenceRow> {
    await db.insert(meetingOccurrences).values({ workspaceId, seriesId, seq, startsAt }).onConflictDoNothing();
    const [row] = await db
      .select()
      .from(meetingOccurrences)
      .where(and(eq(meetingOccurrences.workspaceId, workspaceId), eq(meetingOccurrences.seriesId, seriesId), eq(meetingOccurrences.seq, seq)))
      .for('update');
    return row!;
  },

  async updateOccurrence(db: DbOrTx, workspaceId: string, id: string, set: Partial<Pick<OccurrenceRow, 'publishedAt' | 'publishedByUserId' | 'heldAt'>>) {
    await db.update(meetingOccurrences).set(set).where(and(eq(meetingOccurrences.workspaceId, workspaceId), eq(meetingOccurrences.id, id)));
  },

  async agendaItems(db: DbOrTx, workspaceId: string, occurrenceId: string): Promise<AgendaItemRow[]> {
    return db
      .select()
      .from(meetingAgendaItems)
      .where(and(eq(meetingAgendaItems.workspaceId, workspaceId), eq(meetingAgendaItems.occurrenceId, occurrenceId)))
      .orderBy(asc(meetingAgendaItems.position), asc(meetingAgendaItems.createdAt));
  },

  async insertAgendaItems(db: DbOrTx, rows: (typeof meetingAgendaItems.$inferInsert)[]) {
    if (rows.length) await db.insert(meetingAgendaItems).values(rows).onConflictDoNothing();
  },

  async updateAgendaItem(db: DbOrTx, workspaceId: string, id: string, set: Partial<Pick<AgendaItemRow, 'title' | 'why' | 'notes' | 'hidden' | 'position'>>) {
    await db.update(meetingAgendaItems).set(set).where(and(eq(meetingAgendaItems.workspaceId, workspaceId), eq(meetingAgendaItems.id, id)));
  },

  async deleteAgendaItems(db: DbOrTx, workspaceId: string, ids: readonly string[]) {
    if (ids.length) await db.delete(meetingAgendaItems).where(and(eq(meetingAgendaItems.workspaceId, workspaceId), inArray(meetingAgendaItems.id, [...ids])));
  },

  async attendance(db: DbOrTx, workspaceId: string, occurrenceId: string) {
    return db
      .select()
      .from(meetingAttendance)
      .where(and(eq(meetingAttendance.workspaceId, workspaceId), eq(meetingAttendance.occurrenceId, occurrenceId)));
  },

  async setAttendance(db: DbOrTx, workspaceId: string, occurrenceId: string, rows: { userId: string; present: boolean }[]) {
    await db.delete(meetingAttendance).where(and(eq(meetingAttendance.workspaceId, workspaceId), eq(meetingAttendance.occurrenceId, occurrenceId)));
    if (rows.length) await db.insert(meetingAttendance).values(rows.map((r) => ({ workspaceId, occurrenceId, ...r })));
  },

  async insertActionItem(db: DbOrTx, values: typeof meetingActionItems.$inferInsert): Promise<ActionItemRow> {
    const [row] = await db.insert(meetingActionItems).values(values).returning();
    return row!;
  },

  async actionItem(db: DbOrTx, workspaceId: string, id: string): Promise<ActionItemRow | undefined> {
    const [row] = await db
      .select()
      .from(meetingActionItems)
      .where(and(eq(meetingActionItems.workspaceId, workspaceId), eq(meetingActionItems.id, id)))
      .for('update');
    return row;
  },

  async setActionItemDone(db: DbOrTx, workspaceId: string, id: string, doneAt: Date | null): Promise<ActionItemRow> {
    const [row] = await db
      .update(meetingActionItems)
      .set({ doneAt })
      .where(and(eq(meetingActionItems.workspaceId, workspaceId), eq(meetingActionItems.id, id)))
      .returning();
    return row!;
  },

  async actionItemsOf(db: DbOrTx, workspaceId: string, occurrenceId: string): Promise<ActionItemRow[]> {
    return db
      .select()
      .from(meetingActionItems)
      .where(and(eq(meetingActionItems.workspaceId, workspaceId), eq(meetingActionItems.occurrenceId, occurrenceId)))
      .orderBy(asc(meetingActionItems.createdAt));
  },

  async actionItemsById(db: DbOrTx, workspaceId: string, ids: readonly string[]): Promise<ActionItemRow[]> {
    if (!ids.length) return [];
    return db.select().from(meetingActionItems).where(and(eq(meetingActionItems.workspaceId, workspaceId), inArray(meetingActionItems.id, [...ids])));
  },

  // — what the agenda is generated from (themes, decisions and goals through their modules' index.ts: agenda.ts) —

  /** Action items of the series agreed before occurrence `seq` and not done at `at`. */
  async openActionItems(db: DbOrTx, workspaceId: string, seriesId: string, seq: number, at: Date) {
    return rowsOf<{ id: string; title: string; owner_name: string; due_on: string; seq: number }>(
      await db.execute(sql`
        select a.id, a.title, u.name as owner_name, a.due_on::text as due_on, a.seq
        from meeting_action_items a join users u on u.id = a.owner_user_id
        where a.workspace_id = ${workspaceId} and a.series_id = ${seriesId} and a.seq < ${seq}
          and (a.done_at is null or a.done_at > ${at})
        order by a.due_on, a.created_at`),
    );
  },

  // — metrics —

  /** Action items due in [from, to] (days), done by the end of their due day (UTC) or not; by the owner's team when asked. */
  async actionItemsDue(db: DbOrTx, workspaceId: string, from: string, to: string, by: TeamScope = {}) {
    return rowsOf<TeamCount>(
      await db.execute(sql`
        select ${by.groupByTeam ? sql`t.id::text as key, t.name as label,` : sql`null as key, null as label,`}
               count(*)::int as denominator,
               count(*) filter (where a.done_at is not null and a.done_at < (a.due_on + 1)::timestamp at time zone 'UTC')::int as numerator
        from meeting_action_items a ${by.groupByTeam ? teamJoin(workspaceId, sql`a.owner_user_id`) : sql``}
        where a.workspace_id = ${workspaceId} and a.due_on between ${from}::date and ${to}::date${inTeam(workspaceId, sql`a.owner_user_id`, by.team)}
        ${by.groupByTeam ? sql`group by 1, 2` : sql``}`),
    );
  },

  /** Occurrences held (attendance kept) that start in [from, to), with their number in the series. */
  async heldOccurrences(db: DbOrTx, workspaceId: string, from: Date, to: Date) {
    return rowsOf<{ id: string; series_id: string; seq: number; starts_at: Date | string }>(
      await db.execute(sql`
        select id, series_id, seq, starts_at from meeting_occurrences
        where workspace_id = ${workspaceId} and held_at is not null and starts_at >= ${from} and starts_at < ${to}`),
    );
  },

  /** Attendance kept at the occurrences held that start in [from, to): present of those kept; by the person's team when asked. */
  async attendanceCounts(db: DbOrTx, workspaceId: string, from: Date, to: Date, by: TeamScope = {}) {
    return rowsOf<TeamCount>(
      await db.execute(sql`
        select ${by.groupByTeam ? sql`t.id::text as key, t.name as label,` : sql`null as key, null as label,`}
               count(*)::int as denominator, count(*) filter (where at.present)::int as numerator
        from meeting_attendance at
        join meeting_occurrences o on o.workspace_id = at.workspace_id and o.id = at.occurrence_id
        ${by.groupByTeam ? teamJoin(workspaceId, sql`at.user_id`) : sql``}
        where at.workspace_id = ${workspaceId} and o.held_at is not null and o.starts_at >= ${from} and o.starts_at < ${to}${inTeam(workspaceId, sql`at.user_id`, by.team)}
        ${by.groupByTeam ? sql`group by 1, 2` : sql``}`),
    );
  },

  async attendanceOf(db: DbOrTx, workspaceId: string, occurrenceIds: readonly string[]) {
    if (!occurrenceIds.length) return [];
    return db
      .select({ occurrenceId: meetingAttendance.occurrenceId, userId: meetingAttendance.userId, present: meetingAttendance.present, role: memberships.role })
      .from(meetingAttendance)
      .innerJoin(memberships, and(eq(memberships.workspaceId, meetingAttendance.workspaceId), eq(memberships.userId, meetingAttendance.userId)))
      .where(and(eq(meetingAttendance.workspaceId, workspaceId), inArray(meetingAttendance.occurrenceId, [...occurrenceIds])));
  },
};
