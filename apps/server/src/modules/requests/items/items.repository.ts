import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { accounts, deals } from '../../deals/tables.ts';
import { assets } from '../../library/tables.ts';
import { memberships, users } from '../../workspaces/tables.ts';
import { requestActivity, requestAttachments, requestComments, requestDeals, requestRequesters, requests } from '../tables.ts';

export type RequestRow = typeof requests.$inferSelect;
export type RequestUpdate = Partial<Omit<typeof requests.$inferInsert, 'workspaceId' | 'id' | 'number'>>;
export type AttachmentRow = typeof requestAttachments.$inferSelect;

/** The only file of the items feature that speaks Drizzle. */
export const itemsRepository = {
  /** The request row; `lock` takes it FOR UPDATE (a change serialises with other changes of the same request). */
  async byId(db: DbOrTx, workspaceId: string, id: string, lock = false): Promise<RequestRow | undefined> {
    const q = db.select().from(requests).where(and(eq(requests.workspaceId, workspaceId), eq(requests.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  /** The next running number; an advisory lock per workspace makes concurrent filings take turns. */
  async nextNumber(db: DbOrTx, workspaceId: string): Promise<number> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext('requests:number:' || ${workspaceId}))`);
    const [row] = await db
      .select({ n: sql<number>`coalesce(max(${requests.number}), 0)::int + 1` })
      .from(requests)
      .where(eq(requests.workspaceId, workspaceId));
    return Number(row?.n ?? 1);
  },

  async insert(db: DbOrTx, values: typeof requests.$inferInsert): Promise<RequestRow> {
    const [row] = await db.insert(requests).values(values).returning();
    return row!;
  },

  async update(db: DbOrTx, workspaceId: string, id: string, set: RequestUpdate): Promise<RequestRow> {
    const [row] = await db
      .update(requests)
      .set({ ...set, updatedAt: sql`clock_timestamp()` })
      .where(and(eq(requests.workspaceId, workspaceId), eq(requests.id, id)))
      .returning();
    return row!;
  },

  async requesterIds(db: DbOrTx, workspaceId: string, requestId: string): Promise<string[]> {
    const rows = await db
      .select({ userId: requestRequesters.userId })
      .from(requestRequesters)
      .where(and(eq(requestRequesters.workspaceId, workspaceId), eq(requestRequesters.requestId, requestId)))
      .orderBy(asc(requestRequesters.joinedAt), asc(requestRequesters.userId));
    return rows.map((r) => r.userId);
  },

  async addRequesters(db: DbOrTx, workspaceId: string, requestId: string, userIds: readonly string[]) {
    if (!userIds.length) return;
    await db
      .insert(requestRequesters)
      .values(userIds.map((userId) => ({ workspaceId, requestId, userId })))
      .onConflictDoNothing();
  },

  /** Of `ids`, the deals of this workspace (not removed), with their names. */
  async existingDeals(db: DbOrTx, workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await db
      .select({ id: deals.id, name: deals.name })
      .from(deals)
      .where(and(eq(deals.workspaceId, workspaceId), inArray(deals.id, [...new Set(ids)]), isNull(deals.removedAt)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async addDeals(db: DbOrTx, workspaceId: string, requestId: string, dealIds: readonly string[], addedByUserId: string | null) {
    if (!dealIds.length) return;
    await db
      .insert(requestDeals)
      .values([...new Set(dealIds)].map((dealId) => ({ workspaceId, requestId, dealId, addedByUserId })))
      .onConflictDoNothing();
  },

  /** The links `userId` added that are not in `keep` (an edit replaces the caller's own deals). */
  async removeOwnDeals(db: DbOrTx, workspaceId: string, requestId: string, userId: string | null, keep: readonly string[]) {
    const own = await db
      .select({ dealId: requestDeals.dealId })
      .from(requestDeals)
      .where(
        and(
          eq(requestDeals.workspaceId, workspaceId),
          eq(requestDeals.requestId, requestId),
          userId ? eq(requestDeals.addedByUserId, userId) : isNull(requestDeals.addedByUserId),
        ),
      );
    const drop = own.map((r) => r.dealId).filter((id) => !keep.includes(id));
    if (!drop.length) return 0;
    await db
      .delete(requestDeals)
      .where(and(eq(requestDeals.workspaceId, workspaceId), eq(requestDeals.requestId, requestId), inArray(requestDeals.dealId, drop)));
    return drop.length;
  },

  async dealLinks(db: DbOrTx, workspaceId: string, requestId: string) {
    return db
      .select({ dealId: requestDeals.dealId, addedByUserId: requestDeals.addedByUserId })
      .from(requestDeals)
      .where(and(eq(requestDeals.workspaceId, workspaceId), eq(requestDeals.requestId, requestId)));
  },

  /** The request's deals as its page shows them, with who linked each. */
  async dealsDetail(db: DbOrTx, workspaceId: string, requestId: string) {
    return db
      .select({
        dealId: deals.id,
        name: deals.name,
        accountName: accounts.name,
        amount: sql<number | null>`${deals.amount}::float8`,
        currency: deals.currency,
        amountBase: sql<number | null>`${deals.amountBase}::float8`,
        stage: deals.stage,
        stageCategory: deals.stageCategory,
        probability: deals.probability,
        closeDate: deals.closeDate,
        addedByUserId: requestDeals.addedByUserId,
        addedByName: users.name,
      })
      .from(requestDeals)
      .innerJoin(deals, and(eq(deals.workspaceId, requestDeals.workspaceId), eq(deals.id, requestDeals.dealId), isNull(deals.removedAt)))
      .leftJoin(accounts, and(eq(accounts.workspaceId, deals.workspaceId), eq(accounts.id, deals.accountId)))
      .leftJoin(users, eq(users.id, requestDeals.addedByUserId))
      .where(and(eq(requestDeals.workspaceId, workspaceId), eq(requestDeals.requestId, requestId)))
      .orderBy(asc(deals.name), asc(deals.id));
  },

  /** Requests linked to a deal (the list's `dealId` filter). */
  /** Requests whose title or description holds `text` (any case; no wildcards: `%` and `_` are themselves). */
  async requestIdsMatching(db: DbOrTx, workspaceId: string, text: string): Promise<Set<string>> {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await db
      .select({ id: requests.id })
      .from(requests)
      .where(and(eq(requests.workspaceId, workspaceId), sql`(${requests.title} ilike ${pattern} or ${requests.description} ilike ${pattern})`));
    return new Set(rows.map((r) => r.id));
  },

  async requestIdsOfDeal(db: DbOrTx, workspaceId: string, dealId: string): Promise<Set<string>> {
    const rows = await db
      .select({ id: requestDeals.requestId })
      .from(requestDeals)
      .where(and(eq(requestDeals.workspaceId, workspaceId), eq(requestDeals.dealId, dealId)));
    return new Set(rows.map((r) => r.id));
  },

  /** Requests `userId` filed or joined. */
  async requestIdsOfRequester(db: DbOrTx, workspaceId: string, userId: string): Promise<Set<string>> {
    const rows = await db
      .select({ id: requestRequesters.requestId })
      .from(requestRequesters)
      .where(and(eq(requestRequesters.workspaceId, workspaceId), eq(requestRequesters.userId, userId)));
    return new Set(rows.map((r) => r.id));
  },

  /** Members by id: name, role and whether active (people a change names or tells). */
  async members(db: DbOrTx, workspaceId: string, userIds: readonly string[]) {
    if (!userIds.length) return new Map<string, { name: string; role: string; active: boolean }>();
    const rows = await db
      .select({ userId: memberships.userId, name: users.name, role: memberships.role, active: memberships.active })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, [...new Set(userIds)])));
    return new Map(rows.map((r) => [r.userId, { name: r.name, role: r.role, active: r.active }]));
  },

  /** Who triages new requests: the active PMMs (role marketing); the active admins when the workspace has none. */
  async triagers(db: DbOrTx, workspaceId: string): Promise<string[]> {
    const rows = await db
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.active, true), inArray(memberships.role, ['marketing', 'admin'])));
    const pmms = rows.filter((r) => r.role === 'marketing');
    return (pmms.length ? pmms : rows).map((r) => r.userId);
  },

  /** Of `ids`, the library assets of this workspace (any status but archived), with title and type. */
  async libraryAssets(db: DbOrTx, workspaceId: string, ids: readonly string[]) {
    if (!ids.length) return new Map<string, { title: string; type: string; status: string }>();
    const rows = await db
      .select({ id: assets.id, title: assets.title, type: assets.type, status: assets.status })
      .from(assets)
      .where(and(eq(assets.workspaceId, workspaceId), inArray(assets.id, [...new Set(ids)])));
    return new Map(rows.map((r) => [r.id, { title: r.title, type: r.type, status: r.status }]));
  },

  /** The open requests' texts (similar requests while typing). */
  async openTexts(db: DbOrTx, workspaceId: string) {
    return db
      .select({ id: requests.id, type: requests.type, title: requests.title, description: requests.description })
      .from(requests)
      .where(and(eq(requests.workspaceId, workspaceId), inArray(requests.status, ['new', 'triaged', 'in_progress'])));
  },

  async mergedInto(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db
      .select({ id: requests.id, number: requests.number, title: requests.title })
      .from(requests)
      .where(and(eq(requests.workspaceId, workspaceId), eq(requests.id, id)));
    return row ?? null;
  },

  // — comments —
  async comments(db: DbOrTx, workspaceId: string, requestId: string) {
    return db
      .select({ id: requestComments.id, authorUserId: requestComments.authorUserId, authorName: users.name, body: requestComments.body, createdAt: requestComments.createdAt })
      .from(requestComments)
      .leftJoin(users, eq(users.id, requestComments.authorUserId))
      .where(and(eq(requestComments.workspaceId, workspaceId), eq(requestComments.requestId, requestId)))
      .orderBy(asc(requestComments.createdAt), asc(requestComments.id));
  },

  async insertComment(db: DbOrTx, values: typeof requestComments.$inferInsert) {
    const [row] = await db.insert(requestComments).values(values).returning();
    return row!;
  },

  async commenterIds(db: DbOrTx, workspaceId: string, requestId: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ userId: requestComments.authorUserId })
      .from(requestComments)
      .where(and(eq(requestComments.workspaceId, workspaceId), eq(requestComments.requestId, requestId)));
    return rows.map((r) => r.userId).filter((x): x is string => !!x);
  },

  // — activity —
  async insertActivity(db: DbOrTx, values: typeof requestActivity.$inferInsert) {
    await db.insert(requestActivity).values(values);
  },

  async activity(db: DbOrTx, workspaceId: string, requestId: string) {
    return db
      .select({ id: requestActivity.id, kind: requestActivity.kind, actorUserId: requestActivity.actorUserId, actorName: users.name, text: requestActivity.text, at: requestActivity.at })
      .from(requestActivity)
      .leftJoin(users, eq(users.id, requestActivity.actorUserId))
      .where(and(eq(requestActivity.workspaceId, workspaceId), eq(requestActivity.requestId, requestId)))
      .orderBy(asc(requestActivity.at), asc(requestActivity.id));
  },

  // — attachments —
  async attachments(db: DbOrTx, workspaceId: string, requestId: string) {
    return db
      .select({ row: requestAttachments, uploaderName: users.name })
      .from(requestAttachments)
      .leftJoin(users, eq(users.id, requestAttachments.uploadedByUserId))
      .where(and(eq(requestAttachments.workspaceId, workspaceId), eq(requestAttachments.requestId, requestId), isNull(requestAttachments.removedAt)))
      .orderBy(asc(requestAttachments.uploadedAt), asc(requestAttachments.id));
  },

  async attachment(db: DbOrTx, workspaceId: string, requestId: string, fileId: string): Promise<AttachmentRow | undefined> {
    const [row] = await db
      .select()
      .from(requestAttachments)
      .where(
        and(
          eq(requestAttachments.workspaceId, workspaceId),
          eq(requestAttachments.requestId, requestId),
          eq(requestAttachments.id, fileId),
          isNull(requestAttachments.removedAt),
        ),
      );
    return row;
  },

  async insertAttachment(db: DbOrTx, values: typeof requestAttachments.$inferInsert): Promise<AttachmentRow> {
    const [row] = await db.insert(requestAttachments).values(values).returning();
    return row!;
  },

  async removeAttachment(db: DbOrTx, workspaceId: string, fileId: string) {
    await db
      .update(requestAttachments)
      .set({ removedAt: sql`clock_timestamp()` })
      .where(and(eq(requestAttachments.workspaceId, workspaceId), eq(requestAttachments.id, fileId)));
  },

  async userName(db: DbOrTx, userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
    return row?.name ?? null;
  },
};
