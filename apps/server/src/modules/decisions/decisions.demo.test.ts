/**
 * The decisions' demo story as the issue asks for it (issue 17): a quarter of strategic calls, some with objections
 * that changed the outcome, one reopened with its first outcome kept, the newest still collecting input; each links
 * the themes and assets it concerns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionDetail, DecisionList } from '@tandem/contracts';
import type { Harness } from '../../../test/app-harness.ts';
import { createDemoHarness, demoReader, type DemoSeed } from '../../../test/demo-harness.ts';

let h: Harness;
let seeded: DemoSeed;
let get: Awaited<ReturnType<typeof demoReader>>;
const DAY = 86_400_000;

beforeAll(async () => {
  ({ h, seeded } = await createDemoHarness());
  get = await demoReader(h, 'marketing');
}, 600_000);
afterAll(async () => h?.close());

describe('decisions demo data', () => {
  it('a quarter of decisions; objections that changed the outcome say what changed; one reopened; some still open', async () => {
    const log = await get<DecisionList>('decisions?limit=100');
    expect(log.total).toBe(seeded.decisions);
    expect(seeded.decisionsWithObjections).toBeGreaterThanOrEqual(2);
    const details = await Promise.all(log.items.map((d) => get<DecisionDetail>(`decisions/${d.id}`)));
    // About a quarter: the oldest window opened 75 to 100 days ago, the newest this week.
    const ages = details.map((d) => (Date.now() - Date.parse(d.inputOpenedAt)) / DAY);
    expect(Math.max(...ages)).toBeGreaterThan(75);
    expect(Math.max(...ages)).toBeLessThan(100);
    expect(Math.min(...ages)).toBeLessThan(7);

    // Decided with an objection in that round: the outcome says what changed because of it.
    const objectedAndDecided = details.filter((d) => d.outcome && d.outcome.counts.object > 0);
    expect(objectedAndDecided.length).toBeGreaterThanOrEqual(2);
    for (const d of objectedAndDecided) expect(d.outcome!.whatChanged, d.title).toBeTruthy();
    // One was reopened, its first outcome kept with who reopened it and why.
    const reopened = details.filter((d) => d.round > 1);
    expect(reopened).toHaveLength(1);
    expect(reopened[0]!.history[0]).toMatchObject({ round: 1, reopenReason: expect.any(String), reopenedBy: { name: expect.any(String) } });
    // The newest still collect input (the log's filter agrees) and concern something.
    const phases = new Set(details.map((d) => d.phase));
    expect(phases).toEqual(new Set(['decided', 'collecting_input', 'awaiting_decision']));
    expect((await get<DecisionList>('decisions?status=collecting_input')).total).toBe(details.filter((d) => d.phase === 'collecting_input').length);
    // Each links the themes and assets it is about, by name (not any theme at random).
    const starter = details.find((d) => d.title.startsWith('Drop the Starter tier'))!;
    expect(starter.links.map((l) => `${l.type}: ${l.title}`).sort()).toEqual([
      'asset: Pricing sheet: Northwind Cloud 2026',
      'theme: Lost on price and discounting',
      'theme: Usage-based pricing vs Snowflake credits',
    ]);
    expect(details.filter((d) => d.links.length).length).toBeGreaterThanOrEqual(details.length / 2);
  });
});
