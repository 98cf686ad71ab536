import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase, ensureEmbeddedPostgres, type EmbeddedServer } from './embedded.ts';

let dataDir: string;
let stateFile: string;
let pidFile: string;

beforeAll(() => {
  // Under the system temp folder, which the postgres user can reach when tests run as root.
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-embedded-test-'));
  fs.chmodSync(dataDir, 0o755);
  stateFile = path.join(dataDir, 'embedded-postgres.json');
  pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
});

afterAll(async () => {
  // Whatever a failed test left running: adopt it as owner and stop it.
  if (fs.existsSync(pidFile)) {
    const s = await ensureEmbeddedPostgres({ dataDir, role: 'owner' }).catch(() => undefined);
    await s?.stop().catch(() => undefined);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function query(url: string, text: string) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

const answers = (url: string) => query(url, 'select 1 as one').then(
  () => true,
  () => false,
);

const state = () => JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { port: number; password: string; ownerPid?: number };
const writeOwner = (ownerPid: number) => fs.writeFileSync(stateFile, JSON.stringify({ ...state(), ownerPid }));

/** Whether a process runs (an exited but unreaped zombie does not count). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return fs.existsSync('/proc/self') ? false : true;
  }
}

function deadPid(): number {
  const r = spawnSync('true');
  return r.pid!;
}

describe('embedded PostgreSQL', () => {
  let owner: EmbeddedServer;

  it('initialises, starts and serves a database', async () => {
    owner = await ensureEmbeddedPostgres({ dataDir, role: 'owner' });
    expect(owner.owned).toBe(true);
    expect(owner.url).toMatch(new RegExp(`^postgres://postgres:[^@]+@127\\.0\\.0\\.1:${owner.port}/tandem$`));
    expect(fs.existsSync(pidFile)).toBe(true);
    expect(state()).toMatchObject({ port: owner.port, ownerPid: process.pid });
    // The state file holds the password: only the owner may read it.
    expect(fs.statSync(stateFile).mode & 0o077).toBe(0);
    await ensureDatabase(owner.url);
    await ensureDatabase(owner.url); // a second time is a no-op
    await query(owner.url, 'create table kept (v text); insert into kept values (\'survives restarts\')');
    expect(await answers(owner.url)).toBe(true);
  });

  it('a borrower reuses the running server and leaves it running', async () => {
    const borrower = await ensureEmbeddedPostgres({ dataDir, role: 'borrower' });
    expect(borrower.owned).toBe(false);
    expect(borrower.port).toBe(owner.port);
    expect(borrower.url).toBe(owner.url);
    await borrower.stop();
    expect(await answers(owner.url)).toBe(true);
    expect(state().ownerPid).toBe(process.pid);
  });

  it('a second owner leaves a server alone while its manager lives', async () => {
    const manager = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeOwner(manager.pid!);
      const second = await ensureEmbeddedPostgres({ dataDir, role: 'owner' });
      expect(second.owned).toBe(false);
      expect(second.port).toBe(owner.port);
      await second.stop();
      expect(await answers(owner.url)).toBe(true);
      expect(state().ownerPid).toBe(manager.pid);
    } finally {
      manager.kill('SIGKILL');
    }
  });

  it('after its manager crashed, the next owner adopts the running server', async () => {
    writeOwner(deadPid());
    const adopted = await ensureEmbeddedPostgres({ dataDir, role: 'owner' });
    expect(adopted.owned).toBe(true);
    expect(adopted.port).toBe(owner.port);
    expect(state().ownerPid).toBe(process.pid);

    const postmaster = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    expect(alive(postmaster)).toBe(true);
    await adopted.stop();
    expect(fs.existsSync(pidFile)).toBe(false);
    expect(alive(postmaster)).toBe(false);
    expect(await answers(owner.url)).toBe(false);
    expect(state().ownerPid).toBeUndefined();
  });

  it('starts again on the same port with its data', async () => {
    const again = await ensureEmbeddedPostgres({ dataDir, role: 'borrower' });
    // A borrower that had to start the server stops it again.
    expect(again.owned).toBe(true);
    expect(again.port).toBe(owner.port);
    expect(await query(again.url, 'select v from kept')).toEqual([{ v: 'survives restarts' }]);
    await again.stop();
    expect(fs.existsSync(pidFile)).toBe(false);
  });

  it('refuses a cluster whose state file is missing, naming the file', async () => {
    fs.renameSync(stateFile, `${stateFile}.bak`);
    try {
      await expect(ensureEmbeddedPostgres({ dataDir, role: 'owner' })).rejects.toThrow(/embedded-postgres\.json.*missing/);
      expect(fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
    } finally {
      fs.renameSync(`${stateFile}.bak`, stateFile);
    }
  });
});
