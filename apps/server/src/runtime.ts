import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { ensureDatabase, ensureEmbeddedPostgres, type EmbeddedServer } from './db/embedded.ts';
import { runMigrations } from './db/migrate.ts';
import { shortLivedClient } from './db/short-lived-client.ts';
import { resolveSecret } from './modules/system/index.ts';
import type { BaseDeps } from './compose-deps.ts';
import type { Services } from './services.ts';

const MIN_SERVER_VERSION = 150000;

async function assertSupportedVersion(url: string): Promise<void> {
  const client = shortLivedClient({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (e) {
    const where = new URL(url);
    throw new Error(`Cannot connect to PostgreSQL at ${where.hostname}:${where.port || 5432}/${where.pathname.slice(1)}: ${(e as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ v: string; s: string }>(
      `select current_setting('server_version_num') as v, current_setting('server_version') as s`,
    );
    if (Number(rows[0]!.v) < MIN_SERVER_VERSION) {
      throw new Error(`Tandem needs PostgreSQL 15 or newer; this server runs ${rows[0]!.s}.`);
    }
  } finally {
    await client.end();
  }
}

export interface Runtime<S = Services> {
  services: S;
  embedded?: EmbeddedServer;
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * Connects to PostgreSQL (DATABASE_URL, or the embedded server in the data
 * folder), migrates it, and builds the services. `tandem start` owns the
 * embedded server; CLI commands borrow a running one or start it for their duration.
 */
export async function openRuntime(config: Config, log: Logger, role: 'owner' | 'borrower'): Promise<Runtime>;
/** The same, with the services `build` makes (a command that needs a few modules loads only those). */
export async function openRuntime<S>(config: Config, log: Logger, role: 'owner' | 'borrower', build: (base: BaseDeps) => S): Promise<Runtime<S>>;
export async function openRuntime<S>(config: Config, log: Logger, role: 'owner' | 'borrower', build?: (base: BaseDeps) => S): Promise<Runtime<S | Services>> {
  const make = build ?? (await import('./services.ts')).createServices;
  let embedded: EmbeddedServer | undefined;
  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await ensureEmbeddedPostgres({ dataDir: config.dataDir, role, log: (m) => log.info(m) });
    url = embedded.url;
    await ensureDatabase(url);
  }
  try {
    await assertSupportedVersion(url);
    await runMigrations(url);
    const database = openDatabase(url, { max: config.DATABASE_POOL_SIZE });
    const secret = await resolveSecret(database.db, config.TANDEM_SECRET);
    const services = make({ config, database, secret, log });
    return {
      services,
      embedded,
      databaseUrl: url,
      async close() {
        await database.close();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
}
