/**
 * An accounts import's merge: staged rows against the source's accounts (by id, else by name
 * when not yet linked to the source), and the writes, with the snapshots undo puts back.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';
import { createOwnerMap, rowsOf, type MergeContext } from './staging.repository.ts';

export const accountMergeRepository = {
  async createAccountStaging(db: DbOrTx) {
    await db.execute(sql`set local work_mem = '128MB'`);
    await db.execute(sql`
      create temp table import_rows (
        line int not null, valid boolean not null, external_id text, name text, domain text, segment text, industry text,
        size text, region text, owner text, custom_fields jsonb, cells jsonb, errors jsonb
      ) on commit drop`);
  },

  /**
   * Each staged account against the source: known by its id (account_sources), else
   * an account of the same name not yet linked to this source (a deals import may have
   * created it by name), else new.
   */
  async classifyAccounts(db: DbOrTx, m: MergeContext) {
    const { workspaceId: ws, source } = m;
    await createOwnerMap(db, ws);
    await db.execute(sql`
      create temp table import_incoming on commit drop as
      select r.line, r.external_id, r.name, r.domain, r.segment, r.industry, r.size, r.region, o.user_id as owner_user_id, r.owner,
        coalesce(r.custom_fields, '{}') as custom_fields,
        coalesce(s.account_id, byname.id, gen_random_uuid()) as account_id, coalesce(s.account_id, byname.id) as prev_id,
        s.account_id is not null as linked,
        case when coalesce(s.account_id, byname.id) is null then 'created'
             when s.account_id is not null and a.removed_at is null and row(a.name, a.domain, a.segment, a.industry, a.size, a.region,
               a.owner_user_id, a.owner_name, a.custom_fields) is not distinct from row(r.name, r.domain, r.segment, r.industry, r.size,
               r.region, o.user_id, r.owner, coalesce(r.custom_fields, '{}'))
             then 'unchanged' else 'updated' end as action
      from import_rows r
      left join account_sources s on s.workspace_id = ${ws} and s.source = ${source} and s.external_id = r.external_id
      left join accounts a on a.workspace_id = ${ws} and a.id = s.account_id
      left join lateral (
        select x.id from accounts x
        where s.account_id is null and x.workspace_id = ${ws} and lower(x.name) = lower(r.name)
          and not exists (select 1 from account_sources y where y.workspace_id = ${ws} and y.account_id = x.id and y.source = ${source})
        order by x.removed_at nulls first, x.created_at, x.id limit 1
      ) byname on true
      left join import_owners o on o.k = lower(r.owner)
      where r.valid`);
    const counts = rowsOf<{ action: string; n: number }>(await db.execute(sql`select action, count(*)::int as n from import_incoming group by action`));
    const n = (a: string) => counts.find((c) => c.action === a)?.n ?? 0;
    return { created: n('created'), updated: n('updated'), unchanged: n('unchanged') };
  },

  async countMissingAccounts(db: DbOrTx, m: MergeContext) {
    const [row] = rowsOf<{ n: number }>(
      await db.execute(sql`
        select count(*)::int as n from account_sources s join accounts a on a.workspace_id = s.workspace_id and a.id = s.account_id
        where s.workspace_id = ${m.workspaceId} and s.source = ${m.source} and a.removed_at is null
          and not exists (select 1 from import_rows r where r.external_id = s.external_id)`),
    );
    return row?.n ?? 0;
  },

  async applyAccounts(db: DbOrTx, m: MergeContext, full: boolean) {
    const { workspaceId: ws, importId, source } = m;
    await db.execute(sql`
      insert into import_changes (workspace_id, import_id, entity, entity_id, action, previous)
      select distinct on (a.id) ${ws}, ${importId}, 'account', a.id, 'updated', to_jsonb(a)
      from accounts a join import_incoming i on i.prev_id = a.id
      where a.workspace_id = ${ws} and i.action = 'updated'`);
    await db.execute(sql`
      update accounts a set name = i.name, domain = i.domain, segment = i.segment, industry = i.industry, size = i.size,
        region = i.region, owner_user_id = i.owner_user_id, owner_name = i.owner, custom_fields = i.custom_fields,
        removed_at = null, updated_at = now()
      from import_incoming i where a.workspace_id = ${ws} and a.id = i.prev_id and i.action = 'updated'`);
    await db.execute(sql`
      insert into accounts (workspace_id, id, name, domain, segment, industry, size, region, owner_user_id, owner_name, custom_fields, created_import_id)
      select ${ws}, i.account_id, i.name, i.domain, i.segment, i.industry, i.size, i.region, i.owner_user_id, i.owner, i.custom_fields, ${importId}
      from import_incoming i where i.action = 'created'`);
    await db.execute(sql`
      insert into account_sources (workspace_id, source, external_id, account_id, created_import_id)
      select ${ws}, ${source}, i.external_id, i.account_id, ${importId} from import_incoming i where not i.linked`);
    let removed = 0;
    if (full) {
      await db.execute(sql`
        insert into import_changes (workspace_id, import_id, entity, entity_id, action, previous)
        select distinct on (a.id) ${ws}, ${importId}, 'account', a.id, 'removed', to_jsonb(a)
        from account_sources s join accounts a on a.workspace_id = s.workspace_id and a.id = s.account_id
        where s.workspace_id = ${ws} and s.source = ${source} and a.removed_at is null
          and not exists (select 1 from import_rows r where r.external_id = s.external_id)
        on conflict do nothing`);
      const r = await db.execute(sql`
        update accounts a set removed_at = now(), updated_at = now() from import_changes c
        where c.workspace_id = ${ws} and c.import_id = ${importId} and c.entity = 'account' and c.action = 'removed'
          and a.workspace_id = ${ws} and a.id = c.entity_id`);
      removed = r.rowCount ?? 0;
    }
    return { removed };
  },
};
