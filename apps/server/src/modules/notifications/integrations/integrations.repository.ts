/** Webhook subscriptions and Slack channels: the only file of integrations that talks to Drizzle. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { workspaces } from '../../workspaces/tables.ts';
import { deliveries, slackChannels, webhookSubscriptions } from '../tables.ts';

export type WebhookRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookInsert = typeof webhookSubscriptions.$inferInsert;
export type SlackChannelRow = typeof slackChannels.$inferSelect;
export type SlackChannelInsert = typeof slackChannels.$inferInsert;

const ws = webhookSubscriptions;
const sc = slackChannels;

export interface LastDelivery {
  targetId: string;
  status: (typeof deliveries.$inferSelect)['status'];
  at: Date;
  statusCode: number | null;
}

export const integrationsRepository = {
  // ---- Webhook subscriptions ---------------------------------------------------

  listWebhooks(db: DbOrTx, workspaceId: string) {
    return db.select().from(ws).where(eq(ws.workspaceId, workspaceId)).orderBy(asc(ws.createdAt), asc(ws.id));
  },

  async webhookById(db: DbOrTx, workspaceId: string, id: string, opts: { forUpdate?: boolean } = {}) {
    const q = db.select().from(ws).where(and(eq(ws.workspaceId, workspaceId), eq(ws.id, id)));
    const [row] = opts.forUpdate ? await q.for('update') : await q;
    return row;
  },

  async insertWebhook(db: DbOrTx, row: WebhookInsert) {
    const [created] = await db.insert(ws).values(row).returning();
    return created!;
  },

  async updateWebhook(db: DbOrTx, workspaceId: string, id: string, set: Partial<WebhookInsert>) {
    const [row] = await db
      .update(ws)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(ws.workspaceId, workspaceId), eq(ws.id, id)))
      .returning();
    return row;
  },

  async deleteWebhook(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db.delete(ws).where(and(eq(ws.workspaceId, workspaceId), eq(ws.id, id))).returning();
    return row;
  },

  /** Enabled subscriptions that list the event type. */
  subscribersFor(db: DbOrTx, workspaceId: string, eventType: string) {
    return db
      .select()
      .from(ws)
      .where(and(eq(ws.workspaceId, workspaceId), eq(ws.enabled, true), sql`${eventType} = any(${ws.eventTypes})`))
      .orderBy(asc(ws.createdAt));
  },

  /** The newest delivery of each target (subscription or channel). */
  async lastDeliveries(db: DbOrTx, workspaceId: string, targetIds: string[]): Promise<Map<string, LastDelivery>> {
    if (targetIds.length === 0) return new Map();
    const rows = await db
      .selectDistinctOn([deliveries.targetId], {
        targetId: deliveries.targetId,
        status: deliveries.status,
        at: deliveries.updatedAt,
        statusCode: deliveries.lastStatusCode,
      })
      .from(deliveries)
      .where(and(eq(deliveries.workspaceId, workspaceId), inArray(deliveries.targetId, targetIds)))
      .orderBy(deliveries.targetId, desc(deliveries.createdAt));
    return new Map(rows.map((r) => [r.targetId!, { ...r, targetId: r.targetId! }]));
  },

  // ---- Slack channels ------------------------------------------------------------

  listSlackChannels(db: DbOrTx, workspaceId: string) {
    return db.select().from(sc).where(eq(sc.workspaceId, workspaceId)).orderBy(asc(sc.createdAt), asc(sc.id));
  },

  async slackChannelById(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db.select().from(sc).where(and(eq(sc.workspaceId, workspaceId), eq(sc.id, id)));
    return row;
  },

  async insertSlackChannel(db: DbOrTx, row: SlackChannelInsert) {
    const [created] = await db.insert(sc).values(row).returning();
    return created!;
  },

  async updateSlackChannel(db: DbOrTx, workspaceId: string, id: string, set: Partial<SlackChannelInsert>) {
    const [row] = await db
      .update(sc)
      .set(set)
      .where(and(eq(sc.workspaceId, workspaceId), eq(sc.id, id)))
      .returning();
    return row;
  },

  async deleteSlackChannel(db: DbOrTx, workspaceId: string, id: string) {
    const [row] = await db.delete(sc).where(and(eq(sc.workspaceId, workspaceId), eq(sc.id, id))).returning();
    return row;
  },

  slackChannelsFor(db: DbOrTx, workspaceId: string, eventType: string) {
    return db
      .select()
      .from(sc)
      .where(and(eq(sc.workspaceId, workspaceId), sql`${eventType} = any(${sc.eventTypes})`))
      .orderBy(asc(sc.createdAt));
  },

  /** The workspace's name, for the footer of a test message. */
  async workspaceName(db: DbOrTx, workspaceId: string): Promise<string | undefined> {
    const [row] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
    return row?.name;
  },
};
