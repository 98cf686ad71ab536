import type { Logger } from 'pino';
import { cliActor } from './lib/context.ts';
import { seededRandom } from './lib/random.ts';
import { seedAlignmentDemo } from './modules/alignment/index.ts';
import { seedAttributionDemo } from './modules/attribution/index.ts';
import { seedDealsDemo } from './modules/deals/index.ts';
import { seedDecisionsDemo } from './modules/decisions/index.ts';
import { seedFeedbackDemo } from './modules/feedback/index.ts';
import { seedGoalsDemo } from './modules/goals/index.ts';
import { seedAssetFilesDemo, seedLibraryDemo } from './modules/library/index.ts';
import { seedMeetingsDemo } from './modules/meetings/index.ts';
import { seedRequestsDemo } from './modules/requests/index.ts';
import { DEMO_LOGINS, DEMO_SLUG, seedWorkspacesDemo } from './modules/workspaces/index.ts';
import type { Services } from './services.ts';

export { DEMO_LOGINS, DEMO_SLUG };

export interface SeedOptions {
  scale?: number;
  seed?: number;
}

/**
 * `tandem seed --demo`: every module adds its part of one story (a fictional
 * B2B SaaS, Northwind Cloud), in order, from one seed.
 */
export async function seedDemo(services: Services, log: Logger, opts: SeedOptions = {}) {
  const { db } = services.deps.database;
  if (await services.workspaces.resolve(DEMO_SLUG)) {
    throw new Error(`A workspace "${DEMO_SLUG}" already exists; the demo is seeded once per database.`);
  }
  const rnd = seededRandom(opts.seed ?? 42);
  const scale = opts.scale ?? 1;
  const ws = await seedWorkspacesDemo(services.deps, cliActor('demo seed'), rnd, scale);
  log.info({ workspace: ws.slug, people: ws.userIdsByEmail.size }, 'demo workspace seeded');
  const crm = await seedDealsDemo(db, services.deps.emit, ws.workspaceId, rnd, scale);
  log.info(crm, 'demo deals seeded');
  const feedback = await seedFeedbackDemo(db, ws.workspaceId, rnd, scale, (ctx) => services.suggestions.refresh(ctx));
  log.info(feedback, 'demo feedback seeded');
  const library = await seedLibraryDemo(db, ws.workspaceId, rnd, scale);
  const files = await seedAssetFilesDemo(services.deps, ws.workspaceId, ws.slug);
  log.info({ ...library, files }, 'demo library seeded');
  const requests = await seedRequestsDemo(db, ws.workspaceId, rnd, scale);
  log.info(requests, 'demo requests seeded');
  const decisions = await seedDecisionsDemo(db, ws.workspaceId, rnd);
  log.info(decisions, 'demo decisions seeded');
  const goals = await seedGoalsDemo(services.deps.database, services.goals.evaluator, ws, rnd);
  log.info(goals, 'demo goals seeded');
  const meetings = await seedMeetingsDemo(db, ws.workspaceId, rnd);
  log.info(meetings, 'demo meetings seeded');
  const attribution = await seedAttributionDemo(services.deps, ws.workspaceId, rnd);
  log.info(attribution, 'demo attribution seeded');
  // Last: its weekly snapshots read every other module's history.
  const alignment = await seedAlignmentDemo(services.deps, services.workspaces, services, ws, rnd, DEMO_LOGINS[0]!.password);
  log.info(alignment, 'demo alignment seeded');
  // The pulse needs six people in marketing: the alignment demo adds the PMMs it needs.
  return { slug: ws.slug, people: ws.userIdsByEmail.size + alignment.addedPeople, ...crm, ...feedback, ...library, ...requests, ...decisions, ...goals, ...meetings, logins: DEMO_LOGINS };
}
