import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { dealStageHistory, deals } from '../deals/tables.ts';
import { memberships, users, workspaces } from '../workspaces/tables.ts';
import { attributionDirtyDeals, attributionDisputes, attributionModelOfRecord, attributionSettings, touchpoints } from './tables.ts';

export type TouchpointRow = typeof touchpoints.$inferSelect;
export type TouchpointInsert = typeof touchpoints.$inferInsert;
export type DisputeRow = typeof attributionDisputes.$inferSelect;
export type DisputeInsert = typeof attributionDisputes.$inferInsert;
export type ModelOfRecordRow = typeof attributionModelOfRecord.$inferSelect;

export interface DealFacts {
  id: string;
  name: string;
  /** Cents, rounded half away from zero; null when the deal has no amount. */
  amountCents: bigint | null;
  currency: string;
  stageCategory: 'open' | 'won' | 'lost';
  closeDate: string | null;
  createdDate: number | null;
  ownerUserId: string | null;
  firstStageAt: number | null;
  secondStageAt: number | null;
  wonAt: number | null;
}

const ms = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export const attributionRepository = {
  /** The live deals among `ids` with what the models need (amount in cents, markers from the stage history). */
  async deals(tx: DbOrTx, workspaceId: string, ids: readonly string[]): Promise<Map<string, DealFacts>> {
    if (!ids.length) return new Map();
    const rows = await tx
      .select({
        id: deals.id,
        name: deals.name,
        amountCents: sql<string | null>`round(${deals.amount} * 100)::bigint::text`,
        currency: sql<string>`coalesce(${deals.currency}, ${workspaces.baseCurrency})`,
        stageCategory: deals.stageCategory,
        closeDate: deals.closeDate,
        createdDate: sql<string | null>`(extract(epoch from ${deals.createdDate} at time zone 'UTC') * 1000)::bigint::text`,
        ownerUserId: deals.ownerUserId,
        firstStageAt: sql<string | null>`(select (extract(epoch from h.changed_at) * 1000)::bigint::text from ${dealStageHistory} h
          where h.workspace_id = ${deals.workspaceId} and h.deal_id = ${deals.id} order by h.changed_at limit 1)`,
        secondStageAt: sql<string | null>`(select (extract(epoch from h.changed_at) * 1000)::bigint::text from ${dealStageHistory} h
          where h.workspace_id = ${deals.workspaceId} and h.deal_id = ${deals.id} order by h.changed_at offset 1 limit 1)`,
        wonAt: sql<string | null>`(select (extract(epoch from min(h.changed_at)) * 1000)::bigint::text from ${dealStageHistory} h
          where h.workspace_id = ${deals.workspaceId} and h.deal_id = ${deals.id} and h.stage_category = 'won')`,
      })
      .from(deals)
      .innerJoin(workspaces, eq(workspaces.id, deals.workspaceId))
      .where(and(eq(deals.workspaceId, workspaceId), inArray(deals.id, [...ids]), sql`${deals.removedAt} is null`));
    return new Map(
      rows.map((r) => [
        r.id,
        {
          ...r,
          amountCents: r.amountCents === null ? null : BigInt(r.amountCents),
          createdDate: ms(r.createdDate),
          firstStageAt: ms(r.firstStageAt),
          secondStageAt: ms(r.secondStageAt),
          wonAt: ms(r.wonAt),
        },
      ]),
    );
  },

  /** Inserts or updates by (source, external id); answers each row's id and whether it was created. */
  async upsertTouchpoints(tx: DbOrTx, rows: TouchpointInsert[]) {
    if (!rows.length) return [];
    return tx
      .insert(touchpoints)
      .values(rows)
      .onConflictDoUpdate({
        target: [touchpoints.workspaceId, touchpoints.source, touchpoints.externalId],
        set: {
          dealId: sql`excluded.deal_id`,
          accountId: sql`excluded.account_id`,
          occurredAt: sql`excluded.occurred_at`,
          team: sql`excluded.team`,
          kind: sql`excluded.kind`,
          campaign: sql`excluded.campaign`,
          ownerUserId: sql`excluded.owner_user_id`,
          assetId: sql`excluded.asset_id`,
          requestId: sql`excluded.request_id`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: touchpoints.id, source: touchpoints.source, externalId: touchpoints.externalId, created: sql<boolean>`xmax = 0` });
  },

  /** The deal each existing (source, external id) points at now: a moved touchpoint changes two deals. */
  async currentDeals(tx: DbOrTx, workspaceId: string, keys: { source: string; externalId: string }[]): Promise<string[]> {
    if (!keys.length) return [];
    const rows = await tx.execute<{ deal_id: string }>(sql`select t.deal_id from ${touchpoints} t
      join jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(source text, "externalId" text)
        on t.source = k.source and t.external_id = k."externalId"
      where t.workspace_id = ${workspaceId}`);
    return rows.rows.map((r) => r.deal_id);
  },

  async markDirty(tx: DbOrTx, workspaceId: string, dealIds: readonly string[]) {
    const unique = [...new Set(dealIds)];
    if (!unique.length) return;
    await tx
      .insert(attributionDirtyDeals)
      .values(unique.map((dealId) => ({ workspaceId, dealId })))
      .onConflictDoNothing();
  },

  async members(tx: DbOrTx, workspaceId: string, userIds: readonly string[]): Promise<Map<string, { name: string; active: boolean }>> {
    const ids = [...new Set(userIds)];
    if (!ids.length) return new Map();
    const rows = await tx
      .select({ userId: memberships.userId, name: users.name, active: memberships.active })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, ids)));
    return new Map(rows.map((r) => [r.userId, { name: r.name, active: r.active }]));
  },

  async admins(tx: DbOrTx, workspaceId: string): Promise<{ userId: string; name: string }[]> {
    return tx
      .select({ userId: memberships.userId, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'admin'), eq(memberships.active, true)));
  },

  async dealTouchpoints(tx: DbOrTx, workspaceId: string, dealId: string): Promise<TouchpointRow[]> {
    return tx
      .select()
      .from(touchpoints)
      .where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.dealId, dealId)))
      .orderBy(asc(touchpoints.occurredAt), asc(touchpoints.id));
  },

  async touchpoint(tx: DbOrTx, workspaceId: string, id: number): Promise<TouchpointRow | undefined> {
    const [row] = await tx.select().from(touchpoints).where(and(eq(touchpoints.workspaceId, workspaceId), eq(touchpoints.id, id)));
    return row;
  },

  async halfLifeDays(tx: DbOrTx, workspaceId: string): Promise<number> {
    const [row] = await tx.select({ h: attributionSettings.halfLifeDays }).from(attributionSettings).where(eq(attributionSettings.workspaceId, workspaceId));
    return row?.h ?? 7;
  },

  async modelOfRecordHistory(tx: DbOrTx, workspaceId: string) {
    return tx
      .select({ row: attributionModelOfRecord, name: users.name })
      .from(attributionModelOfRecord)
      .leftJoin(users, eq(users.id, attributionModelOfRecord.chosenByUserId))
      .where(eq(attributionModelOfRecord.workspaceId, workspaceId))
      .orderBy(desc(attributionModelOfRecord.effectiveFrom), desc(attributionModelOfRecord.chosenAt));
  },

  async insertModelOfRecord(tx: DbOrTx, row: typeof attributionModelOfRecord.$inferInsert) {
    await tx.insert(attributionModelOfRecord).values(row);
  },

  async disputes(tx: DbOrTx, workspaceId: string, filter: { status?: DisputeRow['status']; dealId?: string; id?: string }) {
    const raiser = sql<string | null>`(select u.name from ${users} u where u.id = ${attributionDisputes.raisedByUserId})`;
    const resolver = sql<string | null>`(select u.name from ${users} u where u.id = ${attributionDisputes.resolvedByUserId})`;
    return tx
      .select({ row: attributionDisputes, dealName: deals.name, raisedByName: raiser, resolvedByName: resolver })
      .from(attributionDisputes)
      .innerJoin(deals, and(eq(deals.workspaceId, attributionDisputes.workspaceId), eq(deals.id, attributionDisputes.dealId)))
      .where(
        and(
          eq(attributionDisputes.workspaceId, workspaceId),
          filter.status ? eq(attributionDisputes.status, filter.status) : undefined,
          filter.dealId ? eq(attributionDisputes.dealId, filter.dealId) : undefined,
          filter.id ? eq(attributionDisputes.id, filter.id) : undefined,
        ),
      )
      .orderBy(desc(attributionDisputes.raisedAt))
      .limit(500);
  },

  async lockDispute(tx: DbOrTx, workspaceId: string, id: string): Promise<DisputeRow | undefined> {
    const [row] = await tx
      .select()
      .from(attributionDisputes)
      .where(and(eq(attributionDisputes.workspaceId, workspaceId), eq(attributionDisputes.id, id)))
      .for('update');
    return row;
  },

  async insertDispute(tx: DbOrTx, row: DisputeInsert): Promise<string> {
    const [r] = await tx.insert(attributionDisputes).values(row).returning({ id: attributionDisputes.id });
    return r!.id;
  },

  async updateDispute(tx: DbOrTx, workspaceId: string, id: string, set: Partial<DisputeInsert>) {
    await tx
      .update(attributionDisputes)
      .set(set)
      .where(and(eq(attributionDisputes.workspaceId, workspaceId), eq(attributionDisputes.id, id)));
  },

  async acceptedDisputes(tx: DbOrTx, workspaceId: string, dealId: string): Promise<DisputeRow[]> {
    return tx
      .select()
      .from(attributionDisputes)
      .where(and(eq(attributionDisputes.workspaceId, workspaceId), eq(attributionDisputes.dealId, dealId), eq(attributionDisputes.status, 'accepted')))
      .orderBy(asc(attributionDisputes.resolvedAt));
  },
};
