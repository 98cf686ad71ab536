import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DecisionPhase, DecisionStance, Role } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { themes } from '../feedback/tables.ts';
import { goals } from '../goals/tables.ts';
import { assets } from '../library/tables.ts';
import { memberships, teamMembers, teams, users } from '../workspaces/tables.ts';
import { decisionInputs, decisionLinks, decisionOutcomes, decisions, decisionStakeholders } from './tables.ts';

export type DecisionRow = typeof decisions.$inferSelect;
export type DecisionUpdate = Partial<Omit<typeof decisions.$inferInsert, 'workspaceId' | 'id'>>;
export type OutcomeRow = typeof decisionOutcomes.$inferSelect;
export type StakeholderInsert = typeof decisionStakeholders.$inferInsert;
export type LinkType = (typeof decisionLinks.$inferSelect)['targetType'];
export interface Member {
  userId: string;
  name: string;
  role: Role;
  active: boolean;
  timeZone: string;
}
export interface ListFilter {
  q?: string;
  kinds?: readonly string[];
  phases?: readonly DecisionPhase[];
  ownerUserId?: string;
  themeId?: string;
  offset: number;
  limit: number;
}

const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The phase filter in SQL over `decisions d`, the same rule as `phaseOf` (decision-window.ts). */
function phaseCondition(phase: DecisionPhase, now: Date): SQL {
  switch (phase) {
    case 'decided':
      return sql`d.status = 'decided'`;
    case 'collecting_input':
      return sql`(d.status = 'open' and d.input_closes_at > ${now})`;
    case 'awaiting_decision':
      return sql`(d.status = 'open' and d.input_closes_at <= ${now})`;
    default: {
      const never: never = phase;
      throw new Error(`unknown phase ${String(never)}`);
    }
  }
}

