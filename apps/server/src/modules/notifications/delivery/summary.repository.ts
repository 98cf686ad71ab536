/**
 * What the daily summary of untriaged feedback reads and writes: the workspaces whose day has reached the summary
 * hour, feedback in no theme (the feedback module's table, read only), who triages, and the one row per day.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { untriagedSummaries } from '../tables.ts';

export const summaryRepository = {
  /** Workspaces without today's summary (the UTC day) once it is `hour` o'clock UTC or later, with that day. */
  async dueWorkspaces(db: DbOrTx, hour: number): Promise<{ workspaceId: string; day: string }[]> {
    const r = await db.execute<{ id: string; day: string }>(sql`
      select w.id, to_char((now() at time zone 'UTC')::date, 'YYYY-MM-DD') as day
      from workspaces w
      where extract(hour from now() at time zone 'UTC') >= ${hour}
        and not exists (select 1 from untriaged_summaries s
                        where s.workspace_id = w.id and s.day = (now() at time zone 'UTC')::date)
      order by w.id`);
    return r.rows.map((x) => ({ workspaceId: x.id, day: x.day }));
  },

  /** Claims the workspace's day; false when another run (or another worker) already has it. */
  async claimDay(db: DbOrTx, workspaceId: string, day: string, untriaged: number): Promise<boolean> {
    const rows = await db.insert(untriagedSummaries).values({ workspaceId, day, untriaged }).onConflictDoNothing().returning({ day: untriagedSummaries.day });
    return rows.length > 0;
  },

  async setEvent(db: DbOrTx, workspaceId: string, day: string, eventId: string) {
    await db.execute(sql`update untriaged_summaries set event_id = ${eventId}::uuid where workspace_id = ${workspaceId} and day = ${day}::date`);
  },

  /** Feedback in no theme: how many, how many arrived in the last day, and since when the oldest waits. */
  async untriaged(db: DbOrTx, workspaceId: string): Promise<{ untriaged: number; lastDay: number; oldestAt: Date | null }> {
    const r = await db.execute<{ n: number; last_day: number; oldest: string | null }>(sql`
      select count(*)::int as n,
             count(*) filter (where created_at > now() - interval '1 day')::int as last_day,
             min(created_at) as oldest
      from feedback_items where workspace_id = ${workspaceId} and theme_id is null`);
    const row = r.rows[0]!;
    return { untriaged: row.n, lastDay: row.last_day, oldestAt: row.oldest ? new Date(row.oldest) : null };
  },

  /** Active members who triage feedback (admins and marketing). */
  async triagers(db: DbOrTx, workspaceId: string): Promise<string[]> {
    const r = await db.execute<{ user_id: string }>(sql`
      select user_id from memberships where workspace_id = ${workspaceId} and active and role in ('admin', 'marketing') order by user_id`);
    return r.rows.map((x) => x.user_id);
  },
};
