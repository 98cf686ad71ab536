import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markersOf } from './markers.ts';
import { MODELS, allocate, creditsOf, type Markers, type Model } from './models.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T09:00:00.000Z');
const options = { halfLifeDays: 7 };

// Hand-computed fixture: five touchpoints on days 0, 2, 5, 9 and 14; the lead was created on day 2.5 (the touchpoint
// of day 2 holds it), the opportunity on day 6 (day 5's), the deal closed on day 14. Amount 1,000.01 (100,001 cents),
// so each model leaves a remainder to place.
const touches = [0, 2, 5, 9, 14].map((d) => ({ occurredAt: T0 + d * DAY }));
const markers: Markers = { leadCreatedAt: T0 + 2.5 * DAY, opportunityCreatedAt: T0 + 6 * DAY, closeAt: T0 + 14 * DAY + 3600_000 };

const FIXTURE: Record<Model, number[]> = {
  first_touch: [100001, 0, 0, 0, 0],
  last_touch: [0, 0, 0, 0, 100001],
  // 20,000 each; 1 cent left goes to the earliest of equal weights.
  linear: [20001, 20000, 20000, 20000, 20000],
  // weights 1200 1200 200 200 200 of 3000 (40 % first, 40 % lead, 20 % / 3 middle): 40000.4 → 40000, 6666.73 → 6666; 3 left to the first.
  u_shaped: [40003, 40000, 6666, 6666, 6666],
  // weights 600 600 600 100 100 of 2000: 30000.3 → 30000, 5000.05 → 5000; 1 left to the first.
  w_shaped: [30001, 30000, 30000, 5000, 5000],
  // weights 225 225 225 100 225 of 1000 (day 9 is the one middle touchpoint): 22500.225 → 22500, 10000.1 → 10000; 1 left.
  full_path: [22501, 22500, 22500, 10000, 22500],
  // weights round(2^20 · 2^(−age/7)) for ages 14, 12, 9, 5, 0 days = 262144 319557 430092 639114 1048576 (total 2699483):
  // floors 9710 11837 15932 23675 38843; 4 left to the latest (largest weight).
  time_decay: [9710, 11837, 15932, 23675, 38847],
  // weights 600 200 200 200 1800 of 3000: 20000.2, 6666.73, 60000.6; 3 left to the last (largest).
  j_shaped: [20000, 6666, 6666, 6666, 60003],
  inverse_j: [60003, 6666, 6666, 6666, 20000],
};

describe('attribution models: hand-computed fixture', () => {
  for (const model of MODELS) {
    it(`${model} splits 1,000.01 as computed by hand`, () => {
      expect(creditsOf(model, 100001n, touches, markers, options).map(Number)).toEqual(FIXTURE[model]);
    });
  }

  it('one touchpoint takes the whole amount under every model', () => {
    for (const model of MODELS) expect(creditsOf(model, 999n, [touches[0]!], markers, options)).toEqual([999n]);
  });

  it('coinciding markers add their shares: U-shaped with the lead created before any touchpoint', () => {
    // first and lead-creation are the first touchpoint: 80 %, the other 4 split 20 %.
    const early = { ...markers, leadCreatedAt: T0 - DAY };
    expect(creditsOf('u_shaped', 10000n, touches, early, options)).toEqual([8000n, 500n, 500n, 500n, 500n]);
  });

  it('two touchpoints under W-shaped: no middle, the marker shares renormalised', () => {
    // first (300) and lead (300) on touchpoint 0, opportunity (300) on touchpoint 1 → 600 : 300.
    const two = touches.slice(0, 2);
    expect(creditsOf('w_shaped', 900n, two, { ...markers, leadCreatedAt: T0, opportunityCreatedAt: T0 + 3 * DAY }, options)).toEqual([600n, 300n]);
  });

  it('exact above 2^53: the bigint path', () => {
    const amount = 123_456_789_012_345_678n;
    const credits = creditsOf('time_decay', amount, touches, markers, options);
    expect(credits.reduce((a, b) => a + b, 0n)).toBe(amount);
  });
});

describe('stage markers', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  it('lead = CRM created date, opportunity = second stage row, close = first won row', () => {
    expect(markersOf({ createdDate: 1, closeDate: '2026-03-01', status: 'won', firstStageAt: 2, secondStageAt: 3, wonAt: 4 }, now)).toEqual({ leadCreatedAt: 1, opportunityCreatedAt: 3, closeAt: 4 });
  });
  it('falls back: first stage row for the lead, the lead for the opportunity, the close date end of day; open deals close now', () => {
    expect(markersOf({ createdDate: null, closeDate: '2026-03-01', status: 'won', firstStageAt: 2, secondStageAt: null, wonAt: null }, now)).toEqual({
      leadCreatedAt: 2,
      opportunityCreatedAt: 2,
      closeAt: Date.parse('2026-03-01T23:59:59.999Z'),
    });
    expect(markersOf({ createdDate: null, closeDate: '2026-09-01', status: 'open', firstStageAt: null, secondStageAt: null, wonAt: null }, now).closeAt).toBe(now);
  });
});

describe('attribution models: properties (fast-check)', () => {
  const sequence = fc
    .record({
      offsets: fc.array(fc.integer({ min: 0, max: 400 * DAY }), { minLength: 1, maxLength: 40 }),
      lead: fc.option(fc.integer({ min: -10 * DAY, max: 400 * DAY }), { nil: null }),
      opportunity: fc.option(fc.integer({ min: -10 * DAY, max: 400 * DAY }), { nil: null }),
      amount: fc.bigInt({ min: 0n, max: 10n ** 16n }),
      halfLife: fc.integer({ min: 1, max: 90 }),
    })
    .map(({ offsets, lead, opportunity, amount, halfLife }) => {
      const sorted = [...offsets].sort((a, b) => a - b).map((o) => ({ occurredAt: T0 + o }));
      const last = sorted[sorted.length - 1]!.occurredAt;
      return {
        touches: sorted,
        markers: { leadCreatedAt: lead === null ? null : T0 + lead, opportunityCreatedAt: opportunity === null ? null : T0 + opportunity, closeAt: last },
        amount,
        halfLife,
      };
    });

  it('every model: credits are non-negative and sum to the amount to the cent', () => {
    fc.assert(
      fc.property(sequence, fc.constantFrom(...MODELS), ({ touches: ts, markers: mk, amount, halfLife }, model) => {
        const credits = creditsOf(model, amount, ts, mk, { halfLifeDays: halfLife });
        expect(credits).toHaveLength(ts.length);
        for (const c of credits) expect(c >= 0n).toBe(true);
        expect(credits.reduce((a, b) => a + b, 0n)).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });

  it('allocate: any positive weights, exact sum, each credit within one remainder of its share', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 30 }), fc.bigInt({ min: 0n, max: 10n ** 18n }), (weights, amount) => {
        fc.pre(weights.some((w) => w > 0));
        const credits = allocate(amount, weights);
        const total = BigInt(weights.reduce((a, b) => a + b, 0));
        expect(credits.reduce((a, b) => a + b, 0n)).toBe(amount);
        credits.forEach((c, i) => {
          const floor = (amount * BigInt(weights[i]!)) / total;
          expect(c >= floor && c - floor < BigInt(weights.length)).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
