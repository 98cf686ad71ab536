import { z } from 'zod';
import type { Logger } from 'pino';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CreateWorkspaceRequest, Email, Password, ROLES, Slug, type Role } from '@tandem/contracts';
import { loadConfig, type Config } from '../config.ts';
import { AppError } from '../lib/app-error.ts';
import { cliActor, type TenantContext } from '../lib/context.ts';
import { createLogger } from '../lib/logger.ts';
import type { ImportServices } from '../import-services.ts';
import type { Runtime } from '../runtime.ts';
import { backupCommands, workspaceExportCommand } from './backup-command.ts';
import { importCommand } from './import-command.ts';
import { themesCommand } from './themes-command.ts';

class CliError extends Error {}

function parseWith<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, what: string) {
  return (value: string): T => {
    const r = schema.safeParse(value);
    if (!r.success) throw new InvalidArgumentError(`${what}: ${r.error.issues[0]?.message ?? 'invalid'}`);
    return r.data;
  };
}

const positiveInt = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${what} must be a whole number of at least 1`);
  return n;
};

function config(): Config {
  // The CLI logs warnings only, so that stdout carries just the command's output.
  const c = loadConfig();
  return { ...c, LOG_LEVEL: process.env.LOG_LEVEL ? c.LOG_LEVEL : 'warn', LOG_FORMAT: c.LOG_FORMAT ?? 'pretty' };
}

/** Runs a command against the database, starting the embedded server only for its duration when none runs. */
async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  // The server's modules load only when a command runs, so `tandem --help` stays quick.
  const { openRuntime } = await import('../runtime.ts');
  return borrowRuntime((c, log) => openRuntime(c, log, 'borrower'), fn);
}

/** The same for `tandem import`, with only the modules it uses loaded (import-services.ts). */
async function withImportRuntime<T>(fn: (rt: Runtime<ImportServices>) => Promise<T>): Promise<T> {
  const [{ openRuntime }, { createImportServices }] = await Promise.all([import('../runtime.ts'), import('../import-services.ts')]);
  return borrowRuntime((c, log) => openRuntime(c, log, 'borrower', createImportServices), fn);
}

async function borrowRuntime<R extends { close(): Promise<void> }, T>(open: (c: Config, log: Logger) => Promise<R>, fn: (rt: R) => Promise<T>): Promise<T> {
  const c = config();
  const rt = await open(c, createLogger(c, 'tandem-cli'));
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

async function tenant(rt: Runtime, slug: string): Promise<TenantContext> {
  const ws = await rt.services.workspaces.resolve(slug);
  if (!ws) throw new CliError(`no workspace with slug "${slug}"`);
  return { workspaceId: ws.id, slug, role: 'admin', actor: cliActor() };
}

async function memberUser(rt: Runtime, ctx: TenantContext, email: string) {
  const user = await rt.services.workspaces.userByEmail(email);
  if (!user) {
    const { WorkspaceErrors } = await import('../modules/workspaces/index.ts');
    throw WorkspaceErrors.userNotFound(email);
  }
  const m = await rt.services.workspaces.membership(ctx.workspaceId, user.id);
  if (!m) throw new CliError(`${email} is not a member of workspace "${ctx.slug}"`);
  return user;
}

function fail(message: string): never {
  throw new CliError(message);
}

function out(json: boolean | undefined, data: unknown, text: string) {
  process.stdout.write(json ? JSON.stringify(data, null, 2) + '\n' : text + '\n');
}

const json = () => new Option('--json', 'print machine-readable JSON');

export function buildCli(): Command {
  const program = new Command('tandem')
    .description('Tandem: product marketing and sales, in step.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (s, write) => write(s) });

  program
    .command('start')
    .description('Serve Tandem (API, web app) on PORT, with the embedded PostgreSQL unless DATABASE_URL is set')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .action(async (o: { port?: string }) => {
      if (o.port) process.env.PORT = o.port;
      const { start } = await import('./start.ts');
      await start(loadConfig());
    });

  program
    .command('worker')
    .description('Run the job workers only: event dispatch, email, Slack and webhook deliveries, digests (several may run at once)')
    .option('--concurrency <n>', 'deliveries tried at once by this process', positiveInt('--concurrency'), 2)
    .action(async (o: { concurrency: number }) => {
      const c = config();
      const log = createLogger(c, 'tandem-worker');
      const { decisionsRecurringJobs } = await import('../modules/decisions/index.ts');
      const { alignmentRecurringJobs } = await import('../modules/alignment/index.ts');
      const { attributionRecurringJobs } = await import('../modules/attribution/index.ts');
      const { backupRecurringJobs } = await import('../lib/backup/index.ts');
      const [{ openRuntime }, { startNotificationWorkers }, { libraryRecurringJobs }, { requestsRecurringJobs }, { goalsRecurringJobs }] = await Promise.all([
        import('../runtime.ts'),
        import('../modules/notifications/index.ts'),
        import('../modules/library/index.ts'),
        import('../modules/requests/index.ts'),
        import('../modules/goals/index.ts'),
      ]);
      const rt = await openRuntime(c, log, 'borrower');
      const workers = await startNotificationWorkers(rt.services.deps, rt.services.integrations, rt.databaseUrl, {
        concurrency: o.concurrency,
        recurring: [...libraryRecurringJobs(rt.services.deps), ...requestsRecurringJobs(rt.services.deps), ...decisionsRecurringJobs(rt.services.deps), ...attributionRecurringJobs(rt.services.deps), ...alignmentRecurringJobs(rt.services.deps, rt.services), ...goalsRecurringJobs(rt.services.deps, rt.services), ...backupRecurringJobs(c, rt.databaseUrl, log)],
      });
      rt.services.notifications.useJobs(workers.jobs);
      log.info({ concurrency: o.concurrency }, 'tandem worker running; stop with Ctrl-C or SIGTERM');
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', resolve);
        process.once('SIGINT', resolve);
      });
      log.info('stopping: finishing the jobs in hand');
      await workers.stop();
      await rt.close();
    });

  program
    .command('migrate')
    .description('Apply database migrations (start does this too)')
    .addOption(json())
    .action(async (o: { json?: boolean }) => {
      const { runMigrations } = await import('../db/migrate.ts');
      await withRuntime(async (rt) => {
        await runMigrations(rt.databaseUrl);
        out(o.json, { ok: true }, 'Migrations applied.');
      });
    });

  program
    .command('seed')
    .description('Add demo data')
    .requiredOption('--demo', 'seed the Northwind Cloud demo workspace')
    .option('--scale <n>', 'multiply the volume (for benchmarks)', positiveInt('--scale'), 1)
    .option('--seed <n>', 'random seed; the same seed gives the same data', positiveInt('--seed'), 42)
    .addOption(json())
    .action(async (o: { scale: number; seed: number; json?: boolean }) => {
      const { seedDemo } = await import('../demo.ts');
      await withRuntime(async (rt) => {
        const r = await seedDemo(rt.services, rt.services.deps.log, { scale: o.scale, seed: o.seed });
        out(o.json, r, `Seeded workspace "${r.slug}" with ${r.people} people, ${r.accounts} accounts and ${r.deals} deals. Demo password: ${r.logins[0]!.password}`);
      });
    });

  const workspace = program.command('workspace').description('Manage workspaces');
  workspace
    .command('create')
    .description('Create a workspace (prints its slug)')
    .requiredOption('--name <name>', 'display name, e.g. "Acme"')
    .requiredOption('--slug <slug>', 'lowercase letters, digits and hyphens', parseWith(Slug, '--slug'))
    .option('--currency <code>', 'base currency (ISO 4217)', 'USD')
    .option('--fiscal-year-start <month>', 'first month of the fiscal year (1-12)', '1')
    .addOption(json())
    .action(async (o: { name: string; slug: string; currency: string; fiscalYearStart: string; json?: boolean }) => {
      const input = CreateWorkspaceRequest.safeParse({
        name: o.name,
        slug: o.slug,
        baseCurrency: o.currency,
        fiscalYearStartMonth: Number(o.fiscalYearStart),
      });
      if (!input.success) {
        const i = input.error.issues[0]!;
        throw new CliError(`--${String(i.path[0])}: ${i.message}`);
      }
      await withRuntime(async (rt) => {
        const ws = await rt.services.workspaces.create(cliActor(), input.data, null);
        out(o.json, ws, ws.slug);
      });
    });

  workspace.addCommand(workspaceExportCommand({ config, fail }));

  const user = program.command('user').description('Manage people');
  user
    .command('create')
    .description('Add a person to a workspace; without --password, prints an invitation link instead')
    .requiredOption('--email <email>', 'their email', parseWith(Email, '--email'))
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, (v: string) => {
      if (!(ROLES as readonly string[]).includes(v)) throw new InvalidArgumentError(`--role must be one of ${ROLES.join(', ')}`);
      return v as Role;
    })
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--password <password>', 'set a password now (at least 10 characters)', parseWith(Password, '--password'))
    .addOption(json())
    .action(async (o: { email: string; name: string; role: Role; workspace: string; password?: string; json?: boolean }) => {
      await withRuntime(async (rt) => {
        const ctx = await tenant(rt, o.workspace);
        if (o.password) {
          const m = await rt.services.workspaces.addMember(ctx, { email: o.email, name: o.name, role: o.role, password: o.password });
          out(o.json, m, `${m.email} is now ${m.role} in ${o.workspace}.`);
        } else {
          const inv = await rt.services.workspaces.invite(ctx, { email: o.email, name: o.name, role: o.role });
          out(o.json, inv, inv.url);
        }
      });
    });

  const token = program.command('token').description('Manage API tokens');
  token
    .command('create')
    .description('Create an API token for a member; prints only the token')
    .requiredOption('--email <email>', 'the token owner', parseWith(Email, '--email'))
    .requiredOption('--workspace <slug>', 'the workspace the token acts in')
    .option('--name <name>', 'a name to recognise it by', 'CLI token')
    .option('--expires-in <days>', 'expire after this many days', positiveInt('--expires-in'))
    .addOption(json())
    .action(async (o: { email: string; workspace: string; name: string; expiresIn?: number; json?: boolean }) => {
      await withRuntime(async (rt) => {
        const ctx = await tenant(rt, o.workspace);
        const owner = await memberUser(rt, ctx, o.email);
        const t = await rt.services.tokens.create(ctx, owner.id, { name: o.name, expiresInDays: o.expiresIn ?? null });
        out(o.json, t, t.token);
      });
    });
  token
    .command('list')
    .description("List a member's API tokens")
    .requiredOption('--email <email>', 'the token owner', parseWith(Email, '--email'))
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(json())
    .action(async (o: { email: string; workspace: string; json?: boolean }) => {
      await withRuntime(async (rt) => {
        const ctx = await tenant(rt, o.workspace);
        const owner = await memberUser(rt, ctx, o.email);
        const list = await rt.services.tokens.list(ctx, owner.id);
        const rows = list.items.map(
          (t) => `${t.id}  ${t.prefix}…  ${t.name}  ${t.revokedAt ? 'revoked' : t.expiresAt && new Date(t.expiresAt) < new Date() ? 'expired' : 'active'}`,
        );
        out(o.json, list.items, rows.length ? rows.join('\n') : 'No tokens.');
      });
    });
  token
    .command('revoke')
    .description('Revoke an API token')
    .argument('<id>', 'token id (from token list)', parseWith(z.uuid(), 'id'))
    .requiredOption('--email <email>', 'the token owner', parseWith(Email, '--email'))
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(json())
    .action(async (id: string, o: { email: string; workspace: string; json?: boolean }) => {
      await withRuntime(async (rt) => {
        const ctx = await tenant(rt, o.workspace);
        const owner = await memberUser(rt, ctx, o.email);
        await rt.services.tokens.revoke(ctx, owner.id, id);
        out(o.json, { ok: true, id }, `Revoked ${id}.`);
      });
    });

  program.addCommand(
    importCommand({
      withRuntime: withImportRuntime,
      fail: (message: string) => {
        throw new CliError(message);
      },
    }),
  );

  program.addCommand(themesCommand());
  for (const c of backupCommands({ config, fail })) program.addCommand(c);

  return program;
}

export async function main(argv = process.argv): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (e) {
    const msg = e instanceof AppError ? (e.detail ?? e.title) : e instanceof Error ? e.message : String(e);
    process.stderr.write(`tandem: ${msg.split('\n')[0]}\n`);
    // --json promises one object on stdout, failures included.
    if (argv.includes('--json')) {
      process.stdout.write(JSON.stringify({ error: { code: e instanceof AppError ? e.code : 'ERROR', message: msg.split('\n')[0] } }) + '\n');
    }
    if (process.env.TANDEM_DEBUG) console.error(e);
    process.exit(1);
  }
}
