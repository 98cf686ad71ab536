import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { workspaceMembers } from '../workspaces/index.ts';
import { alignmentSettings, alignmentSnapshots, pulseParticipants, pulseResponses, pulses } from './tables.ts';

export type PulseRow = typeof pulses.$inferSelect;
export type SettingsRow = typeof alignmentSettings.$inferSelect;
export type ResponseRow = Pick<typeof pulseResponses.$inferSelect, 'side' | 'role' | 'answers' | 'comment'>;
export type SnapshotRow = typeof alignmentSnapshots.$inferSelect;

/** The only file of the alignment module that speaks Drizzle. */
export const alignmentRepository = {
  async settings(db: DbOrTx, workspaceId: string): Promise<SettingsRow | undefined> {
    const [row] = await db.select().from(alignmentSettings).where(eq(alignmentSettings.workspaceId, workspaceId));
    return row;
  },

  async saveSettings(db: DbOrTx, workspaceId: string, set: Partial<Omit<typeof alignmentSettings.$inferInsert, 'workspaceId'>>) {
    await db
      .insert(alignmentSettings)
      .values({ workspaceId, ...set })
      .onConflictDoUpdate({ target: alignmentSettings.workspaceId, set: { ...set, updatedAt: sql`now()` } });
  },

  async pulses(db: DbOrTx, workspaceId: string): Promise<PulseRow[]> {
    return db.select().from(pulses).where(eq(pulses.workspaceId, workspaceId)).orderBy(desc(pulses.number));
  },

  async pulse(db: DbOrTx, workspaceId: string, id: string, lock = false): Promise<PulseRow | undefined> {
    const q = db.select().from(pulses).where(and(eq(pulses.workspaceId, workspaceId), eq(pulses.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  async insertPulse(db: DbOrTx, values: Omit<typeof pulses.$inferInsert, 'number'>): Promise<PulseRow> {
    const [row] = await db
      .insert(pulses)
      .values({ ...values, number: sql`(select coalesce(max(number), 0) + 1 from pulses where workspace_id = ${values.workspaceId})` })
      .returning();
    return row!;
  },

  async updatePulse(db: DbOrTx, workspaceId: string, id: string, set: Partial<Pick<PulseRow, 'closesAt' | 'invitedUserIds' | 'invitedAt' | 'remindedAt'>>) {
    const [row] = await db.update(pulses).set(set).where(and(eq(pulses.workspaceId, workspaceId), eq(pulses.id, id))).returning();
    return row!;
  },

  /** Pulses open at `now` whose invitation has not gone out yet (scheduled ones reaching their start). */
  async pulsesToInvite(db: DbOrTx, now: Date) {
    return db
      .select({ workspaceId: pulses.workspaceId, id: pulses.id })
      .from(pulses)
      .where(and(sql`${pulses.invitedAt} is null`, lte(pulses.opensAt, now), sql`${pulses.closesAt} > ${now}`));
  },

  /** Pulses closing within `withinMs` of `now`, invited and not reminded yet. */
  async pulsesToRemind(db: DbOrTx, now: Date, withinMs: number) {
    return db
      .select({ workspaceId: pulses.workspaceId, id: pulses.id })
      .from(pulses)
      .where(and(sql`${pulses.invitedAt} is not null`, sql`${pulses.remindedAt} is null`, sql`${pulses.closesAt} > ${now}`, lte(pulses.closesAt, new Date(now.getTime() + withinMs))));
  },

  /** Workspaces whose cadence is due: the latest pulse opened longer ago than the cadence (or none yet, with a cadence set). */
  async workspacesDueForPulse(db: DbOrTx, now: Date) {
    const r = await db.execute(sql`
      select s.workspace_id as "workspaceId" from alignment_settings s
      where s.cadence <> 'off' and not exists (
        select 1 from pulses p where p.workspace_id = s.workspace_id
          and p.opens_at > ${now}::timestamptz - (case s.cadence when 'monthly' then interval '1 month' else interval '3 months' end))`);
    return (r.rows as { workspaceId: string }[]).map((x) => x.workspaceId);
  },

  async participantTokens(db: DbOrTx, workspaceId: string, pulseId: string): Promise<Set<string>> {
    const rows = await db.select({ token: pulseParticipants.token }).from(pulseParticipants).where(and(eq(pulseParticipants.workspaceId, workspaceId), eq(pulseParticipants.pulseId, pulseId)));
    return new Set(rows.map((r) => r.token));
  },

  /** The participation record; false when this token already answered (a second answer). */
  async claimParticipation(db: DbOrTx, workspaceId: string, pulseId: string, token: string): Promise<boolean> {
    const rows = await db.insert(pulseParticipants).values({ workspaceId, pulseId, token }).onConflictDoNothing().returning({ token: pulseParticipants.token });
    return rows.length === 1;
  },

  async insertResponse(db: DbOrTx, values: Omit<typeof pulseResponses.$inferInsert, 'id'>) {
    await db.insert(pulseResponses).values(values);
  },

  async answeredCount(db: DbOrTx, workspaceId: string, pulseId: string): Promise<number> {
    const r = await db.execute(sql`select count(*)::int as n from pulse_participants where workspace_id = ${workspaceId} and pulse_id = ${pulseId}`);
    return (r.rows[0] as { n: number }).n;
  },

  /** A pulse's answers in no particular order (sorted by their content, so storage order says nothing either). */
  async responses(db: DbOrTx, workspaceId: string, pulseId: string): Promise<ResponseRow[]> {
    const rows = await db
      .select({ side: pulseResponses.side, role: pulseResponses.role, answers: pulseResponses.answers, comment: pulseResponses.comment })
      .from(pulseResponses)
      .where(and(eq(pulseResponses.workspaceId, workspaceId), eq(pulseResponses.pulseId, pulseId)));
    return rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  },

  /** Active members with their role (admins included). */
  async activeMembers(db: DbOrTx, workspaceId: string): Promise<{ userId: string; name: string; role: string }[]> {
    const { rows } = await workspaceMembers(db, workspaceId, { active: true, limit: 100_000 });
    return rows.map((m) => ({ userId: m.userId, name: m.name, role: m.role }));
  },

  /** Active marketing, sales-lead and sales members: the people a pulse asks. */
  async respondents(db: DbOrTx, workspaceId: string): Promise<{ userId: string; role: string }[]> {
    return (await this.activeMembers(db, workspaceId)).filter((m) => m.role !== 'admin').map((m) => ({ userId: m.userId, role: m.role }));
  },

  async snapshots(db: DbOrTx, workspaceId: string, since: string): Promise<SnapshotRow[]> {
    return db
      .select()
      .from(alignmentSnapshots)
      .where(and(eq(alignmentSnapshots.workspaceId, workspaceId), sql`${alignmentSnapshots.week} >= ${since}`))
      .orderBy(alignmentSnapshots.week);
  },

  /** When the week's row was last written (undefined: none yet). */
  async snapshotWrittenAt(db: DbOrTx, workspaceId: string, week: string): Promise<Date | undefined> {
    const [row] = await db
      .select({ at: alignmentSnapshots.createdAt })
      .from(alignmentSnapshots)
      .where(and(eq(alignmentSnapshots.workspaceId, workspaceId), eq(alignmentSnapshots.week, week)));
    return row?.at;
  },

  async saveSnapshot(db: DbOrTx, row: Omit<typeof alignmentSnapshots.$inferInsert, 'createdAt'>) {
    await db
      .insert(alignmentSnapshots)
      .values(row)
      .onConflictDoUpdate({ target: [alignmentSnapshots.workspaceId, alignmentSnapshots.week], set: { overall: row.overall, frictions: row.frictions, createdAt: sql`now()` } });
  },

  async workspaceIds(db: DbOrTx): Promise<string[]> {
    const r = await db.execute(sql`select id from workspaces`);
    return (r.rows as { id: string }[]).map((x) => x.id);
  },
};
