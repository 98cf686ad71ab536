/**
 * The durable job queue: pg-boss 10 in its own `pgboss` schema of Tandem's
 * database. Jobs survive restarts; any number of workers share one database,
 * and a job is handed to one worker at a time (SELECT … FOR UPDATE SKIP LOCKED).
 */
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';

export const QUEUES = {
  /** One try of one delivery: { workspaceId, deliveryId }. */
  deliver: 'deliver',
  /** Hourly: the daily digests of the people for whom it is 08:00 now. */
  digest: 'digest',
  /** Hourly: the daily summary of feedback waiting for triage, for workspaces whose day has reached 07:00. */
  untriagedSummary: 'untriaged-summary',
} as const;

export interface JobQueue {
  boss: PgBoss;
  /** Queues a job; with `client`, inside that client's open transaction (it appears when that commits). */
  send(name: string, data: object, options?: PgBoss.SendOptions, client?: pg.ClientBase): Promise<string | null>;
  stop(): Promise<void>;
}

/** pg-boss's executor over a client that is inside a transaction. */
export const onClient = (client: pg.ClientBase): PgBoss.Db => ({
  executeSql: async (text, values) => ({ rows: (await client.query(text, values)).rows }),
});

export async function startJobQueue(url: string, log: Logger, options: { schedule?: boolean; timeoutSeconds?: number } = {}): Promise<JobQueue> {
  const timeout = options.timeoutSeconds ?? 60;
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    max: 4,
    application_name: 'tandem-jobs',
    schedule: options.schedule ?? true,
    // A send-only queue (an API process beside `tandem worker`s) leaves maintenance to the workers.
    supervise: options.schedule ?? true,
    // A job whose worker died is handed out again after it expires (at least once, never lost).
    expireInSeconds: timeout,
    // Expired jobs are found by the maintenance pass: run it as often as a job may take.
    maintenanceIntervalSeconds: Math.min(60, timeout),
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
    // Completed and failed jobs are kept a week for the admin page, then deleted.
    deleteAfterDays: 7,
  });
  boss.on('error', (err) => log.warn({ err }, 'job queue error'));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name);
  }
  return {
    boss,
    send: (name, data, opts = {}, client) => boss.send(name, data, client ? { ...opts, db: onClient(client) } : opts),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}
