import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Role } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { after } from '../../../db/keyset.ts';
import { memberships, teamMembers, teams, users, workspaces } from '../tables.ts';

export type WorkspaceRow = typeof workspaces.$inferSelect;

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/**
 * The members list's queries as named prepared statements (parsed and planned once per connection):
 * the unfiltered count and first page (what the members page and API clients ask most), and the
 * teams of a page's people. One set per database handle; readTenant keeps one handle per connection.
 */
const memberListStatements = new WeakMap<DbOrTx, ReturnType<typeof prepareMemberList>>();
const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  active: memberships.active,
  joinedAt: memberships.createdAt,
};
function prepareMemberList(db: DbOrTx) {
  const workspaceId = sql.placeholder('workspaceId');
  return {
    total: db
      .select({ total: count() })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, workspaceId))
      .prepare('tandem_members_total'),
    firstPage: db
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, workspaceId))
      .orderBy(asc(users.name), asc(users.id))
      .limit(sql.placeholder('limit'))
      .prepare('tandem_members_first_page'),
    teams: db
      .select({ userId: teamMembers.userId, id: teams.id, name: teams.name })
      .from(teamMembers)
      .innerJoin(teams, and(eq(teams.workspaceId, teamMembers.workspaceId), eq(teams.id, teamMembers.teamId)))
      .where(and(eq(teamMembers.workspaceId, workspaceId), sql`${teamMembers.userId} = any(${sql.placeholder('userIds')})`))
      .orderBy(teams.name)
      .prepare('tandem_members_teams'),
  };
}
function memberList(db: DbOrTx) {
  let s = memberListStatements.get(db);
  if (!s) memberListStatements.set(db, (s = prepareMemberList(db)));
  return s;
}

/** Workspaces and memberships. */
export const workspacesRepository = {
  /** The workspace of this slug with the user's membership, if any: what every signed-in workspace request checks. */
  /** Every workspace's id and slug (the CLI picks the only one when none is named). */
  async allSlugs(db: DbOrTx) {
    return db.select({ id: workspaces.id, slug: workspaces.slug }).from(workspaces).orderBy(workspaces.slug);
  },

  async bySlug(db: DbOrTx, slug: string) {
    const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
    return row;
  },
  async byId(db: DbOrTx, id: string) {
    const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
    return row;
  },
  async insert(db: DbOrTx, w: { slug: string; name: string; baseCurrency: string; fiscalYearStartMonth: number }) {
    const [row] = await db.insert(workspaces).values(w).onConflictDoNothing().returning();
    return row;
  },
  async update(db: DbOrTx, id: string, patch: Partial<Pick<WorkspaceRow, 'name' | 'baseCurrency' | 'fiscalYearStartMonth'>>) {
    const [row] = await db
      .update(workspaces)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(workspaces.id, id))
      .returning();
    return row;
  },
  async count(db: DbOrTx) {
    const [r] = await db.select({ n: count() }).from(workspaces);
    return r?.n ?? 0;
  },

  async membership(db: DbOrTx, workspaceId: string, userId: string) {
    const [row] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    return row;
  },
  async isAdminAnywhere(db: DbOrTx, userId: string) {
    const [r] = await db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.role, 'admin'), eq(memberships.active, true)));
    return (r?.n ?? 0) > 0;
  },
  async insertMembership(db: DbOrTx, m: { workspaceId: string; userId: string; role: Role }) {
    await db
      .insert(memberships)
      .values(m)
      .onConflictDoUpdate({
        target: [memberships.workspaceId, memberships.userId],
        set: { role: m.role, active: true, updatedAt: new Date() },
      });
  },
  async updateMembership(db: DbOrTx, workspaceId: string, userId: string, patch: { role?: Role; active?: boolean }) {
    const [row] = await db
      .update(memberships)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
      .returning();
    return row;
  },
  /** How many of the target's workspaces the issuer is not an active admin of (any workspace, so: the system handle). */
  async workspacesBeyondAdmin(db: DbOrTx, targetUserId: string, issuerUserId: string) {
    const [r] = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from ${memberships} t
       where t.user_id = ${targetUserId}
         and not exists (select 1 from ${memberships} i
                          where i.workspace_id = t.workspace_id and i.user_id = ${issuerUserId}
                            and i.role = 'admin' and i.active)`).then((x) => x.rows);
    return r?.n ?? 0;
  },
  async countActiveAdmins(db: DbOrTx, workspaceId: string) {
    const [r] = await db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'admin'), eq(memberships.active, true)));
    return r?.n ?? 0;
  },

  /** One page of members (name order) with the teams each is in. */
  async listMembers(
    db: DbOrTx,
    workspaceId: string,
    f: { q?: string; role?: Role; active?: boolean; after?: { name: string; id: string }; limit: number; userId?: string },
  ) {
    const statements = memberList(db);
    if (!f.userId && !f.role && f.active === undefined && !f.q && !f.after) {
      const [{ total } = { total: 0 }] = await statements.total.execute({ workspaceId });
      const rows = await statements.firstPage.execute({ workspaceId, limit: f.limit + 1 });
      const userIds = rows.map((r) => r.userId);
      const teamRows = userIds.length ? await statements.teams.execute({ workspaceId, userIds }) : [];
      return { rows, total, teamRows };
    }
    const where = [eq(memberships.workspaceId, workspaceId)];
    if (f.userId) where.push(eq(memberships.userId, f.userId));
    if (f.role) where.push(eq(memberships.role, f.role));
    if (f.active !== undefined) where.push(eq(memberships.active, f.active));
    if (f.q) {
      const pat = `%${escapeLike(f.q)}%`;
      where.push(or(ilike(users.name, pat), ilike(users.email, pat))!);
    }
    const [{ total } = { total: 0 }] = await db
      .select({ total: count() })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(...where));
    if (f.after) where.push(after('asc', [users.name, users.id], [f.after.name, f.after.id]));
    const rows = await db
      .select(memberColumns)
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(...where))
      .orderBy(asc(users.name), asc(users.id))
      .limit(f.limit + 1);
    const userIds = rows.map((r) => r.userId);
    const teamRows = userIds.length ? await statements.teams.execute({ workspaceId, userIds }) : [];
    return { rows, total, teamRows };
  },
};
