/**
 * The browser tests' global setup: the run's PostgreSQL server and migrated template (as for the server tests),
 * then the demo workspace seeded once into a database of its own with `tandem seed --demo`, and its data folder
 * (the demo's asset files). `startServer({ demo: true })` clones both, which takes well under a second, instead
 * of every test file's server seeding the demo on its first start (tens of seconds of CPU each). The state is the
 * one a first `tandem start` reaches: it seeds the same way before it starts its workers.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { setupTestPg } from '../../server/test/global-setup.ts';

export interface DemoTemplate {
  /** The seeded database: clone it, never connect to it (a template must have no sessions). */
  database: string;
  /** The data folder the seed wrote (the demo's files): copy it. */
  dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    tandemDemo: DemoTemplate;
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function run(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'apps/server/bin/tandem.js'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`tandem ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

export default async function setup(project: TestProject) {
  const { pg: testPg, stop } = await setupTestPg(project);
  const started = Date.now();
  const database = `${testPg.template}_demo`;
  const url = new URL(testPg.serverUrl);
  url.pathname = '/postgres';
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  await c.query(`create database ${database} template ${testPg.template}`).finally(() => c.end());
  url.pathname = `/${database}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-demo-'));
  try {
    // The environment a browser test's server gets (harness.ts), so the seed hashes and stores the same way.
    await run(['seed', '--demo'], {
      DATABASE_URL: url.toString(),
      TANDEM_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      VITEST: process.env.VITEST ?? 'true',
      ...(project.config.env?.TANDEM_TEST_PASSWORD_COST ? { TANDEM_TEST_PASSWORD_COST: project.config.env.TANDEM_TEST_PASSWORD_COST } : {}),
    });
  } catch (e) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await stop();
    throw e;
  }
  project.provide('tandemDemo', { database, dataDir });
  console.log(`[tandem tests] demo workspace seeded once for the browser tests (${Date.now() - started} ms)\n`);
  return async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await stop();
  };
}
