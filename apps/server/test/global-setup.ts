import type { TestProject } from 'vitest/node';
import { startTestPg } from './pg-harness.ts';

/** Vitest global setup: one PostgreSQL server and one migrated template for the whole run. */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const { pg, stop } = await startTestPg();
  project.provide('tandemPg', pg);
  console.log(`\n[tandem tests] PostgreSQL: ${pg.label} (ready in ${Date.now() - started} ms)\n`);
  return stop;
}