/** The only file of the decisions module that speaks Drizzle. */
export const decisionsRepository = {
  async byId(db: DbOrTx, workspaceId: string, id: string, lock = false): Promise<DecisionRow | undefined> {
    const q = db.select().from(decisions).where(and(eq(decisions.workspaceId, workspaceId), eq(decisions.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  async insert(db: DbOrTx, values: typeof decisions.$inferInsert): Promise<DecisionRow> {
    const [row] = await db.insert(decisions).values(values).returning();
    return row!;
  },

  async update(db: DbOrTx, workspaceId: string, id: string, set: DecisionUpdate): Promise<DecisionRow> {
    const [row] = await db
      .update(decisions)
      .set({ ...set, updatedAt: sql`clock_timestamp()` })
      .where(and(eq(decisions.workspaceId, workspaceId), eq(decisions.id, id)))
      .returning();
    return row!;
  },

  /** Members by id (all of the workspace when `userIds` is left out), with role, time zone and whether active. */
  async members(db: DbOrTx, workspaceId: string, userIds?: readonly string[]): Promise<Map<string, Member>> {
    if (userIds && !userIds.length) return new Map();
    const rows = await db
      .select({ userId: memberships.userId, name: users.name, role: memberships.role, active: memberships.active, timeZone: users.timeZone })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), userIds ? inArray(memberships.userId, [...new Set(userIds)]) : undefined))
      .orderBy(asc(users.name));
    return new Map(rows.map((r) => [r.userId, r]));
  },

  /** Teams with their lead and members (all of them when `teamIds` is left out). */
  async teams(db: DbOrTx, workspaceId: string, teamIds?: readonly string[]) {
    if (teamIds && !teamIds.length) return [];
    const rows = await db
      .select({
        teamId: teams.id,
        name: teams.name,
        leadUserId: teams.leadUserId,
        memberIds: sql<string[]>`coalesce(array_agg(${teamMembers.userId}) filter (where ${teamMembers.userId} is not null), '{}')`,
      })
      .from(teams)
      .leftJoin(teamMembers, and(eq(teamMembers.workspaceId, teams.workspaceId), eq(teamMembers.teamId, teams.id)))
      .where(and(eq(teams.workspaceId, workspaceId), teamIds ? inArray(teams.id, [...new Set(teamIds)]) : undefined))
      .groupBy(teams.id, teams.name, teams.leadUserId)
      .orderBy(asc(teams.name));
    return rows;
  },

  async addStakeholders(db: DbOrTx, rows: readonly StakeholderInsert[]) {
    if (!rows.length) return;
    await db.insert(decisionStakeholders).values([...rows]).onConflictDoNothing();
  },

  async stakeholders(db: DbOrTx, workspaceId: string, decisionId: string) {
    return db
      .select({
        userId: decisionStakeholders.userId,
        name: users.name,
        role: memberships.role,
        via: decisionStakeholders.via,
        viaLabel: decisionStakeholders.viaLabel,
      })
      .from(decisionStakeholders)
      .innerJoin(users, eq(users.id, decisionStakeholders.userId))
      .innerJoin(memberships, and(eq(memberships.workspaceId, decisionStakeholders.workspaceId), eq(memberships.userId, decisionStakeholders.userId)))
      .where(and(eq(decisionStakeholders.workspaceId, workspaceId), eq(decisionStakeholders.decisionId, decisionId)))
      .orderBy(asc(users.name));
  },

  async isStakeholder(db: DbOrTx, workspaceId: string, decisionId: string, userId: string): Promise<boolean> {
    const [row] = await db
      .select({ userId: decisionStakeholders.userId })
      .from(decisionStakeholders)
      .where(and(eq(decisionStakeholders.workspaceId, workspaceId), eq(decisionStakeholders.decisionId, decisionId), eq(decisionStakeholders.userId, userId)));
    return !!row;
  },

  /** Every input of the decision, every round. */
  async inputs(db: DbOrTx, workspaceId: string, decisionId: string) {
    return db
      .select()
      .from(decisionInputs)
      .where(and(eq(decisionInputs.workspaceId, workspaceId), eq(decisionInputs.decisionId, decisionId)))
      .orderBy(asc(decisionInputs.round), asc(decisionInputs.createdAt));
  },

  /** Gives or changes one person's input in a round; `at` is the service's clock. */
  async upsertInput(db: DbOrTx, row: { workspaceId: string; decisionId: string; round: number; userId: string; stance: DecisionStance; comment: string; at: Date }) {
    const { at, ...values } = row;
    await db
      .insert(decisionInputs)
      .values({ ...values, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: [decisionInputs.workspaceId, decisionInputs.decisionId, decisionInputs.round, decisionInputs.userId],
        set: { stance: values.stance, comment: values.comment, updatedAt: at },
      });
  },

  async insertOutcome(db: DbOrTx, row: typeof decisionOutcomes.$inferInsert) {
    await db.insert(decisionOutcomes).values(row);
  },

  async outcomes(db: DbOrTx, workspaceId: string, decisionId: string): Promise<OutcomeRow[]> {
    return db
      .select()
      .from(decisionOutcomes)
      .where(and(eq(decisionOutcomes.workspaceId, workspaceId), eq(decisionOutcomes.decisionId, decisionId)))
      .orderBy(desc(decisionOutcomes.round));
  },

  async markReopened(db: DbOrTx, workspaceId: string, decisionId: string, round: number, set: { at: Date; userId: string | null; reason: string }) {
    await db
      .update(decisionOutcomes)
      .set({ reopenedAt: set.at, reopenedByUserId: set.userId, reopenReason: set.reason })
      .where(and(eq(decisionOutcomes.workspaceId, workspaceId), eq(decisionOutcomes.decisionId, decisionId), eq(decisionOutcomes.round, round)));
  },

  /** The decision's links with each target's title; a target deleted since is left out. */
  async links(db: DbOrTx, workspaceId: string, decisionId: string) {
    const result = await db.execute(sql`
      select l.target_type as type, l.target_id as id, coalesce(t.name, a.title, g.title) as title
      from decision_links l
      left join themes t on l.target_type = 'theme' and t.workspace_id = l.workspace_id and t.id = l.target_id
      left join assets a on l.target_type = 'asset' and a.workspace_id = l.workspace_id and a.id = l.target_id
      left join goals g on l.target_type = 'goal' and g.workspace_id = l.workspace_id and g.id = l.target_id
      where l.workspace_id = ${workspaceId} and l.decision_id = ${decisionId}
        and coalesce(t.name, a.title, g.title) is not null
      order by l.target_type, 3`);
    return result.rows as { type: LinkType; id: string; title: string }[];
  },

  async replaceLinks(db: DbOrTx, workspaceId: string, decisionId: string, links: readonly { targetType: LinkType; targetId: string }[]) {
    await db.delete(decisionLinks).where(and(eq(decisionLinks.workspaceId, workspaceId), eq(decisionLinks.decisionId, decisionId)));
    if (links.length) await db.insert(decisionLinks).values(links.map((l) => ({ workspaceId, decisionId, ...l }))).onConflictDoNothing();
  },

  /** Which of these ids are targets of the type in this workspace (themes not merged away, assets, goals not archived). */
  async existingTargets(db: DbOrTx, workspaceId: string, type: LinkType, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const unique = [...new Set(ids)];
    const rows =
      type === 'theme'
        ? await db.select({ id: themes.id }).from(themes).where(and(eq(themes.workspaceId, workspaceId), inArray(themes.id, unique)))
        : type === 'asset'
          ? await db.select({ id: assets.id }).from(assets).where(and(eq(assets.workspaceId, workspaceId), inArray(assets.id, unique)))
          : await db.select({ id: goals.id }).from(goals).where(and(eq(goals.workspaceId, workspaceId), inArray(goals.id, unique)));
    return new Set(rows.map((r) => r.id));
  },

  /** Themes and assets by exact name or title (the demo links its decisions by name), the first of each name. */
  async targetsNamed(db: DbOrTx, workspaceId: string, names: readonly string[]) {
    if (!names.length) return [];
    const list = sql.join([...new Set(names)].map((n) => sql`${n}`), sql`, `);
    const result = await db.execute(sql`
      (select distinct on (name) 'theme' as type, id, name as title from themes where workspace_id = ${workspaceId} and merged_into_id is null and name in (${list}) order by name, created_at)
      union all
      (select distinct on (title) 'asset', id, title from assets where workspace_id = ${workspaceId} and status <> 'archived' and title in (${list}) order by title, created_at)`);
    return result.rows as { type: LinkType; id: string; title: string }[];
  },

  /** What can be linked: the newest 200 of each kind. */
  async linkOptions(db: DbOrTx, workspaceId: string) {
    const result = await db.execute(sql`
      (select 'theme' as type, id, name as title from themes where workspace_id = ${workspaceId} and merged_into_id is null order by updated_at desc limit 200)
      union all
      (select 'asset', id, title from assets where workspace_id = ${workspaceId} and status <> 'archived' order by updated_at desc limit 200)
      union all
      (select 'goal', id, title from goals where workspace_id = ${workspaceId} and archived_at is null order by period_end desc limit 200)`);
    return result.rows as { type: LinkType; id: string; title: string }[];
  },

  /** The log: one row per decision with its owner, stakeholder count, the current round's stances and outcome. */
  async list(db: DbOrTx, workspaceId: string, callerId: string | null, f: ListFilter, now: Date) {
    const conditions: SQL[] = [sql`d.workspace_id = ${workspaceId}`];
    if (f.q) conditions.push(sql`(d.title ilike ${likeText(f.q)} or d.context ilike ${likeText(f.q)} or array_to_string(d.options, ' ') ilike ${likeText(f.q)})`);
    if (f.kinds?.length) conditions.push(sql`d.kind in (${sql.join(f.kinds.map((k) => sql`${k}`), sql`, `)})`);
    if (f.ownerUserId) conditions.push(sql`d.owner_user_id = ${f.ownerUserId}`);
    if (f.themeId) conditions.push(sql`exists (select 1 from decision_links l where l.workspace_id = d.workspace_id and l.decision_id = d.id and l.target_type = 'theme' and l.target_id = ${f.themeId})`);
    if (f.phases?.length) conditions.push(sql`(${sql.join(f.phases.map((p) => phaseCondition(p, now)), sql` or `)})`);
    const where = sql.join(conditions, sql` and `);
    const total = await db.execute(sql`select count(*)::int as n from decisions d where ${where}`);
    const result = await db.execute(sql`
      select d.id, d.title, d.kind, d.status, d.round, d.input_closes_at, d.decide_by::text as decide_by, d.created_at,
             d.owner_user_id, u.name as owner_name,
             (select count(*)::int from decision_stakeholders s where s.workspace_id = d.workspace_id and s.decision_id = d.id) as stakeholder_count,
             (select count(*)::int from decision_inputs i where i.workspace_id = d.workspace_id and i.decision_id = d.id and i.round = d.round and i.stance = 'support') as support,
             (select count(*)::int from decision_inputs i where i.workspace_id = d.workspace_id and i.decision_id = d.id and i.round = d.round and i.stance = 'concern') as concern,
             (select count(*)::int from decision_inputs i where i.workspace_id = d.workspace_id and i.decision_id = d.id and i.round = d.round and i.stance = 'object') as object,
             o.chosen_option, o.decided_at,
             (${callerId}::uuid is not null
               and exists (select 1 from decision_stakeholders s where s.workspace_id = d.workspace_id and s.decision_id = d.id and s.user_id = ${callerId}::uuid)
               and not exists (select 1 from decision_inputs i where i.workspace_id = d.workspace_id and i.decision_id = d.id and i.round = d.round and i.user_id = ${callerId}::uuid)) as asked_me
      from decisions d
      join users u on u.id = d.owner_user_id
      left join decision_outcomes o on o.workspace_id = d.workspace_id and o.decision_id = d.id and o.round = d.round
      where ${where}
      order by d.created_at desc, d.id
      limit ${f.limit} offset ${f.offset}`);
    return { total: Number((total.rows[0] as { n: number } | undefined)?.n ?? 0), rows: result.rows as unknown as ListRow[] };
  },

  // — reminders —

  /** Workspaces with a decision collecting input (system handle: before any workspace is known). */
  async workspacesCollectingInput(db: DbOrTx, now: Date): Promise<string[]> {
    const rows = await db
      .selectDistinct({ workspaceId: decisions.workspaceId })
      .from(decisions)
      .where(and(eq(decisions.status, 'open'), sql`${decisions.inputClosesAt} > ${now}`));
    return rows.map((r) => r.workspaceId);
  },

  /**
   * Claims the reminders due: stakeholders (active members) of decisions closing within `withinMs` who have not
   * answered this round and were not reminded this round. The update is the claim: a second pass finds nothing.
   */
  async claimReminders(db: DbOrTx, workspaceId: string, now: Date, withinMs: number) {
    const until = new Date(now.getTime() + withinMs);
    const result = await db.execute(sql`
      update decision_stakeholders s set reminded_round = d.round
      from decisions d, memberships m
      where s.workspace_id = ${workspaceId} and d.workspace_id = s.workspace_id and d.id = s.decision_id
        and m.workspace_id = s.workspace_id and m.user_id = s.user_id and m.active
        and d.status = 'open' and d.input_closes_at > ${now} and d.input_closes_at <= ${until}
        and s.reminded_round is distinct from d.round
        and not exists (select 1 from decision_inputs i where i.workspace_id = s.workspace_id and i.decision_id = s.decision_id and i.round = d.round and i.user_id = s.user_id)
      returning s.decision_id, s.user_id, d.title, d.input_closes_at`);
    return (result.rows as { decision_id: string; user_id: string; title: string; input_closes_at: Date | string }[]).map((r) => ({
      decisionId: r.decision_id,
      userId: r.user_id,
      title: r.title,
      inputClosesAt: new Date(r.input_closes_at),
    }));
  },

  // — the scorecard —

  /**
   * Decisions whose outcome (the latest round's) was recorded in [from, to), and how many of them had input from a
   * sales member (sales rep or sales lead, by their role now) given before that outcome, in any round.
   */
  async involvement(db: DbOrTx, workspaceId: string, from: Date, to: Date) {
    const result = await db.execute(sql`
      select count(*)::int as denominator,
             count(*) filter (where exists (
               select 1 from decision_inputs i
               join memberships m on m.workspace_id = i.workspace_id and m.user_id = i.user_id
               where i.workspace_id = d.workspace_id and i.decision_id = d.id and i.updated_at < o.decided_at
                 and m.role in ('sales', 'sales_lead')))::int as numerator
      from decisions d
      join decision_outcomes o on o.workspace_id = d.workspace_id and o.decision_id = d.id and o.round = d.round
      where d.workspace_id = ${workspaceId} and d.status = 'decided' and o.decided_at >= ${from} and o.decided_at < ${to}`);
    const row = result.rows[0] as { numerator: number; denominator: number } | undefined;
    return { numerator: Number(row?.numerator ?? 0), denominator: Number(row?.denominator ?? 0) };
  },
};

export interface ListRow {
  id: string;
  title: string;
  kind: string;
  status: 'open' | 'decided';
  round: number;
  input_closes_at: Date | string;
  decide_by: string;
  created_at: Date | string;
  owner_user_id: string;
  owner_name: string;
  stakeholder_count: number;
  support: number;
  concern: number;
  object: number;
  chosen_option: string | null;
  decided_at: Date | string | null;
  asked_me: boolean;
}
