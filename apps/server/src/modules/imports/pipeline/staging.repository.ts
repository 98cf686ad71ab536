/**
 * The staging table every merge works from: rows arrive through COPY (staging-copy.ts) into the
 * temporary `import_rows`; these are the steps deals and accounts share. Each merge's own steps
 * are deal-merge.repository.ts and account-merge.repository.ts; all of them run in the import's
 * one transaction, a handful of statements whatever the file's size.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/database.ts';

export const rowsOf = <T>(r: { rows: unknown[] }) => r.rows as T[];

export interface MergeContext {
  workspaceId: string;
  importId: string;
  source: string;
  baseCurrency: string;
}

export interface DuplicateId {
  externalId: string;
  lines: number[];
}

/** Members by lower-case email and by full name (names two members share match nobody): how an owner cell finds its user. */
export async function createOwnerMap(db: DbOrTx, ws: string) {
  await db.execute(sql`
    create temp table import_owners on commit drop as
    select k, min(user_id::text)::uuid as user_id from (
      select lower(u.email) as k, u.id as user_id from memberships m join users u on u.id = m.user_id where m.workspace_id = ${ws}
      union all
      select lower(u.name), u.id from memberships m join users u on u.id = m.user_id where m.workspace_id = ${ws}
    ) x group by k having count(distinct user_id) = 1`);
  await db.execute(sql`analyze import_owners`);
}

export const stagingRepository = {
  /** The planner's estimate of a table's rows; -1 when it was never analysed. Run as the tables' owner. */
  async estimatedRows(db: DbOrTx, table: string): Promise<number> {
    const r = rowsOf<{ n: number }>(await db.execute(sql`select reltuples::float8 as n from pg_class where oid = ${table}::regclass`));
    return r[0]?.n ?? -1;
  },

  /** Refreshes the planner's statistics of `tables` (constants of the merges, never input). Run as their owner. */
  async analyze(db: DbOrTx, tables: readonly string[]) {
    await db.execute(sql.raw(`analyze ${tables.join(', ')}`));
  },

  /** Empties the staging table for a second read of the file. */
  async clearStaging(db: DbOrTx) {
    await db.execute(sql`truncate import_rows`);
  },

  /** Ids that appear on more than one valid row: the later row wins, the earlier ones are dropped. */
  async dedupeStaged(db: DbOrTx): Promise<{ duplicates: DuplicateId[]; dropped: number }> {
    // Statistics for the columns the merge joins and groups on (all columns would cost seconds on a million rows).
    await db.execute(sql`analyze import_rows (valid, external_id, owner)`);
    // Repeated ids first (a plain count per id), then the lines of those only.
    const dups = rowsOf<{ external_id: string; lines: number[] }>(
      await db.execute(sql`
        with dup as (select external_id from import_rows where valid group by external_id having count(*) > 1)
        select r.external_id, array_agg(r.line order by r.line) as lines from import_rows r join dup using (external_id)
        where r.valid group by r.external_id order by min(r.line) limit 1000`),
    );
    if (!dups.length) return { duplicates: [], dropped: 0 };
    const dropped = await db.execute(sql`
      delete from import_rows r using (
        select external_id, max(line) as keep from import_rows where valid group by external_id having count(*) > 1
      ) d
      where r.valid and r.external_id = d.external_id and r.line <> d.keep`);
    return { duplicates: dups.map((d) => ({ externalId: d.external_id, lines: d.lines })), dropped: dropped.rowCount ?? 0 };
  },

  async saveRejects(db: DbOrTx, workspaceId: string, importId: string) {
    await db.execute(sql`
      insert into import_rejects (workspace_id, import_id, line, cells, errors)
      select ${workspaceId}, ${importId}, line, cells, errors from import_rows where not valid`);
  },
};
