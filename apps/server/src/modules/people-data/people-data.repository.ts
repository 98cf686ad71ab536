import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';

/**
 * Reads and writes across every table, found through information_schema at run time, so tables added later by any
 * module are covered without a change here. The only file of the module that touches the database.
 */
export interface PersonColumn {
  table: string;
  column: string;
  hasWorkspace: boolean;
}

export interface TextColumn {
  table: string;
  column: string;
  kind: 'text' | 'json' | 'text[]';
}

/** Columns that never leave in an export: token hashes, password hashes, secrets, CSRF tokens. */
const SECRET_COLUMN = /(hash|secret|csrf|sealed)/i;

async function rows<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  const r = await db.execute(q);
  return r.rows as T[];
}

const id = (name: string) => sql.identifier(name);

export const peopleDataRepository = {
  /** Columns that point at a person: a foreign key to users (directly or through memberships), or a uuid named `user_id`, `*_user_id`, `*_by`. */
  async personColumns(db: DbOrTx): Promise<PersonColumn[]> {
    return rows<PersonColumn>(
      db,
      sql`with fk as (
            select kcu.table_name, kcu.column_name
              from information_schema.referential_constraints rc
              join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
              join information_schema.key_column_usage ref on ref.constraint_name = rc.unique_constraint_name and ref.constraint_schema = rc.unique_constraint_schema
                   and ref.ordinal_position = kcu.position_in_unique_constraint
             where kcu.constraint_schema = 'public'
               and ((ref.table_name = 'users' and ref.column_name = 'id') or (ref.table_name = 'memberships' and ref.column_name = 'user_id'))
          )
          select distinct c.table_name as "table", c.column_name as "column",
                 exists (select 1 from information_schema.columns w where w.table_schema = 'public' and w.table_name = c.table_name and w.column_name = 'workspace_id') as "hasWorkspace"
            from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
           where c.table_schema = 'public' and c.table_name <> 'users' and c.data_type = 'uuid'
             and (c.column_name = 'user_id' or c.column_name like '%\\_user\\_id' or c.column_name like '%\\_by'
                  or exists (select 1 from fk where fk.table_name = c.table_name and fk.column_name = c.column_name))
           order by 1, 2`,
    );
  },

  /** Every text, JSON and text-array column of every table (generated columns left out: they follow their sources). */
  async textColumns(db: DbOrTx): Promise<TextColumn[]> {
    return rows<TextColumn>(
      db,
      sql`select c.table_name as "table", c.column_name as "column",
                 case when c.data_type in ('json', 'jsonb') then 'json' when c.data_type = 'ARRAY' then 'text[]' else 'text' end as "kind"
            from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
           where c.table_schema = 'public' and c.is_generated = 'NEVER'
             and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb') or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
           order by 1, 2`,
    );
  },

  async rowsReferring(db: DbOrTx, c: PersonColumn, userId: string, workspaceId: string) {
    const where = c.hasWorkspace ? sql`${id(c.column)} = ${userId} and workspace_id = ${workspaceId}` : sql`${id(c.column)} = ${userId}`;
    const found = await rows<Record<string, unknown>>(db, sql`select * from ${id(c.table)} where ${where} limit 10000`);
    return found.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !SECRET_COLUMN.test(k))));
  },

  async loginAttempts(db: DbOrTx, email: string) {
    return rows<Record<string, unknown>>(db, sql`select email, ip, succeeded, created_at from login_attempts where lower(email) = ${email.toLowerCase()} order by created_at`);
  },

  /** Every workspace the person belongs to (active or not), with whether the actor is an admin there and how many other active admins it has. */
  async workspacesOf(db: DbOrTx, userId: string, actorUserId: string) {
    return rows<{ id: string; name: string; role: string; active: boolean; actorIsAdmin: boolean; otherAdmins: number }>(
      db,
      sql`select w.id, w.name, m.role, m.active,
                 exists (select 1 from memberships a where a.workspace_id = w.id and a.user_id = ${actorUserId} and a.role = 'admin' and a.active) as "actorIsAdmin",
                 (select count(*)::int from memberships o where o.workspace_id = w.id and o.user_id <> ${userId} and o.role = 'admin' and o.active) as "otherAdmins"
            from memberships m join workspaces w on w.id = m.workspace_id
           where m.user_id = ${userId}`,
    );
  },

  /** Sign-ins, sessions and tokens go; the person's row keeps only the placeholder (what they wrote still points at it). */
  async endAccess(tx: DbOrTx, userId: string, email: string, placeholder: { name: string; email: string }) {
    const count = async (q: SQL) => (await tx.execute(q)).rowCount ?? 0;
    const sessionsEnded = await count(sql`delete from sessions where user_id = ${userId}`);
    const tokensRevoked = await count(sql`delete from api_tokens where user_id = ${userId}`);
    await tx.execute(sql`delete from password_resets where user_id = ${userId}`);
    await tx.execute(sql`delete from email_changes where user_id = ${userId}`);
    await tx.execute(sql`delete from login_attempts where lower(email) = ${email.toLowerCase()}`);
    await tx.execute(sql`delete from sso_identities where user_id = ${userId}`);
    await tx.execute(sql`update memberships set active = false, updated_at = now() where user_id = ${userId}`);
    await tx.execute(
      sql`update users set name = ${placeholder.name}, email = ${placeholder.email}, password_hash = null, time_zone = 'UTC', updated_at = now() where id = ${userId}`,
    );
    return { sessionsEnded, tokensRevoked };
  },

  /** Replaces every case-insensitive match of `pattern` (a regular expression) in one column; the number of rows changed. */
  async replaceIn(tx: DbOrTx, c: TextColumn, pattern: string, replacement: string): Promise<number> {
    const col = id(c.column);
    const q =
      c.kind === 'text'
        ? sql`update ${id(c.table)} set ${col} = regexp_replace(${col}, ${pattern}, ${replacement}, 'gi') where ${col} ~* ${pattern}`
        : c.kind === 'json'
          ? sql`update ${id(c.table)} set ${col} = regexp_replace(${col}::text, ${pattern}, ${replacement}, 'gi')::${sql.raw(
              'jsonb',
            )} where ${col}::text ~* ${pattern}`
          : sql`update ${id(c.table)} set ${col} = (select array_agg(regexp_replace(x, ${pattern}, ${replacement}, 'gi') order by i) from unnest(${col}) with ordinality u(x, i))
                 where array_to_string(${col}, chr(31)) ~* ${pattern}`;
    return (await tx.execute(q)).rowCount ?? 0;
  },
};
