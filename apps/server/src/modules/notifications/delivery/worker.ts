/**
 * The workers: the event dispatcher (woken by NOTIFY at each commit that emits,
 * and every few seconds in case a wake-up was missed), the delivery jobs and the
 * hourly digest. `tandem start` runs them in-process; `tandem worker` runs them
 * alone; any number of them can share one database.
 */
import pg from 'pg';
import type { Deps } from '../../../lib/deps.ts';
import { createDispatcher } from '../outbox/dispatcher.ts';
import { CHANNEL_NOTIFY, outboxRepository as repo } from '../outbox/outbox.repository.ts';
import { createDeliveryRunner, type Senders, type SettledHook } from './delivery.ts';
import { QUEUES, startJobQueue, type JobQueue } from './jobs.ts';
import { emitUntriagedSummaries } from './untriaged-summary.ts';

/** Work another module runs on a schedule (e.g. the library's daily review reminders); idempotent per run. */
export interface RecurringJob {
  /** The pg-boss queue name (unique). */
  queue: string;
  /** A cron expression (UTC). */
  cron: string;
  run(): Promise<unknown>;
}

export interface WorkerOptions {
  databaseUrl: string;
  /** Scheduled work of other modules, run by these workers (one worker takes each due run). */
  recurring?: readonly RecurringJob[];
  senders: Senders;
  onSettled?: SettledHook;
  /** Deliveries tried at once by this process. */
  concurrency?: number;
  pollMs?: number;
}

export interface Workers {
  jobs: JobQueue;
  /** Dispatches everything waiting now (tests, and the admin page's "run now"). */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export async function startWorkers(deps: Deps, options: WorkerOptions): Promise<Workers> {
  const log = deps.log.child({ component: 'workers' });
  const jobs = await startJobQueue(options.databaseUrl, log, { timeoutSeconds: deps.config.TANDEM_JOB_TIMEOUT_SECONDS });
  const dispatcher = createDispatcher(deps, jobs);
  const runner = createDeliveryRunner(deps, { senders: options.senders, jobs, onSettled: options.onSettled });
  let stopped = false;

  let running: Promise<number> | undefined;
  let again = false;
  /** One dispatch loop at a time in this process; a wake-up during a pass runs one more pass. */
  const drain = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        for (let n = await dispatcher.dispatchBatch(); n > 0 && !stopped; n = await dispatcher.dispatchBatch()) total += n;
      } while (again && !stopped);
      return total;
    })().finally(() => (running = undefined));
    return running;
  };
  const wake = () =>
    void drain().catch((err: unknown) => {
      if (!stopped) log.warn({ err }, 'event dispatch failed; retrying on the next wake-up');
    });

  // The LISTEN connection. Lost (the database restarted, the backend was terminated), it is opened
  // again every 2 s until it is back; meanwhile the poll below dispatches.
  let listener: pg.Client | undefined;
  let relisten: NodeJS.Timeout | undefined;
  const listen = async () => {
    const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'tandem-events' });
    client.on('error', (err) => {
      // Before it listens, a failure is the caller's (start, or the next try below).
      if (stopped || listener !== client) return;
      log.warn({ err }, 'event listener connection lost; polling until it is back');
      listener = undefined;
      void client.end().catch(() => undefined);
      listenAgain();
    });
    client.on('notification', wake);
    try {
      await client.connect();
      await client.query(`listen ${CHANNEL_NOTIFY}`);
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    listener = client;
  };
  const listenAgain = () => {
    if (stopped || relisten) return;
    relisten = setTimeout(() => {
      relisten = undefined;
      void listen().then(wake, listenAgain);
    }, 2_000);
    relisten.unref();
  };
  await listen();
  // A pending delivery nobody queued (an admin's retry from a process without the queue) or whose job
  // was lost: queued again under the key its next try would have, so one already queued is not doubled.
  const sweep = async () => {
    for (const d of await repo.overdueDeliveries(deps.database.db, Math.max(30, deps.config.TANDEM_JOB_TIMEOUT_SECONDS * 2))) {
      await jobs.send(QUEUES.deliver, { workspaceId: d.workspaceId, deliveryId: d.id }, { singletonKey: `${d.id}:${d.attempts + 1}` });
    }
  };
  const poll = setInterval(wake, options.pollMs ?? 5_000);
  poll.unref();
  // Overdue means a minute late at least: once a minute is often enough (an index keeps it cheap).
  const sweeper = setInterval(() => void sweep().catch((err: unknown) => !stopped && log.warn({ err }, 'delivery sweep failed')), 60_000);
  sweeper.unref();
  wake();

  for (let i = 0; i < (options.concurrency ?? 2); i++) {
    await jobs.boss.work<{ workspaceId: string; deliveryId: string }>(QUEUES.deliver, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await runner.attempt(job.data.workspaceId, job.data.deliveryId);
    });
  }
  await jobs.boss.schedule(QUEUES.digest, '0 * * * *', {});
  await jobs.boss.work(QUEUES.digest, async () => {
    const sent = await runner.sendDueDigests(8);
    if (sent) log.info({ sent }, 'daily digests sent');
  });
  // Five past the hour: the summaries of 07:00 are in the outbox well before the 08:00 digest.
  await jobs.boss.schedule(QUEUES.untriagedSummary, '5 * * * *', {});
  await jobs.boss.work(QUEUES.untriagedSummary, async () => {
    const emitted = await emitUntriagedSummaries(deps);
    if (emitted) log.info({ emitted }, 'daily summaries of untriaged feedback emitted');
  });
  for (const job of options.recurring ?? []) {
    if (!(await jobs.boss.getQueue(job.queue))) await jobs.boss.createQueue(job.queue);
    await jobs.boss.schedule(job.queue, job.cron, {});
    await jobs.boss.work(job.queue, async () => {
      const result = await job.run();
      if (result) log.info({ queue: job.queue, result }, 'recurring job done');
    });
  }
  log.info('workers started');

  return {
    jobs,
    drain,
    async stop() {
      stopped = true;
      clearInterval(poll);
      clearInterval(sweeper);
      clearTimeout(relisten);
      await listener?.end().catch(() => undefined);
      await running?.catch(() => undefined);
      await jobs.stop();
    },
  };
}
