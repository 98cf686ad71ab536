import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApp } from '../../test/app-harness.ts';
import { createTestDatabase, dropTestDatabase } from '../../test/pg-harness.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { createServices } from '../services.ts';
import { resolveSecret } from '../modules/system/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const BIN = path.join(ROOT, 'apps/server/bin/tandem.js');

let url: string;
let app: TestApp;
let database: Database;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `tandem` binary against the test database. */
function tandem(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', TANDEM_PUBLIC_URL: 'http://cli.test' };
  delete env.TANDEM_SECRET;
  delete env.TANDEM_DEBUG;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  url = await createTestDatabase();
  // The app another process would run on the same database (the secret comes from the database).
  const config = loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', TANDEM_PUBLIC_URL: 'http://cli.test' });
  database = openDatabase(url, { max: 3 });
  const log = pino({ level: 'silent' });
  const secret = await resolveSecret(database.db, undefined);
  app = await buildApp({ services: createServices({ config, database, secret, log }), logger: log, webDist: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  if (url) await dropTestDatabase(url);
});

describe('tandem CLI', () => {
  it('refuses a bad slug with a one-line reason and a non-zero exit', async () => {
    const r = await tandem('workspace', 'create', '--name', 'X', '--slug', 'bad_slug');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/--slug.*bad_slug.*lowercase letters/);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  let token: string;

  it('creates a workspace, a member with a password and a token that works against the API', async () => {
    const ws = await tandem('workspace', 'create', '--name', 'Acme', '--slug', 'acme2', '--json');
    expect(ws.code, ws.stderr).toBe(0);
    expect(JSON.parse(ws.stdout)).toMatchObject({ slug: 'acme2', name: 'Acme', baseCurrency: 'USD' });

    const dup = await tandem('workspace', 'create', '--name', 'Again', '--slug', 'acme2');
    expect(dup.code).toBe(1);
    expect(dup.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^tandem: .*"acme2".*already used/)]);

    const user = await tandem('user', 'create', '--email', 'Kim@Acme2.test', '--name', 'Kim Sales', '--role', 'sales', '--workspace', 'acme2', '--password', 'correct horse battery');
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout.trim()).toBe('kim@acme2.test is now sales in acme2.');

    const t = await tandem('token', 'create', '--email', 'kim@acme2.test', '--workspace', 'acme2');
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toMatch(/^tdm_[\w-]+\n$/);
    token = t.stdout.trim();

    const read = await call(app, { bearer: token }, 'GET', '/api/v1/workspaces/acme2');
    expect(read.statusCode).toBe(200);
    expect(read.json().slug).toBe('acme2');
    // The token has its owner's role: sales may not change settings.
    expect((await call(app, { bearer: token }, 'PATCH', '/api/v1/workspaces/acme2', { body: { name: 'Nope' } })).statusCode).toBe(403);
    // The member signs in with the password set on the command line.
    const login = await call(app, null, 'POST', '/api/v1/auth/login', { body: { email: 'kim@acme2.test', password: 'correct horse battery' } });
    expect(login.statusCode).toBe(200);
  });

  it('without --password, prints an invitation link instead', async () => {
    const r = await tandem('user', 'create', '--email', 'lee@acme2.test', '--name', 'Lee Lead', '--role', 'sales_lead', '--workspace', 'acme2');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^http:\/\/cli\.test\/invite\/tdi_[\w-]+\n$/);
    const invite = r.stdout.trim().split('/invite/')[1]!;
    const preview = await call(app, null, 'GET', `/api/v1/invitations/${invite}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ email: 'lee@acme2.test', role: 'sales_lead', workspaceSlug: 'acme2', suggestedName: 'Lee Lead' });
  });

  it('lists and revokes tokens', async () => {
    const list = await tandem('token', 'list', '--email', 'kim@acme2.test', '--workspace', 'acme2', '--json');
    expect(list.code, list.stderr).toBe(0);
    const items = JSON.parse(list.stdout) as { id: string; prefix: string; revokedAt: string | null }[];
    expect(items).toHaveLength(1);
    expect(token.startsWith(items[0]!.prefix)).toBe(true);
    expect(items[0]!.revokedAt).toBeNull();
    expect(list.stdout).not.toContain(token);

    const revoke = await tandem('token', 'revoke', items[0]!.id, '--email', 'kim@acme2.test', '--workspace', 'acme2');
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(revoke.stdout.trim()).toBe(`Revoked ${items[0]!.id}.`);
    const res = await call(app, { bearer: token }, 'GET', '/api/v1/workspaces/acme2');
    expect(res.statusCode).toBe(401);

    const after = await tandem('token', 'list', '--email', 'kim@acme2.test', '--workspace', 'acme2');
    expect(after.stdout).toMatch(new RegExp(`^${items[0]!.id}\\s.*\\srevoked$`, 'm'));

    const stranger = await tandem('token', 'create', '--email', 'nobody@acme2.test', '--workspace', 'acme2');
    expect(stranger.code).toBe(1);
    expect(stranger.stderr.trim()).toBe('tandem: No user with email nobody@acme2.test.');
  });

  it('seeds the demo workspace once', async () => {
    const r = await tandem('seed', '--demo', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { slug: string; people: number; logins: { email: string; password: string }[] };
    expect(out).toMatchObject({ slug: 'northwind', people: 18 });
    const login = await call(app, null, 'POST', '/api/v1/auth/login', { body: { email: out.logins[0]!.email, password: out.logins[0]!.password } });
    expect(login.statusCode).toBe(200);
    const cookie = `tandem_session=${login.cookies.find((c) => c.name === 'tandem_session')!.value}`;
    const members = await call(app, { cookie }, 'GET', '/api/v1/workspaces/northwind/members');
    expect(members.json().total).toBe(18);
    const teams = await call(app, { cookie }, 'GET', '/api/v1/workspaces/northwind/teams');
    expect(teams.json().total).toBe(3);

    const again = await tandem('seed', '--demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^tandem: .*"northwind" already exists/);
  });

  it('answers --help on every command', async () => {
    const commands = [[], ['start'], ['migrate'], ['seed'], ['workspace'], ['workspace', 'create'], ['user', 'create'], ['token', 'create'], ['token', 'list'], ['token', 'revoke'], ['backup'], ['restore'], ['workspace', 'export']];
    const runs = await Promise.all(commands.map((c) => tandem(...c, '--help')));
    runs.forEach((r, i) => {
      const name = ['tandem', ...commands[i]!].join(' ');
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toContain(`Usage: ${name}`);
      expect(r.stderr, name).toBe('');
    });
  });
});
