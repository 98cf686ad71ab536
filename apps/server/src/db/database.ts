import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
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
  // An idle client's connection dying (e.g. the server restarting) must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
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
    async withSystem(fn) {
      return inTransaction('begin', fn);
    },
    async close() {
      await pool.end();
    },
  };
}
