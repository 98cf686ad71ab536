import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const BIN = path.join(ROOT, 'apps/server/bin/tandem.js');
let tmp: string;

function tandem(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // No DATABASE_URL: the command must not need one.
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', TANDEM_DATA_DIR: tmp };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

async function file(name: string, content: string) {
  const p = path.join(tmp, name);
  await fs.writeFile(p, content);
  return p;
}

const readOut = async (p: string) => (await fs.readFile(p, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { index: number; text: string; cluster: number; label: string });

const ROWS = [
  'The price is too high for us',
  'Too expensive compared to last year price',
  'Price increase made us reconsider',
  'Pricing is too high',
  'Expensive price per seat',
  'Login with SSO fails',
  'SSO login broken again',
  'Cannot login through SSO',
  'SSO login error for admins',
  'Login page SSO redirect fails',
];

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-themes-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

// Each case spawns its own process on its own files, so they run side by side.
describe.concurrent('tandem themes cluster', () => {
  it('clusters a 10-row CSV into one JSON line per row, in input order, with labels', async () => {
    const input = await file('ten.csv', 'id,text\n' + ROWS.map((t, i) => `${i},"${t}"`).join('\n') + '\n');
    const output = path.join(tmp, 'ten.jsonl');
    const r = await tandem('themes', 'cluster', '--input', input, '--k', '2', '--seed', '1', '--output', output);
    expect(r.code, r.stderr).toBe(0);
    const lines = await readOut(output);
    expect(lines.map((l) => l.index)).toEqual([...ROWS.keys()]);
    expect(lines.map((l) => l.text)).toEqual(ROWS);
    expect(new Set(lines.slice(0, 5).map((l) => l.cluster)).size).toBe(1);
    expect(new Set(lines.slice(5).map((l) => l.cluster)).size).toBe(1);
    expect(lines[0]!.cluster).not.toBe(lines[5]!.cluster);
    expect(lines[0]!.label).toMatch(/price|expensive/);
    expect(lines[5]!.label).toMatch(/sso|login/);
  });

  it('fails clearly on an empty file', async () => {
    const r = await tandem('themes', 'cluster', '--input', await file('empty.csv', ''), '--output', path.join(tmp, 'x1.jsonl'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/empty\.csv is empty/);
  });

  it('fails on a file without a text column, naming the columns it found', async () => {
    const r = await tandem('themes', 'cluster', '--input', await file('cols.csv', 'id,comment,account\n1,hello,acme\n'), '--output', path.join(tmp, 'x2.jsonl'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('no "text" column; columns found: id, comment, account');
  });

  it('lists the lines of empty texts, or leaves them out with --skip-empty', async () => {
    const input = await file('gaps.csv', 'text\n' + ROWS.slice(0, 4).join('\n') + '\n""\n' + ROWS.slice(5, 9).join('\n') + '\n   \n');
    const output = path.join(tmp, 'gaps.jsonl');
    const fail = await tandem('themes', 'cluster', '--input', input, '--k', '2', '--output', output);
    expect(fail.code).not.toBe(0);
    expect(fail.stderr).toContain('2 records have empty text, on lines 6, 11');
    const ok = await tandem('themes', 'cluster', '--input', input, '--k', '2', '--skip-empty', '--output', output);
    expect(ok.code, ok.stderr).toBe(0);
    expect((await readOut(output)).map((l) => l.index)).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
  });

  it('reads JSONL objects with a text field', async () => {
    const input = await file('in.jsonl', ROWS.map((t, i) => JSON.stringify({ id: i, text: t })).join('\n') + '\n');
    const output = path.join(tmp, 'in-out.jsonl');
    const r = await tandem('themes', 'cluster', '--input', input, '--output', output);
    expect(r.code, r.stderr).toBe(0);
    const lines = await readOut(output);
    expect(lines).toHaveLength(10);
    expect(lines[9]).toMatchObject({ index: 9, text: ROWS[9] });
  });
});
