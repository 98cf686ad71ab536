/**
 * The read path (`database.readTenant`): a signed-in GET costs its own queries and no transaction,
 * stays confined to its workspace on connections that switch workspace, and two app processes on
 * one database refuse a revoked token or a deactivated member at once (nothing about access is cached).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { APP_ROLE, openDatabase, type Database } from '../src/db/database.ts';
import { resolveSecret } from '../src/modules/system/index.ts';
import { createServices } from '../src/services.ts';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness, type TestApp } from './app-harness.ts';

let h: Harness;
let admin: Client;
let acme: string;
let globex: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  const ws = await call(h.app, admin, 'POST', '/api/v1/workspaces', { body: { name: 'Globex', slug: 'globex' } });
  expect(ws.statusCode).toBe(201);
  await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales');
  await addMember(h.app, admin, 'globex', 'gil@globex.test', 'sales');
  const ids = (await h.services.deps.database.pool.query<{ slug: string; id: string }>('select slug, id from workspaces')).rows;
  acme = ids.find((r) => r.slug === 'acme')!.id;
  globex = ids.find((r) => r.slug === 'globex')!.id;
});
afterAll(async () => h?.close());

async function token(app: TestApp, who: Client, slug = 'acme'): Promise<{ id: string; token: string }> {
  const res = await call(app, who, 'POST', `/api/v1/workspaces/${slug}/tokens`, { body: { name: `t${Math.random()}` } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** The SQL every pg client of this process sends while fn runs (a spy on the real driver, nothing replaced). */
async function statementsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    seen.push((typeof q === 'string' ? q : (q.text ?? '')).trim().replace(/\s+/g, ' '));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return seen;
}

describe('API reads', () => {
  it('a token GET of the members list runs the token lookup and its three reads: no begin, no commit', async () => {
    const t = await token(h.app, admin);
    const get = () => call(h.app, { bearer: t.token }, 'GET', '/api/v1/workspaces/acme/members');
    expect((await get()).statusCode).toBe(200); // warm: the token's last use is recorded, a read connection confined
    const statements = await statementsDuring(async () => {
      const res = await get();
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(2);
    });
    expect(statements.filter((s) => /^(begin|commit|rollback|set )/i.test(s))).toEqual([]);
    expect(statements).toHaveLength(4);
  });

  it('a signed-in GET finds the session, the person and their role in one statement, then runs its three reads', async () => {
    const get = () => call(h.app, admin, 'GET', '/api/v1/workspaces/acme/members');
    expect((await get()).statusCode).toBe(200);
    const statements = await statementsDuring(async () => expect((await get()).statusCode).toBe(200));
    expect(statements.filter((s) => /^(begin|commit|rollback|set )/i.test(s))).toEqual([]);
    expect(statements).toHaveLength(4);
    // Refused as before: another workspace's slug, and a workspace the person left.
    expect((await call(h.app, admin, 'GET', '/api/v1/workspaces/nowhere/members')).json().code).toBe('WORKSPACE_NOT_FOUND');
  });

  it('confines each read to its workspace, also when one connection switches workspace', async () => {
    const db: Database = openDatabase(h.url, { max: 1 });
    try {
      const read = (ws: string) =>
        db.readTenant(ws, async (tx) => {
          const r = await tx.execute<{ who: string; workspaces: string[] }>(
            sql`select current_user as who, array(select distinct workspace_id::text from memberships) as workspaces`,
          );
          return r.rows[0]!;
        });
      expect(await read(acme)).toEqual({ who: APP_ROLE, workspaces: [acme] });
      expect(await read(globex)).toEqual({ who: APP_ROLE, workspaces: [globex] });
      expect(await read(acme)).toEqual({ who: APP_ROLE, workspaces: [acme] });
      // Row-level security also refuses writing into another workspace from a read connection.
      await expect(
        db.readTenant(acme, (tx) => tx.execute(sql`insert into teams (workspace_id, name) values (${globex}, 'Intruders')`)),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
      await expect(db.readTenant('not-a-uuid', async () => 1)).rejects.toThrow(/not a workspace id/);
    } finally {
      await db.close();
    }
  });

  it('two app processes on one database: a token revoked or a member deactivated in one is refused by the other at once', async () => {
    const other = await secondApp(h.url);
    try {
      const sam = (await addMember(h.app, admin, 'acme', 'sue@acme.test', 'sales')).client;
      const samToken = await token(h.app, sam);
      const adminToken = await token(h.app, admin);
      const members = (app: TestApp, who: Client) => call(app, who, 'GET', '/api/v1/workspaces/acme/members');
      // Both processes answer both credentials (the other process warm: same token, same member, twice).
      for (let i = 0; i < 2; i++) {
        expect((await members(other.app, { bearer: adminToken.token })).statusCode).toBe(200);
        expect((await members(other.app, { bearer: samToken.token })).statusCode).toBe(200);
        expect((await members(other.app, sam)).statusCode).toBe(200);
      }
      // Revoked in this process: the other refuses the very next request.
      expect((await call(h.app, admin, 'DELETE', `/api/v1/workspaces/acme/tokens/${adminToken.id}`)).statusCode).toBe(204);
      const revoked = await members(other.app, { bearer: adminToken.token });
      expect([revoked.statusCode, revoked.json().code]).toEqual([401, 'AUTH_INVALID_TOKEN']);
      // Deactivated here: the other refuses the member's token and session on the next request.
      const userId = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/members', { query: { q: 'sue' } })).json().items[0].userId;
      expect((await call(h.app, admin, 'PATCH', `/api/v1/workspaces/acme/members/${userId}`, { body: { active: false } })).statusCode).toBe(200);
      expect((await members(other.app, { bearer: samToken.token })).statusCode).toBe(401);
      expect((await members(other.app, sam)).statusCode).toBe(404);
    } finally {
      await other.close();
    }
  });
});

/** A second app process's worth (own pools, own services) on the same database. */
async function secondApp(url: string) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-test-data-'));
  const config = loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', TANDEM_PUBLIC_URL: 'http://tandem.test', TANDEM_DATA_DIR: dataDir });
  const database = openDatabase(url, { max: 3, applicationName: 'tandem-second' });
  const log = pino({ level: 'silent' });
  const services = createServices({ config, database, secret: await resolveSecret(database.db, config.TANDEM_SECRET), log });
  const app = await buildApp({ services, logger: log, webDist: false });
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
