import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { notificationPreferences } from './notifications.table.ts';

export const unsubscribeRepository = {
  /**
   * Turns email (and the digest) off for one person and event type. Without a
   * row the person had the type's defaults, so the new row starts from them.
   */
  async turnOffEmail(tx: DbOrTx, row: { workspaceId: string; userId: string; eventType: string; defaults: readonly string[] }) {
    const p = notificationPreferences;
    await tx
      .insert(p)
      .values({
        workspaceId: row.workspaceId,
        userId: row.userId,
        eventType: row.eventType,
        channels: row.defaults.filter((c) => c !== 'email'),
        digest: false,
      })
      .onConflictDoUpdate({
        target: [p.workspaceId, p.userId, p.eventType],
        set: { channels: sql`array_remove(${p.channels}, 'email')`, digest: false, updatedAt: sql`now()` },
      });
  },
};
