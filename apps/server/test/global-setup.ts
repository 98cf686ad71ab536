import type { TestProject } from 'vitest/node';
import { prepareWordVectors } from '../src/lib/word-vectors/index.ts';
import { startTestPg } from './pg-harness.ts';

/** Vitest global setup: one PostgreSQL server and one migrated template for the whole run. */
export default async function setup(project: TestProject) {
  const started = Date.now();
  // Test processes read the converted word vectors from the package cache: convert them once here if needed.
  const say = (m: string) => console.log(`[tandem tests] ${m}`);
  const [{ pg, stop }] = await Promise.all([startTestPg(), prepareWordVectors({ dataDir: 'data', log: { info: say, warn: say } })]);
  project.provide('tandemPg', pg);
  console.log(`\n[tandem tests] PostgreSQL: ${pg.label} (ready in ${Date.now() - started} ms)\n`);
  return stop;
}
