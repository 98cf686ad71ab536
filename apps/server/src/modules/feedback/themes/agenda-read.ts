import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';

/**
 * For a meeting's agenda (meetings module): open themes (not merged, not addressed or declined) created before
 * `until` that are new in [since, until) or got at least `minNewItems` items in it, with how many.
 */
export async function openThemesNewOrRising(db: DbOrTx, workspaceId: string, since: Date, until: Date, minNewItems: number) {
  const r = await db.execute(sql`
    select id, name, is_new as "isNew", new_items as "newItems" from (
      select t.id, t.name, (t.created_at >= ${since} and t.created_at < ${until}) as is_new,
             (select count(*)::int from feedback_items i
               where i.workspace_id = t.workspace_id and i.theme_id = t.id and i.created_at >= ${since} and i.created_at < ${until}) as new_items
        from themes t
       where t.workspace_id = ${workspaceId} and t.merged_into_id is null and t.status not in ('addressed', 'wont_address')
         and t.created_at < ${until}) x
    where is_new or new_items >= ${minNewItems}`);
  return r.rows as { id: string; name: string; isNew: boolean; newItems: number }[];
}
