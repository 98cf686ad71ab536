// API reads: Tandem's GET members (token auth, tenant transaction under row-level
// security, zod serialization) against a minimal Fastify + pg process running the same
// SQL, side by side on one embedded PostgreSQL, alternating, as a ratio in one run.
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, startTandem, waitFor } from './tandem-server.mjs';

function load(url, headers, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: 16, duration: seconds }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

export async function apiReads({ seconds = 10, rounds = 2 } = {}) {
  const tandem = await startTandem({ demo: true, env: { LOG_FORMAT: 'json' }, prefix: 'tandem-bench-api-' });
  const basePort = await freePort();
  let baseline;
  try {
    const token = execFileSync(process.execPath, [tandem.bin, 'token', 'create', '--email', 'dana@northwind.example', '--workspace', 'northwind'], {
      env: tandem.env,
      encoding: 'utf8',
    }).trim();
    const dbUrl = tandem.databaseUrl();
    const c = new pg.Client({ connectionString: dbUrl });
    await c.connect();
    const wsId = (await c.query(`select id from workspaces where slug = 'northwind'`)).rows[0].id;
    await c.end();
    baseline = spawn(process.execPath, [path.join(import.meta.dirname, 'baseline-server.mjs'), dbUrl, String(basePort), wsId], { stdio: 'ignore' });
    await waitFor(`http://127.0.0.1:${basePort}/members`);

    const tandemUrl = `${tandem.url}api/v1/workspaces/northwind/members`;
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
    await tandem.stop();
  }
}
