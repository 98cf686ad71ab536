import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, setupAdmin, type Client, type Harness } from '../../test/app-harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const BIN = path.join(ROOT, 'apps/server/bin/tandem.js');
const FIXTURES = path.join(ROOT, 'apps/server/src/modules/imports/reading/fixtures');

let h: Harness;
let admin: Client;
let tmp: string;
let wsId: string;

const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: h.url, LOG_LEVEL: 'warn', TANDEM_DATA_DIR: tmp };
  delete e.TANDEM_SECRET;
  delete e.TANDEM_DEBUG;
  return e;
};

function tandem(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: env(), timeout: 120_000, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const query = async <T>(text: string, values: unknown[] = []) => (await h.services.deps.database.pool.query(text, values)).rows as T[];
const dealCount = async (source: string) => (await query<{ n: number }>('select count(*)::int as n from deals where source = $1', [source]))[0]!.n;

/** A Salesforce-style report of n deals. */
async function bigFile(n: number) {
  const file = path.join(tmp, `big-${n}.csv`);
  const rows = ['"Opportunity ID","Opportunity Name","Account Name","Amount","Close Date","Created Date","Stage","Opportunity Owner"'];
  for (let i = 0; i < n; i++) {
    rows.push(`"006K${String(i).padStart(11, '0')}","Deal ${i}","Account ${i % 500}","$${(1000 + (i % 9000)).toLocaleString('en-US')}.00","${1 + (i % 12)}/${1 + (i % 28)}/2026","1/${1 + (i % 28)}/2025","${i % 3 ? 'Prospecting' : 'Closed Won'}","Owner ${i % 20}"`);
  }
  await fs.writeFile(file, rows.join('\n') + '\n');
  return file;
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  wsId = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-import-cli-'));
});
afterAll(async () => {
  await h?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('tandem import', () => {
  it('prints exactly one JSON object, and a second run reports every deal unchanged', async () => {
    const first = await tandem('import', 'deals', path.join(FIXTURES, 'salesforce-mdy.csv'), '--format', 'salesforce', '--workspace', 'acme', '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(Object.keys(result).sort()).toEqual(
      ['created', 'errors', 'errorsTruncated', 'importId', 'invalid', 'removed', 'unchanged', 'unknownStages', 'updated', 'warnings'].sort(),
    );
    expect(result).toMatchObject({ created: 5, updated: 0, unchanged: 0, invalid: 0 });
    const again = JSON.parse((await tandem('import', 'deals', path.join(FIXTURES, 'salesforce-mdy.csv'), '--json')).stdout);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5 });

    const undo = await tandem('import', 'undo', again.importId);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain('Undone');
  });

  it('exits non-zero naming the cause when nothing can be imported', async () => {
    const r = await tandem('import', 'deals', path.join(FIXTURES, 'hubspot-ids.csv'), '--format', 'salesforce');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^tandem: .*"Opportunity ID".*not found/);
    expect(r.stdout).toBe('');
    const json = await tandem('import', 'deals', path.join(tmp, 'missing.csv'), '--json');
    expect(json.code).not.toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'DEALS_IMPORT_NO_FILE' } });
  });

  it('leaves the database as it was when killed mid-import, and a re-run succeeds', async () => {
    const file = await bigFile(25_000);
    const child = spawn(process.execPath, [BIN, 'import', 'deals', file, '--source', 'kill', '--json'], { cwd: ROOT, env: env(), stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Wait until the import is COPYing rows inside its transaction, then kill it.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const copying = await query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike 'copy import_rows%' and state = 'active'",
      );
      if (copying[0]!.n > 0) break;
      if (Date.now() > deadline) throw new Error('the import never reached its COPY');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    expect(await dealCount('kill')).toBe(0);
    const [killed] = await query<{ status: string }>('select status from imports where file_name = $1', [path.basename(file)]);
    expect(killed!.status).not.toBe('completed');

    const rerun = await tandem('import', 'deals', file, '--source', 'kill', '--json');
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ created: 25_000, invalid: 0 });
    expect(await dealCount('kill')).toBe(25_000);
  }, 180_000);

  it('with --url and --token uploads the file to the server and follows the job', async () => {
    const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const token = (await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/tokens', { body: { name: 'cli upload' } })).json().token as string;
    const mapping = path.join(FIXTURES, 'generic.mapping.json');
    const r = await tandem('import', 'deals', path.join(FIXTURES, 'generic.csv'), '--format', 'csv', '--map', mapping, '--source', 'erp-upload', '--workspace', 'acme', '--url', address, '--token', token, '--json');
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout);
    expect(result.created + result.invalid).toBe(4);
    expect(await dealCount('erp-upload')).toBe(result.created);
    const [rec] = await query<{ status: string; created_by_user_id: string | null }>('select status, created_by_user_id from imports where id = $1 and workspace_id = $2', [result.importId, wsId]);
    expect(rec).toMatchObject({ status: 'completed' });
    expect(rec!.created_by_user_id).not.toBeNull();
  });
});
