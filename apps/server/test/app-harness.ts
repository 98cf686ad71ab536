/** Builds a real Tandem app on a fresh database for API tests (app.inject, no network). */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { resolveSecret } from '../src/modules/system/index.ts';
import { createServices, type Services } from '../src/services.ts';
import { createTestDatabase, dropTestDatabase } from './pg-harness.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface Harness {
  app: TestApp;
  services: Services;
  url: string;
  close(): Promise<void>;
}

/** The app and its services on the database at `url` with the data folder `dataDir`; `close()` leaves both. */
export async function openApp(url: string, dataDir: string, env: Record<string, string> = {}) {
  const config = loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', TANDEM_UNDO_SECONDS: '0', TANDEM_PUBLIC_URL: 'http://tandem.test', TANDEM_DATA_DIR: dataDir, ...env });
  const database = openDatabase(url, { max: 5 });
  const log = pino({ level: 'silent' });
  const secret = await resolveSecret(database.db, config.TANDEM_SECRET);
  const services = createServices({ config, database, secret, log });
  const app = await buildApp({ services, logger: log, webDist: false });
  await app.ready();
  return {
    app,
    services,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * An app on a fresh database cloned from the migrated template, or from `from` (a database of this run nobody is
 * connected to, and the data folder that goes with it: demo-harness.ts).
 */
export async function createHarness(env: Record<string, string> = {}, opts: { from?: { database: string; dataDir: string } } = {}): Promise<Harness> {
  const url = await createTestDatabase(opts.from?.database);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-test-data-'));
  if (opts.from) await fs.cp(opts.from.dataDir, dataDir, { recursive: true });
  const opened = await openApp(url, dataDir, env);
  return {
    app: opened.app,
    services: opened.services,
    url,
    async close() {
      await opened.close();
      await dropTestDatabase(url);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF header on writes. */
export interface Client {
  cookie?: string;
  csrf?: string;
  bearer?: string;
}

export interface CallOptions {
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export async function call(
  app: TestApp,
  who: Client | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  opts: CallOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (who?.cookie) headers.cookie = who.cookie;
  if (who?.csrf && method !== 'GET') headers['x-csrf-token'] = who.csrf;
  if (who?.bearer) headers.authorization = `Bearer ${who.bearer}`;
  return app.inject({
    method,
    url,
    headers,
    query: opts.query,
    ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
  });
}

function sessionFrom(res: LightMyRequestResponse): Client {
  const c = res.cookies.find((x) => x.name === 'tandem_session');
  if (!c) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return { cookie: `tandem_session=${c.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

export async function setupAdmin(app: TestApp, opts: { email?: string; slug?: string; password?: string } = {}) {
  const res = await call(app, null, 'POST', '/api/v1/setup', {
    body: {
      name: 'Ada Admin',
      email: opts.email ?? 'ada@acme.test',
      password: opts.password ?? 'correct horse battery',
      workspaceName: 'Acme',
      workspaceSlug: opts.slug ?? 'acme',
    },
  });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(res);
}

export async function login(app: TestApp, email: string, password: string): Promise<Client> {
  const res = await call(app, null, 'POST', '/api/v1/auth/login', { body: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return sessionFrom(res);
}

export const PASSWORD = 'correct horse battery';

/** Invites and accepts: returns the new member's session and user id. */
export async function addMember(app: TestApp, admin: Client, slug: string, email: string, role: string, name = email.split('@')[0]!) {
  const inv = await call(app, admin, 'POST', `/api/v1/workspaces/${slug}/invitations`, { body: { email, role } });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.statusCode} ${inv.body}`);
  const token = (inv.json() as { url: string }).url.split('/invite/')[1]!;
  const acc = await call(app, null, 'POST', `/api/v1/invitations/${token}/accept`, { body: { name, password: PASSWORD } });
  if (acc.statusCode !== 200) throw new Error(`accept failed: ${acc.statusCode} ${acc.body}`);
  const client = sessionFrom(acc);
  return { client, userId: (acc.json() as { user: { id: string } }).user.id, invitationId: (inv.json() as { id: string }).id };
}
