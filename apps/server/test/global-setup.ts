import type { TestProject } from 'vitest/node';
import { prepareWordVectors } from '../src/lib/word-vectors/index.ts';
import { startTestPg, type TestPg } from './pg-harness.ts';

/** Starts the run's PostgreSQL server and migrated template, provides them to the test files; returns the teardown. */
export async function setupTestPg(project: TestProject): Promise<{ pg: TestPg; stop: () => Promise<void> }> {
  const started = Date.now();
  // Test processes read the converted word vectors from the package cache: convert them once here if needed.
  const say = (m: string) => console.log(`[tandem tests] ${m}`);
  const [{ pg, stop }] = await Promise.all([startTestPg(), prepareWordVectors({ dataDir: 'data', log: { info: say, warn: say } })]);
  project.provide('tandemPg', pg);
  console.log(`\n[tandem tests] PostgreSQL: ${pg.label} (ready in ${Date.now() - started} ms)\n`);
  return { pg, stop };
}

/** Vitest global setup: one PostgreSQL server and one migrated template for the whole run. */
export default async function setup(project: TestProject) {
  return (await setupTestPg(project)).stop;
}
