// API reads: Tandem's GET members (token auth, tenant transaction under row-level
// security, zod serialization) against a minimal Fastify + pg process running the same
// SQL, side by side on one embedded PostgreSQL, alternating, as a ratio in one run.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '../..');
const tandemBin = path.join(root, 'apps/server/bin/tandem.js');

async function waitFor(url, ms = 180_000) {
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

function load(url, headers, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: 16, duration: seconds }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

export async function apiReads({ seconds = 10, rounds = 2 } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-api-'));
  fs.chmodSync(dataDir, 0o755);
  const env = { ...process.env, TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOG_FORMAT: 'json', TANDEM_DEMO: '1' };
  const tandemPort = 3900 + Math.floor(Math.random() * 50);
  const basePort = tandemPort + 50;
  const tandem = spawn(process.execPath, [tandemBin, 'start'], { env: { ...env, PORT: String(tandemPort) }, stdio: 'ignore' });
  let baseline;
  try {
    await waitFor(`http://127.0.0.1:${tandemPort}/readyz`);
    const token = execFileSync(process.execPath, [tandemBin, 'token', 'create', '--email', 'dana@northwind.example', '--workspace', 'northwind'], { env, encoding: 'utf8' }).trim();
    const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-postgres.json'), 'utf8'));
    const dbUrl = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/tandem`;
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const wsId = (await c.query(`select id from workspaces where slug = 'northwind'`)).rows[0].id;
    await c.end();
    baseline = spawn(process.execPath, [path.join(import.meta.dirname, 'baseline-server.mjs'), dbUrl, String(basePort), wsId], { stdio: 'ignore' });
    await waitFor(`http://127.0.0.1:${basePort}/members`);

    const tandemUrl = `http://127.0.0.1:${tandemPort}/api/v1/workspaces/northwind/members`;
    const check = await fetch(tandemUrl, { headers: { authorization: `Bearer ${token}` } });
    if (!check.ok) throw new Error(`Tandem answered ${check.status}`);
    const baseUrl = `http://127.0.0.1:${basePort}/members`;
    const warm = [await load(tandemUrl, { authorization: `Bearer ${token}` }, 3), await load(baseUrl, {}, 3)];
    const warmFailures = warm.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
    if (warmFailures) throw new Error(`warm-up: ${warmFailures} answers were not 2xx (or failed)`);
    const t = [];
    const b = [];
    // Only 2xx answers count as served: any other status, socket error or timeout is counted and fails the run.
    const failed = { tandem: 0, baseline: 0 };
    const served = (who, r) => {
      failed[who] += r.non2xx + r.errors + r.timeouts;
      return r.requests.average;
    };
    for (let i = 0; i < rounds; i++) {
      b.push(served('baseline', await load(baseUrl, {}, seconds)));
      t.push(served('tandem', await load(tandemUrl, { authorization: `Bearer ${token}` }, seconds)));
    }
    const avg = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
    return { tandem: avg(t), baseline: avg(b), ratio: avg(t) / avg(b), rounds: { tandem: t, baseline: b }, failed };
  } finally {
    baseline?.kill('SIGTERM');
    tandem.kill('SIGTERM');
    await new Promise((r) => tandem.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
