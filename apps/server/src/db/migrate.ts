import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { APP_ROLE } from './database.ts';
import { assertSchemaNotNewer, markSchemaVersion } from './schema-version.ts';
import { shortLivedClient } from './short-lived-client.ts';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** Arbitrary constant shared by every Tandem process: "tandem" in ASCII. */
const MIGRATION_LOCK = 0x74616e64656d;

/**
 * Applies pending migrations, then makes sure every tenant table (any table
 * with a workspace_id column) has row-level security with the tenant policy,
 * and that the application role may use every table. Runs under an advisory
 * lock so that processes starting together migrate once. Refuses a database whose schema is newer than
 * this code (db/schema-version.ts), and notes which release migrated it.
 */
export async function runMigrations(url: string): Promise<void> {
  const client = shortLivedClient({ connectionString: url, application_name: 'tandem-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      // A database a newer Tandem migrated is refused before anything is applied: migrations only go forward.
      await assertSchemaNotNewer(client);
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: 'drizzle' });
      await applyTenancy(client);
      await markSchemaVersion(client);
    } finally {
      // A lost connection gives up the lock with its session, and its error is the one to report, not the unlock's.
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

async function applyTenancy(client: pg.Client): Promise<void> {
  await client.query(`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
        create role ${APP_ROLE} nologin;
      end if;
    end $$`);
  // A non-superuser owner must be a member of the role to switch to it per transaction.
  const { rows } = await client.query<{ member: boolean; super: boolean }>(
    `select pg_has_role(current_user, '${APP_ROLE}', 'member') as member,
            (select rolsuper from pg_roles where rolname = current_user) as super`,
  );
  if (!rows[0]?.member && !rows[0]?.super) await client.query(`grant ${APP_ROLE} to current_user`);
  await client.query(`grant usage on schema public to ${APP_ROLE}`);
  await client.query(`grant select, insert, update, delete on all tables in schema public to ${APP_ROLE}`);
  await client.query(`grant usage, select on all sequences in schema public to ${APP_ROLE}`);

  const tenantTables = await client.query<{ table_name: string; rls: boolean; has_policy: boolean }>(`
    select c.table_name,
           cls.relrowsecurity as rls,
           exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = c.table_name
                   and p.policyname = 'tenant_isolation') as has_policy
      from information_schema.columns c
      join pg_class cls on cls.relname = c.table_name and cls.relnamespace = 'public'::regnamespace
     where c.table_schema = 'public' and c.column_name = 'workspace_id' and cls.relkind = 'r'`);
  for (const t of tenantTables.rows) {
    const table = `"${t.table_name}"`;
    if (!t.rls) await client.query(`alter table ${table} enable row level security`);
    if (!t.has_policy) {
      await client.query(
        `create policy tenant_isolation on ${table} to ${APP_ROLE}
           using (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)
           with check (workspace_id = nullif(current_setting('app.workspace_id', true), '')::uuid)`,
      );
    }
  }
}
