// `npm test`: lint, typecheck, web unit tests, server tests on the embedded PostgreSQL (and again on
// TEST_DATABASE_URL when set), then browser tests on the built app.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

function run(title, cmd, args, env = {}) {
  console.log(`\n━━ ${title}\n`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${r.status ?? r.signal})`);
    summary();
    process.exit(r.status || 1);
  }
  console.log(`✓ ${title} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

function vitest(title, project, env = {}) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-vitest-')), 'report.json');
  const counting = () => {
    if (!fs.existsSync(out)) return;
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  };
  try {
    run(title, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  } finally {
    counting();
  }
}

function summary() {
  console.log(`\nTandem tests finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

run('lint (eslint, and the architecture rules of .dependency-cruiser.cjs)', 'npm', ['run', 'lint', '--silent']);
run('typecheck', 'npm', ['run', 'typecheck', '--silent']);
vitest('web unit tests', 'web');
vitest('server tests on the embedded PostgreSQL', 'server', { TANDEM_TEST_PG: 'embedded' });
if (process.env.TEST_DATABASE_URL) {
  vitest('server tests on TEST_DATABASE_URL', 'server', { TANDEM_TEST_PG: 'external' });
} else {
  console.log('\n(TEST_DATABASE_URL is not set: the server tests ran on the embedded PostgreSQL only)');
}
run('build the web app', 'npm', ['run', 'build', '--workspace', '@tandem/web', '--silent']);
vitest('browser tests (Chromium)', 'e2e');
summary();
