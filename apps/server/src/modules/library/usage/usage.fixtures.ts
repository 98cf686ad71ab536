/**
 * Test fixtures for the shares and usage tests: assets with published versions written straight into the tables
 * (as the owner, so a test may also place rows in another workspace), independent of the assets feature's API.
 */
import { randomUUID } from 'node:crypto';
import { addMember, call, login, PASSWORD, setupAdmin, type Harness } from '../../../../test/app-harness.ts';
import type { Database } from '../../../db/database.ts';
import { cliActor } from '../../../lib/context.ts';
import { deals } from '../../deals/tables.ts';
import { assets, assetUsageEvents, assetVersions } from '../tables.ts';

export interface FixtureAsset {
  title: string;
  body?: string;
  status?: 'draft' | 'published' | 'archived';
  /** Published versions, oldest first (title and body of each); the last is current. */
  versions?: { title: string; body: string; publishedAt?: Date }[];
  reviewBy?: string | null;
}

export async function insertAsset(database: Database, workspaceId: string, a: FixtureAsset): Promise<string> {
  const id = randomUUID();
  const versions = a.versions ?? [];
  const last = versions.at(-1);
  await database.db.insert(assets).values({
    workspaceId,
    id,
    title: a.title,
    type: 'one_pager',
    status: a.status ?? (versions.length ? 'published' : 'draft'),
    body: a.body ?? last?.body ?? '',
    currentVersion: versions.length || null,
    publishedAt: last ? (last.publishedAt ?? new Date()) : null,
    reviewBy: a.reviewBy ?? null,
  });
  if (versions.length) {
    await database.db.insert(assetVersions).values(
      versions.map((v, i) => ({ workspaceId, assetId: id, number: i + 1, title: v.title, body: v.body, publishedAt: v.publishedAt ?? new Date() })),
    );
  }
  return id;
}

export async function insertDeal(database: Database, workspaceId: string, name: string): Promise<string> {
  const [row] = await database.db
    .insert(deals)
    .values({ workspaceId, source: 'test', externalId: randomUUID(), name, stage: 'Prospecting', stageCategory: 'open' })
    .returning({ id: deals.id });
  return row!.id;
}

export async function insertUsage(
  database: Database,
  rows: { workspaceId: string; assetId: string; kind: (typeof assetUsageEvents.$inferInsert)['kind']; userId?: string | null; dealId?: string | null; occurredAt: Date }[],
) {
  if (rows.length) await database.db.insert(assetUsageEvents).values(rows);
}

/** Workspace A ("acme", an admin and one member of each other role) and workspace B ("bravo", its own admin only). */
export async function twoWorkspaces(h: Harness) {
  const admin = await setupAdmin(h.app);
  const m = {
    marketing: await addMember(h.app, admin, 'acme', 'maya@acme.test', 'marketing', 'Maya Marketing'),
    sales_lead: await addMember(h.app, admin, 'acme', 'lena@acme.test', 'sales_lead', 'Lena Lead'),
    sales: await addMember(h.app, admin, 'acme', 'ravi@acme.test', 'sales', 'Ravi Rep'),
  };
  const wsA: string = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  const wsB = (await h.services.workspaces.create(cliActor(), { name: 'Bravo Secret Corp', slug: 'bravo' }, null)).id;
  await h.services.workspaces.addMember(
    { workspaceId: wsB, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'bea@bravo.test', name: 'Bea Bravo', role: 'admin', password: PASSWORD },
  );
  const adminB = await login(h.app, 'bea@bravo.test', PASSWORD);
  return { admin, m, wsA, wsB, adminB };
}
