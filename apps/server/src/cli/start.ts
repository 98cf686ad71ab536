import type { Config } from '../config.ts';
import { buildApp } from '../app.ts';
import { DEMO_LOGINS, DEMO_SLUG, seedDemo } from '../demo.ts';
import { backupRecurringJobs } from '../lib/backup/index.ts';
import { createLogger } from '../lib/logger.ts';
import { prepareWordVectors } from '../lib/word-vectors/index.ts';
import { goalsRecurringJobs } from '../modules/goals/index.ts';
import { decisionsRecurringJobs } from '../modules/decisions/index.ts';
import { alignmentRecurringJobs } from '../modules/alignment/index.ts';
import { attributionRecurringJobs } from '../modules/attribution/index.ts';
import { libraryRecurringJobs } from '../modules/library/index.ts';
import { startJobQueue, startNotificationWorkers, type JobQueue, type Workers } from '../modules/notifications/index.ts';
import { requestsRecurringJobs } from '../modules/requests/index.ts';
import { openRuntime } from '../runtime.ts';
import { exitWithLauncher } from './launcher-watch.ts';
import { ROLE_LABELS } from '@tandem/contracts';

/**
 * `tandem start`: the embedded (or external) PostgreSQL, migrations, the demo
 * workspace on first start, then the API and the web app on one port.
 * SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the
 * database, stop the embedded server.
 */
export async function start(config: Config): Promise<void> {
  const log = createLogger(config);
  // The first start converts the word vectors (about 10 s) while PostgreSQL starts; later starts read 45 MB.
  const [runtime] = await Promise.all([
    openRuntime(config, log, 'owner'),
    prepareWordVectors({ setting: config.TANDEM_WORD_VECTORS, dataDir: config.dataDir, log: { info: (m) => log.info(m), warn: (m) => log.warn(m) } }),
  ]);
  const { services } = runtime;

  const firstRun = await services.auth.needsSetup();
  if (firstRun && config.TANDEM_DEMO) await seedDemo(services, log);

  // Until the job queue exists, housekeeping runs here: at start, then hourly.
  const housekeeping = async () => {
    const pruned = await services.auth.prune().catch((err: unknown) => log.warn({ err }, 'housekeeping failed'));
    if (pruned) log.debug({ pruned }, 'housekeeping');
  };
  await housekeeping();
  const housekeepingTimer = setInterval(() => void housekeeping(), 3_600_000);
  housekeepingTimer.unref();
  // Imports whose process died show as failed within a few minutes; stale uploads are deleted.
  const recoverImports = () =>
    services.imports
      .recover()
      .then((r) => (r.interrupted || r.expired) && log.info(r, 'imports recovered'))
      .catch((err: unknown) => log.warn({ err }, 'import recovery failed'));
  await recoverImports();
  const importsTimer = setInterval(() => void recoverImports(), 60_000);
  importsTimer.unref();

  // The job workers (event dispatch, deliveries, digests) run here unless `tandem worker` processes do;
  // without them this process still queues jobs (an admin's retry).
  let workers: Workers | undefined;
  let sendOnly: JobQueue | undefined;
  if (config.TANDEM_WORKERS) {
    workers = await startNotificationWorkers(services.deps, services.integrations, runtime.databaseUrl, {
      recurring: [...libraryRecurringJobs(services.deps), ...requestsRecurringJobs(services.deps), ...decisionsRecurringJobs(services.deps), ...attributionRecurringJobs(services.deps), ...alignmentRecurringJobs(services.deps, services), ...goalsRecurringJobs(services.deps, services), ...backupRecurringJobs(config, runtime.databaseUrl, log)],
    });
    services.notifications.useJobs(workers.jobs);
  } else {
    sendOnly = await startJobQueue(runtime.databaseUrl, log, { schedule: false, timeoutSeconds: config.TANDEM_JOB_TIMEOUT_SECONDS });
    services.notifications.useJobs(sendOnly);
  }

  const app = await buildApp({ services, logger: log });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      log.error('shutdown took over 30 s; exiting');
      process.exit(1);
    }, 30_000);
    timer.unref();
    clearInterval(housekeepingTimer);
    clearInterval(importsTimer);
    try {
      await app.close();
      await workers?.stop();
      await sendOnly?.stop();
      await runtime.close();
      log.info('stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  exitWithLauncher(() => void shutdown('launcher exited'));

  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (e) {
    await runtime.close().catch(() => undefined);
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  const url = config.TANDEM_PUBLIC_URL ?? `http://localhost:${port}`;

  const lines = ['', `  Tandem is running at ${url}`, `  API docs: ${url}/api/docs`];
  if (firstRun && !config.TANDEM_DEMO) {
    lines.push('', `  No accounts yet: open ${url} to create the admin account.`);
  } else if (await services.workspaces.resolve(DEMO_SLUG)) {
    lines.push('', `  Demo workspace "${DEMO_SLUG}" — sign in as (password ${DEMO_LOGINS[0]!.password}):`);
    for (const l of DEMO_LOGINS) lines.push(`    ${ROLE_LABELS[l.role].padEnd(16)} ${l.email.padEnd(26)} ${l.name}, ${l.title}`);
  }
  if (runtime.embedded) lines.push('', `  Database: embedded PostgreSQL on 127.0.0.1:${runtime.embedded.port} (data in ${config.dataDir})`);
  lines.push('');
  process.stdout.write(lines.join('\n') + '\n');
}
