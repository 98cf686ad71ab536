import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_WEIGHTS } from '../engine/index.ts';
import { effectiveSettings } from '../settings/request-settings.ts';
import { orderQueue, scoreQueueRow, scoreRow, type QueueContext, type QueueRow, type SummaryRow } from './queue.ts';

const ctx: QueueContext = {
  workspaceId: 'w',
  settings: effectiveSettings(undefined),
  currency: 'EUR',
  now: new Date('2026-03-02T10:00:00Z'),
  today: '2026-03-02',
};
const at = (s: string) => new Date(s);

function rows(id: string, deals: { amount: number | null; p: number | null; close: string | null; account?: string }[], extra: Partial<SummaryRow> = {}) {
  const open = deals;
  const summary: SummaryRow = {
    id,
    number: 1,
    type: 'new_asset',
    title: id,
    status: 'new',
    neededBy: null,
    estimateHours: null,
    assigneeUserId: null,
    assigneeName: null,
    firstRespondedAt: null,
    deliveredAt: null,
    closedAt: null,
    createdAt: at('2026-02-01T00:00:00Z'),
    updatedAt: at('2026-02-01T00:00:00Z'),
    overrideKind: null,
    overridePosition: null,
    overrideReason: null,
    overrideByUserId: null,
    overrideByName: null,
    overrideAt: null,
    boostPoints: 0,
    requesterIds: ['u1', 'u2'],
    requesterNames: ['A', 'B'],
    dealCount: deals.length,
    accountCount: new Set(deals.map((d) => d.account ?? 'x')).size,
    openAmounts: open.map((d) => d.amount),
    openProbabilities: open.map((d) => d.p),
    openCloseDates: open.map((d) => d.close),
    commentCount: 0,
    ...extra,
  };
  const priced = open.filter((d) => d.amount !== null);
  const closes = open.map((d) => d.close).filter((c): c is string => !!c && c >= ctx.today).sort();
  const queue: QueueRow = {
    ...summary,
    openDeals: open.length,
    pricedOpenDeals: priced.length,
    openAmount: priced.reduce((s, d) => s + Math.max(0, d.amount!), 0),
    weightedPipeline: priced.reduce((s, d) => s + Math.max(0, d.amount!) * Math.min(Math.max(d.p ?? 0, 0), 100) / 100, 0),
    nearestClose: closes[0] ?? null,
  };
  return { summary, queue };
}

describe('the queue', () => {
  it('scores a queue row (deals folded by SQL) exactly as the request page scores its deals one by one', () => {
    const cases = [
      rows('none', []),
      rows('one', [{ amount: 120_000, p: 40, close: '2026-03-20' }]),
      rows('mixed', [
        { amount: 500_000, p: 60, close: '2026-02-01' },
        { amount: null, p: 50, close: '2026-03-05' },
        { amount: 80_000, p: null, close: null, account: 'y' },
      ]),
      rows('unpriced', [{ amount: null, p: 10, close: '2026-04-01' }], { neededBy: '2026-03-10', boostPoints: 30 }),
    ];
    for (const c of cases) {
      const folded = scoreQueueRow(c.queue, ctx);
      const full = scoreRow(c.summary, ctx);
      expect(folded.score.total, c.summary.id).toBe(full.score.total);
      expect(folded.score.parts.map((p) => p.value)).toEqual(full.score.parts.map((p) => p.value));
      expect(full.score.total).toBeCloseTo(full.score.parts.reduce((s, p) => s + p.value * p.weight, 0), 6);
      expect(folded.pipelineAtStake).toBe(full.pipelineAtStake);
    }
    expect(DEFAULT_WEIGHTS).toEqual(ctx.settings.weights);
    expect(ctx.settings.calendar.timeZone).toBe(DEFAULT_CALENDAR.timeZone);
  });

  it('orders pins by pin time, then the score, and inserts placed requests at their position, never above a pin', () => {
    const e = (id: string, total: number, o: Partial<QueueRow> = {}) => ({
      row: { id, createdAt: at('2026-02-01T00:00:00Z'), overrideKind: null, overridePosition: null, overrideAt: null, ...o } as QueueRow,
      score: { total },
    });
    const order = orderQueue([
      e('a', 10),
      e('b', 50),
      e('c', 30),
      e('pin2', 1, { overrideKind: 'pin', overrideAt: at('2026-02-03T00:00:00Z') }),
      e('pin1', 2, { overrideKind: 'pin', overrideAt: at('2026-02-02T00:00:00Z') }),
      e('at1', 0, { overrideKind: 'position', overridePosition: 1, overrideAt: at('2026-02-02T00:00:00Z') }),
      e('at4', 0, { overrideKind: 'position', overridePosition: 4, overrideAt: at('2026-02-02T00:00:00Z') }),
      e('at99', 0, { overrideKind: 'position', overridePosition: 99, overrideAt: at('2026-02-02T00:00:00Z') }),
      e('tieLater', 30, { createdAt: at('2026-02-05T00:00:00Z') }),
    ]).map((x) => x.row.id);
    expect(order).toEqual(['pin1', 'pin2', 'at1', 'at4', 'b', 'c', 'tieLater', 'a', 'at99']);
  });
});
