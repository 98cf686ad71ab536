// `npm test`: lint (with the architecture rules), typecheck and the web unit tests; then the server
// tests on the embedded PostgreSQL, again on TEST_DATABASE_URL when it is set, and the browser tests on
// the built app. Each runs on its own PostgreSQL server or database, so they can run side by side, and
// do on machines with more than 2 cores. On 2 cores the test phases are CPU-bound: side by side they took
// 491 s against about 500 s one after another, and a test that spawns CLI processes ran past its 30 s
// limit, so there they run one at a time. TANDEM_TEST_SERIAL=1 or 0 forces either. The first phase (lint,
// typecheck, web unit tests) always runs side by side: ESLint and tsc use one core each, and none of it
// has a time limit that contention could break (docs/decisions/0023-test-suite-cpu.md).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testVerdict } from './test-verdict.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();
const serial = process.env.TANDEM_TEST_SERIAL ? process.env.TANDEM_TEST_SERIAL === '1' : os.availableParallelism() <= 2;
const failures = [];
/** Skipped tests per task: any fails the run, except browser tests with TANDEM_SKIP_E2E=1 (scripts/test-verdict.mjs). */
const skipped = [];

/** Runs one command, its output prefixed with its name (lines of parallel tasks interleave). */
function run(name, cmd, args, env = {}, { parallel = !serial } = {}) {
  return new Promise((resolve) => {
    const t = Date.now();
    console.log(`\n━━ ${name}\n`);
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = parallel ? `[${name}] ` : '';
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(prefix + line + '\n');
      });
      stream.on('end', () => rest && process.stdout.write(prefix + rest + '\n'));
    }
    child.on('close', (code, signal) => {
      const s = ((Date.now() - t) / 1000).toFixed(1);
      if (code === 0) console.log(`✓ ${name} (${s} s)`);
      else {
        console.error(`✗ ${name} failed (exit ${code ?? signal}, ${s} s)`);
        failures.push(name);
      }
      resolve(code === 0);
    });
  });
}

async function vitest(name, project, env = {}, { browser = false, parallel = !serial } = {}) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-vitest-')), 'report.json');
  const args = ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  const ok = await run(name, 'npx', args, env, { parallel });
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    skipped.push({ task: name, count: r.numPendingTests + r.numTodoTests, browser });
  }
  return ok;
}

/** Runs tasks side by side (or one after another with TANDEM_TEST_SERIAL=1); true when all passed. */
async function together(tasks, { parallel = !serial } = {}) {
  if (!parallel) {
    for (const task of tasks) if (!(await task())) return false;
    return true;
  }
  return (await Promise.all(tasks.map((task) => task()))).every(Boolean);
}

function finish() {
  console.log(`\nTandem tests finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  const { ok, lines } = testVerdict({ failures, skipped, env: process.env });
  for (const line of lines) console.log(line);
  process.exit(ok ? 0 : 1);
}

const checksSideBySide = process.env.TANDEM_TEST_SERIAL !== '1';
const checks = await together(
  [
    () => run('lint', 'npm', ['run', 'lint', '--silent'], {}, { parallel: checksSideBySide }),
    () => run('typecheck', 'npm', ['run', 'typecheck', '--silent'], {}, { parallel: checksSideBySide }),
    () => vitest('web unit tests', 'web', {}, { parallel: checksSideBySide }),
  ],
  { parallel: checksSideBySide },
);
if (!checks) finish();

if (!process.env.TEST_DATABASE_URL) {
  console.log('\n(TEST_DATABASE_URL is not set: the server tests run on the embedded PostgreSQL only)');
}
await together([
  () => vitest('server tests, embedded PostgreSQL', 'server', { TANDEM_TEST_PG: 'embedded' }),
  ...(process.env.TEST_DATABASE_URL ? [() => vitest('server tests, TEST_DATABASE_URL', 'server', { TANDEM_TEST_PG: 'external' })] : []),
  async () => (await run('build the web app', 'npm', ['run', 'build', '--workspace', '@tandem/web', '--silent'])) && vitest('browser tests (Chromium)', 'e2e', {}, { browser: true }),
]);
finish();
