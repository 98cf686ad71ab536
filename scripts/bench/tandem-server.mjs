// The benchmarks' `tandem start`: a checkout's server on a free port, on its own embedded PostgreSQL in a fresh
// temporary data folder (never DATABASE_URL), ready when /readyz answers; stop() ends it and removes the folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function waitFor(url, ms = 180_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}`);
}

/**
 * Starts `tandem start` of the checkout in `dir` (default: this one). `demo` seeds the Northwind workspace; `env` adds
 * variables; `databaseUrl` runs it on that PostgreSQL database instead of an embedded one. Returns its `url` and `port`, the `env` it ran with (for `tandem` commands against the same data
 * folder), `databaseUrl()` of its embedded PostgreSQL, and `stop()`.
 */
export async function startTandem({ dir = root, demo = false, env: extra = {}, prefix = 'tandem-bench-', databaseUrl = undefined } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
  const port = await freePort();
  const env = { ...process.env, TANDEM_DATA_DIR: dataDir, TANDEM_DEMO: demo ? '1' : '0', LOG_LEVEL: 'warn', ...extra };
  delete env.DATABASE_URL; // the embedded PostgreSQL in dataDir, unless `databaseUrl` names another
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const bin = path.join(dir, 'apps/server/bin/tandem.js');
  const child = spawn(process.execPath, [bin, 'start'], { cwd: dir, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`http://127.0.0.1:${port}/readyz`);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    bin,
    env,
    databaseUrl() {
      if (databaseUrl) return databaseUrl;
      const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-postgres.json'), 'utf8'));
      return `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/tandem`;
    },
    stop,
  };
}
