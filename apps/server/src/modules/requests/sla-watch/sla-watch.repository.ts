import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { OPEN_REQUEST_STATUSES } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { teamMembers, teams } from '../../workspaces/tables.ts';
import { requestActivity, requestRequesters, requests, requestSlaNotices } from '../tables.ts';

export type SlaClockName = 'first_response' | 'delivery';
export type SlaNoticeState = 'due_soon' | 'breached';
export interface SlaNotice {
  requestId: string;
  clock: SlaClockName;
  state: SlaNoticeState;
}

const OPEN = [...OPEN_REQUEST_STATUSES];

/** The watcher's reads and writes: open requests' clocks, the notices already sent, and who to tell. */
export const slaWatchRepository = {
  /** Workspaces with open requests (system handle: before any workspace is known). */
  async workspacesWithOpenRequests(db: DbOrTx): Promise<string[]> {
    const rows = await db.selectDistinct({ workspaceId: requests.workspaceId }).from(requests).where(inArray(requests.status, OPEN));
    return rows.map((r) => r.workspaceId);
  },

  async openRequests(db: DbOrTx, workspaceId: string) {
    return db
      .select({
        id: requests.id,
        number: requests.number,
        title: requests.title,
        type: requests.type,
        createdAt: requests.createdAt,
        firstRespondedAt: requests.firstRespondedAt,
        assigneeUserId: requests.assigneeUserId,
      })
      .from(requests)
      .where(and(eq(requests.workspaceId, workspaceId), inArray(requests.status, OPEN)));
  },

  /** Notices already sent for these requests, as `requestId:clock:state`. */
  async sentNotices(db: DbOrTx, workspaceId: string, requestIds: readonly string[]): Promise<Set<string>> {
    if (!requestIds.length) return new Set();
    const rows = await db
      .select({ requestId: requestSlaNotices.requestId, clock: requestSlaNotices.clock, state: requestSlaNotices.state })
      .from(requestSlaNotices)
      .where(and(eq(requestSlaNotices.workspaceId, workspaceId), inArray(requestSlaNotices.requestId, [...new Set(requestIds)])));
    return new Set(rows.map((r) => `${r.requestId}:${r.clock}:${r.state}`));
  },

  /** Records the notices; answers those this call recorded (another watcher may have sent the rest). */
  async claim(db: DbOrTx, workspaceId: string, notices: readonly SlaNotice[]): Promise<SlaNotice[]> {
    if (!notices.length) return [];
    return db
      .insert(requestSlaNotices)
      .values(notices.map((n) => ({ workspaceId, ...n })))
      .onConflictDoNothing()
      .returning({ requestId: requestSlaNotices.requestId, clock: requestSlaNotices.clock, state: requestSlaNotices.state });
  },

  /** The leads of the teams each request's requesters are in: request id → lead user ids. */
  async requesterLeads(db: DbOrTx, workspaceId: string, requestIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!requestIds.length) return out;
    const rows = await db
      .selectDistinct({ requestId: requestRequesters.requestId, leadUserId: teams.leadUserId })
      .from(requestRequesters)
      .innerJoin(teamMembers, and(eq(teamMembers.workspaceId, requestRequesters.workspaceId), eq(teamMembers.userId, requestRequesters.userId)))
      .innerJoin(teams, and(eq(teams.workspaceId, teamMembers.workspaceId), eq(teams.id, teamMembers.teamId)))
      .where(and(eq(requestRequesters.workspaceId, workspaceId), inArray(requestRequesters.requestId, [...new Set(requestIds)]), isNotNull(teams.leadUserId)));
    for (const r of rows) out.set(r.requestId, [...(out.get(r.requestId) ?? []), r.leadUserId!]);
    return out;
  },

  async addActivity(db: DbOrTx, rows: (typeof requestActivity.$inferInsert)[]) {
    if (rows.length) await db.insert(requestActivity).values(rows.map((r) => ({ ...r, at: r.at ?? sql`clock_timestamp()` })));
  },
};
