/**
 * PostgreSQL dropping the connection a migration runs on: the migration fails with the cause, the process lives on
 * (pg emits 'error' on the client; unheard, that event is an uncaught exception that would end `tandem start` or
 * `tandem migrate`), and the next run migrates normally. The drop is made deterministic: another session locks the
 * table of applied migrations, the migration (holding its advisory lock by then) waits to read it, and its backend is
 * terminated while it waits.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionLost } from '../src/db/errors.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { createTestDatabase, dropTestDatabase } from './pg-harness.ts';

/** Errors nobody handled while the test ran: an unhandled 'error' event of a pg client lands here. */
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);
let url: string;

beforeAll(async () => {
  url = await createTestDatabase();
  process.on('uncaughtException', onUncaught);
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  if (url) await dropTestDatabase(url);
});

async function connect(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

describe('a migration whose database connection is terminated', () => {
  it('fails with the cause instead of ending the process, and the next run migrates', async () => {
    const holder = await connect();
    const watcher = await connect();
    try {
      await holder.query('begin');
      await holder.query('lock table drizzle.__drizzle_migrations in access exclusive mode');
      const migrating = runMigrations(url).then(
        () => null,
        (e: unknown) => e as Error,
      );
      // The migration's backend, waiting for the table.
      let pid: number | undefined;
      while (!pid) {
        const { rows } = await watcher.query<{ pid: number }>(
          `select pid from pg_stat_activity where application_name = 'tandem-migrate' and datname = current_database() and wait_event_type = 'Lock'`,
        );
        pid = rows[0]?.pid;
        if (!pid) await new Promise((r) => setTimeout(r, 20));
      }
      await watcher.query('select pg_terminate_backend($1)', [pid]);
      const failure = await migrating;
      // The run waits for the locked table in its first read of it — the schema-version check (a plain query: the
      // driver's error) or, past it, Drizzle's migrator (which names the query and keeps the driver's error as its
      // cause). Either way the error says the backend was terminated.
      expect(failure).toBeInstanceOf(Error);
      expect(connectionLost(failure)).toBe(true);
      const driverError = (failure?.message.startsWith('Failed query: ') ? failure.cause : failure) as { code?: string } | undefined;
      expect(driverError?.code).toBe('57P01');
      // Let the client's 'end' (and the 'error' it brings) fire before looking.
      await new Promise((r) => setTimeout(r, 100));
      expect(uncaught).toEqual([]);
    } finally {
      await holder.query('rollback');
      await holder.end();
      await watcher.end();
    }
    // The advisory lock went with the session that held it: the next run takes it and completes.
    await expect(runMigrations(url)).resolves.toBeUndefined();
    expect(uncaught).toEqual([]);
  });
});
