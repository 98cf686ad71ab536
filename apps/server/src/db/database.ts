import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { connectionLost } from './errors.ts';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** The database role application queries on tenant tables run as, so row-level security applies. */
export const APP_ROLE = 'tandem_app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Database {
  pool: pg.Pool;
  /**
   * The system handle: connects as the owner of the tables, which row-level
   * security does not restrict. For sign-in, token lookups and other work that
   * precedes knowing the workspace, and for cross-workspace reads of one's own memberships.
   */
  db: Db;
  /** Runs fn in a transaction confined to one workspace by row-level security. */
  withTenant<T>(workspaceId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs read-only fn confined to one workspace by row-level security, without a transaction: on a
   * connection of the read pool that stays in the application role and remembers its workspace, so a
   * read costs only its own queries (no begin, no commit; switching workspace is one round trip).
   * Each statement sees its own snapshot, as it would in withTenant's read-committed transaction.
   * Never write here: there is no transaction to make writes all-or-nothing.
   */
  readTenant<T>(workspaceId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs fn in a transaction as the owner, across workspaces (the event dispatcher), on one
   * client that fn also gets: another library (the job queue) can write in the same transaction.
   */
  withSystem<T>(fn: (tx: Tx, client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function openDatabase(url: string, opts: { max?: number; applicationName?: string } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'tandem',
    idleTimeoutMillis: 30_000,
  });
  // A connection dying (the server restarting, a backend terminated) must not end the process: an idle
  // client's error reaches the pool, which drops it; a checked-out client's error has no listener of
  // the pool's, so each client gets its own. The query it was running fails with the error, the
  // transaction is rolled back by the server, and release(err) below discards the client.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzle(pool, { schema });
  // Tenant reads (readTenant): connections in the application role, each remembering the workspace it is
  // confined to. Its own pool, so no owner query ever runs on one; its clients' errors are handled as above.
  const readPool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: `${opts.applicationName ?? 'tandem'}-read`,
    idleTimeoutMillis: 30_000,
  });
  readPool.on('error', () => undefined);
  readPool.on('connect', (client) => client.on('error', () => undefined));
  const confinedTo = new WeakMap<pg.PoolClient, string>();
  const handles = new WeakMap<pg.PoolClient, Tx>();
  /** One transaction on one pooled client, opened by `begin` (one simple-protocol round trip). */
  async function inTransaction<T>(begin: string, fn: (tx: Tx, client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const result = await fn(drizzle(client, { schema }) as unknown as Tx, client);
      await client.query('commit');
      return result;
    } catch (e) {
      await client.query('rollback').catch((err: Error) => (broken = err));
      throw e;
    } finally {
      // A connection that cannot even roll back is discarded, not returned to the pool.
      client.release(broken);
    }
  }
  return {
    pool,
    db,
    async withTenant(workspaceId, fn) {
      // Opening the transaction also confines it to the workspace (nothing to parse or plan);
      // the id is checked to be a UUID before it is inlined.
      if (!UUID.test(workspaceId)) throw new Error(`withTenant: not a workspace id: ${workspaceId}`);
      return inTransaction(`begin; set local role ${APP_ROLE}; set local app.workspace_id = '${workspaceId}'`, (tx) => fn(tx));
    },
    async readTenant(workspaceId, fn) {
      if (!UUID.test(workspaceId)) throw new Error(`readTenant: not a workspace id: ${workspaceId}`);
      const client = await readPool.connect();
      let broken: Error | undefined;
      try {
        if (confinedTo.get(client) !== workspaceId) {
          confinedTo.delete(client);
          try {
            // Session-level (not `local`): the connection keeps both for the reads that follow.
            await client.query(`set role ${APP_ROLE}; set app.workspace_id = '${workspaceId}'`);
          } catch (e) {
            broken = e as Error; // a connection whose confinement is unknown is never reused
            throw e;
          }
          confinedTo.set(client, workspaceId);
        }
        let handle = handles.get(client);
        if (!handle) handles.set(client, (handle = drizzle(client, { schema }) as unknown as Tx));
        return await fn(handle);
      } catch (e) {
        if (connectionLost(e)) broken = e as Error; // never hand a dead connection to the next read
        throw e;
      } finally {
        client.release(broken);
      }
    },
    async withSystem(fn) {
      return inTransaction('begin', fn);
    },
    async close() {
      await Promise.all([pool.end(), readPool.end()]);
    },
  };
}
