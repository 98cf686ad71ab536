import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Harness } from '../../../test/app-harness.ts';
import { createDemoHarness, type DemoSeed } from '../../../test/demo-harness.ts';

let h: Harness;
let seeded: DemoSeed;
beforeAll(async () => {
  ({ h, seeded } = await createDemoHarness());
}, 600_000);
afterAll(async () => h?.close());

describe('feedback demo data', () => {
  it('seeds ~1,500 items over a year, linked to demo deals, with answered themes and suggested themes for the rest', async () => {
    expect(seeded).toMatchObject({ feedback: 1500 });
    const priya = await login(h.app, 'priya@northwind.example', 'tandem-demo-2026');
    const get = async (url: string) => (await h.app.inject({ method: 'GET', url: `/api/v1/workspaces/northwind/${url}`, headers: { cookie: priya.cookie! } })).json();

    const pool = h.services.deps.database.pool;
    const shape = (
      await pool.query(`select count(*)::int as n, count(distinct kind)::int as kinds, count(*) filter (where deal_id is not null or account_id is not null)::int as linked,
        extract(day from max(observed_at) - min(observed_at))::int as days, count(*) filter (where observed_at > now())::int as future
        from feedback_items i join workspaces w on w.id = i.workspace_id where w.slug = 'northwind'`)
    ).rows[0];
    expect(shape).toMatchObject({ n: 1500, kinds: 8, future: 0 });
    expect(shape.linked / shape.n).toBeGreaterThan(0.8);
    expect(shape.days).toBeGreaterThan(300);

    const board = await get('themes');
    expect(board.items.length).toBeGreaterThanOrEqual(15);
    const pipeline = board.items.map((t: { metrics: { openPipeline: string } }) => Number(t.metrics.openPipeline));
    expect(pipeline).toEqual([...pipeline].sort((a, b) => b - a));
    const answered = board.items.filter((t: { status: string; response: string | null }) => t.status === 'addressed' && t.response);
    expect(answered.length).toBeGreaterThanOrEqual(4);

    const suggestions = await get('theme-suggestions');
    expect(suggestions.unthemed).toBeGreaterThan(200);
    expect(suggestions.items.length).toBeGreaterThanOrEqual(8);
    for (const s of suggestions.items) expect(s.representatives.length).toBe(3);

    const metrics = await get('feedback/metrics');
    expect(metrics.overall.responseRate).toBeGreaterThan(0.3);
    expect(metrics.overall.medianHoursToAcknowledge).toBeGreaterThan(0);
    expect(metrics.byPerson.length).toBe(3);
  });
});
