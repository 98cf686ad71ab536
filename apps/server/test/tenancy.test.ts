/** Row-level security, the second line of defence behind every query's own workspace filter. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../src/db/schema.ts';
import { cliActor } from '../src/lib/context.ts';
import { createHarness, type Harness } from './app-harness.ts';

let h: Harness;
let a: string;
let b: string;

beforeAll(async () => {
  h = await createHarness();
  a = (await h.services.workspaces.create(cliActor(), { name: 'A', slug: 'a-corp' }, null)).id;
  b = (await h.services.workspaces.create(cliActor(), { name: 'B', slug: 'b-corp' }, null)).id;
  await h.services.deps.database.db.insert(teams).values([
    { workspaceId: a, name: 'A sales' },
    { workspaceId: b, name: 'B sales' },
  ]);
});
afterAll(async () => h?.close());

describe('row-level security', () => {
  it('a tenant transaction sees only its workspace, even with no filter in the query', async () => {
    const rows = await h.services.deps.database.withTenant(b, (tx) => tx.select().from(teams));
    expect(rows.map((r) => r.name)).toEqual(['B sales']);
  });

  it('a tenant transaction cannot write into another workspace', async () => {
    await expect(
      h.services.deps.database.withTenant(b, (tx) => tx.insert(teams).values({ workspaceId: a, name: 'sneaky' })),
    ).rejects.toMatchObject({ cause: { code: '42501' } }); // new row violates row-level security policy
    await expect(
      h.services.deps.database.withTenant(b, (tx) => tx.update(teams).set({ name: 'renamed' }).returning()),
    ).resolves.toHaveLength(1);
    const names = (await h.services.deps.database.db.select().from(teams)).map((t) => t.name).sort();
    expect(names).toEqual(['A sales', 'renamed']);
  });

  it('application queries run as a role without superuser or bypass rights', async () => {
    const [row] = await h.services.deps.database.withTenant(b, async (tx) =>
      (await tx.execute(sql`select current_user as u, (select rolsuper or rolbypassrls from pg_roles where rolname = current_user) as bypass`)).rows,
    );
    expect(row).toEqual({ u: 'tandem_app', bypass: false });
  });

  it('every table with a workspace_id has row-level security on', async () => {
    const { rows } = await h.services.deps.database.pool.query(`
      select c.relname from pg_class c join information_schema.columns col
        on col.table_name = c.relname and col.column_name = 'workspace_id' and col.table_schema = 'public'
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and not c.relrowsecurity`);
    expect(rows).toEqual([]);
  });
});
