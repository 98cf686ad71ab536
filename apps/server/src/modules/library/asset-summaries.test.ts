import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, setupAdmin, type Harness } from '../../../test/app-harness.ts';
import { addDays, excerptOf, freshnessState, loadAssetSummaries } from './asset-summaries.ts';
import { assets, assetVersions, competitors } from './tables.ts';

describe('asset summary parts', () => {
  it('puts an asset on the review clock', () => {
    expect(freshnessState('draft', '2026-01-01', '2026-06-01')).toBe('not_published');
    expect(freshnessState('published', '2026-05-31', '2026-06-01')).toBe('overdue');
    expect(freshnessState('published', '2026-06-01', '2026-06-01')).toBe('due_soon');
    expect(freshnessState('published', '2026-06-15', '2026-06-01')).toBe('due_soon');
    expect(freshnessState('published', '2026-06-16', '2026-06-01')).toBe('fresh');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('turns Markdown into a short plain excerpt', () => {
    expect(excerptOf('# Why we win\n\n- **Faster** setup, see [docs](https://x.test)\n<script>x</script>')).toBe('Why we win Faster setup, see docs x');
    expect(excerptOf('| Tier | Price |\n|------|------:|\n| Team | $400 |\n\n---\n\nBilled yearly')).toBe('Tier Price Team $400 Billed yearly');
    const long = excerptOf('word '.repeat(100), 40);
    expect(long.length).toBeLessThanOrEqual(41);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('loadAssetSummaries', () => {
  let h: Harness;
  let ws: string;
  beforeAll(async () => {
    h = await createHarness();
    const admin = await setupAdmin(h.app);
    ws = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers in the order asked, with competitor names, and shows readers the published version', async () => {
    const db = h.services.deps.database.db;
    const [snow] = await db.insert(competitors).values({ workspaceId: ws, name: 'Snowflake', matchKeys: ['snowflake'] }).returning();
    const [a, b] = await db
      .insert(assets)
      .values([
        { workspaceId: ws, title: 'Battlecard (draft edits)', type: 'battlecard', status: 'published', body: 'New **unreleased** claims', competitorIds: [snow!.id], currentVersion: 1, reviewBy: '2020-01-01' },
        { workspaceId: ws, title: 'Draft one-pager', type: 'one_pager', body: 'Draft' },
      ])
      .returning();
    await db.insert(assetVersions).values({ workspaceId: ws, assetId: a!.id, number: 1, title: 'Battlecard', body: 'Released claims' });

    const reader = await loadAssetSummaries(db, ws, [b!.id, a!.id, '00000000-0000-4000-8000-000000000000'], { publishedView: true, today: '2026-06-01' });
    expect(reader.map((s) => s.id)).toEqual([b!.id, a!.id]);
    expect(reader[1]).toMatchObject({ title: 'Battlecard', excerpt: 'Released claims', freshness: { state: 'overdue', reviewBy: '2020-01-01' } });
    expect(reader[1]!.tags.competitors).toEqual([{ id: snow!.id, name: 'Snowflake' }]);
    expect(reader[0]).toMatchObject({ title: 'Draft one-pager', freshness: { state: 'not_published' }, fileCount: 0, thumbnailFileId: null });

    const writer = await loadAssetSummaries(db, ws, [a!.id], { publishedView: false });
    expect(writer[0]).toMatchObject({ title: 'Battlecard (draft edits)', excerpt: 'New unreleased claims' });
  });
});
