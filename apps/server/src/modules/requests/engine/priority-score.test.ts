import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from './calendar.ts';
import { DEFAULT_WEIGHTS, priorityScore, type ScoreFormat, type ScoreInput, type ScoreWeights } from './priority-score.ts';

// Parts (decision 0010), each 0–100, values rounded to 2 decimals:
//   pipeline  = min(100, 25 × log10(1 + weighted pipeline / 1,000))        (full 100 at 10,000,000)
//   urgency   = 100 × 2^(−business days until the date / 5)                  (100 on or after the date)
//   reach     = min(100, 40 × log10(1 + requesters + 2 × accounts))
//   strategic = the boost
// Default weights 0.4 / 0.3 / 0.15 / 0.15. Today is Mon 11 May 2026.
const base: ScoreInput = { openDeals: [], neededBy: null, today: '2026-05-11', requesterCount: 1, accountCount: 0, strategicBoost: 0 };
const score = (over: Partial<ScoreInput>, weights: ScoreWeights = DEFAULT_WEIGHTS, fmt?: ScoreFormat) =>
  priorityScore({ ...base, ...over }, weights, fmt);
const part = (s: ReturnType<typeof priorityScore>, name: string) => s.parts.find((p) => p.name === name)!;

describe('priorityScore', () => {
  it('scores a full request by hand', () => {
    const s = score(
      {
        openDeals: [
          { amountBase: 200_000, probability: 0.5, closeDate: '2026-06-30' },
          { amountBase: 120_000, probability: 0.4, closeDate: '2026-05-29' },
          { amountBase: 100_000, probability: 0.35, closeDate: null },
        ],
        neededBy: '2026-05-22',
        requesterCount: 3,
        accountCount: 2,
      },
      DEFAULT_WEIGHTS,
      { currency: 'EUR' },
    );
    // pipeline: 100,000 + 48,000 + 35,000 = 183,000 of 420,000 → 25 × log10(184) = 25 × 2.264818 = 56.6204 → 56.62
    expect(part(s, 'pipeline')).toEqual({
      name: 'pipeline',
      value: 56.62,
      weight: 0.4,
      detail: '€420,000 × stage probability over 3 open deals = €183,000',
    });
    // urgency: needed Fri 22 May, before the nearest close Fri 29 May. Business days (11 May, 22 May] = 12–15, 18–22 = 9
    //   → 100 × 2^(−9/5) = 100 × 0.287175 = 28.72
    expect(part(s, 'urgency')).toMatchObject({ value: 28.72, detail: 'Needed by Fri 22 May: 9 business days away' });
    // reach: 40 × log10(1 + 3 + 2 × 2) = 40 × log10(8) = 40 × 0.903090 = 36.1236 → 36.12
    expect(part(s, 'reach')).toMatchObject({ value: 36.12, detail: '3 requesters from 2 accounts' });
    expect(part(s, 'strategic')).toMatchObject({ value: 0, detail: 'No strategic boost' });
    // total: 56.62 × 0.4 + 28.72 × 0.3 + 36.12 × 0.15 + 0 × 0.15 = 22.648 + 8.616 + 5.418 = 36.682
    expect(s.total).toBe(36.682);
    expect(s.parts.map((p) => p.name)).toEqual(['pipeline', 'urgency', 'reach', 'strategic']);
  });

  it('total is the sum of value × weight as shown', () => {
    const s = score({ openDeals: [{ amountBase: 77_777, probability: 0.33, closeDate: '2026-06-03' }], requesterCount: 5, accountCount: 3, strategicBoost: 33 }, {
      pipeline: 0.37,
      urgency: 1.3,
      reach: 0.01,
      strategic: 2,
    });
    expect(s.total).toBeCloseTo(s.parts.reduce((sum, p) => sum + p.value * p.weight, 0), 9);
    for (const p of s.parts) expect(p.value).toBe(Math.round(p.value * 100) / 100);
  });

  it('zero deals and no date', () => {
    const s = score({});
    expect(part(s, 'pipeline')).toMatchObject({ value: 0, detail: 'No open deals linked' });
    expect(part(s, 'urgency')).toMatchObject({ value: 0, detail: 'No needed-by date and no upcoming close date on a linked deal' });
    // reach: 40 × log10(1 + 1) = 12.0412 → 12.04; total = 12.04 × 0.15 = 1.806
    expect(part(s, 'reach').value).toBe(12.04);
    expect(s.total).toBe(1.806);
  });

  it('deals without an amount add nothing to the pipeline but still date the request', () => {
    const s = score({
      openDeals: [
        { amountBase: null, probability: 0.5, closeDate: '2026-05-13' },
        { amountBase: null, probability: 0.9, closeDate: null },
      ],
    });
    expect(part(s, 'pipeline')).toMatchObject({ value: 0, detail: '2 open deals linked, none with an amount' });
    // nearest close Wed 13 May: 2 business days → 100 × 2^(−0.4) = 75.7858 → 75.79
    expect(part(s, 'urgency')).toMatchObject({ value: 75.79, detail: 'Nearest linked deal closes Wed 13 May: 2 business days away' });
    const mixed = score({ openDeals: [{ amountBase: null, probability: 0.5, closeDate: null }, { amountBase: 50_000, probability: 0.2, closeDate: null }] });
    // 50,000 × 0.2 = 10,000 → 25 × log10(11) = 26.0339 → 26.03
    expect(part(mixed, 'pipeline')).toMatchObject({
      value: 26.03,
      detail: '50,000 × stage probability over 1 open deal = 10,000 (1 more deal without an amount not counted)',
    });
  });

  it('missing needed-by uses the nearest close date from today on; a passed close date is ignored', () => {
    const stale = score({ openDeals: [{ amountBase: 1000, probability: 1, closeDate: '2026-05-01' }] });
    expect(part(stale, 'urgency').value).toBe(0);
    const closesToday = score({ openDeals: [{ amountBase: 1000, probability: 1, closeDate: '2026-05-11' }] });
    expect(part(closesToday, 'urgency')).toMatchObject({ value: 100, detail: 'Nearest linked deal closes Mon 11 May: today' });
    // The close date (Tue 12 May, 1 day → 100 × 2^(−0.2) = 87.06) comes before the needed-by date (Fri 22 May).
    const closeFirst = score({ neededBy: '2026-05-22', openDeals: [{ amountBase: null, probability: 1, closeDate: '2026-05-12' }] });
    expect(part(closeFirst, 'urgency')).toMatchObject({ value: 87.06, detail: 'Nearest linked deal closes Tue 12 May: 1 business day away' });
  });

  it('past needed-by is as urgent as it gets', () => {
    expect(part(score({ neededBy: '2026-05-04' }), 'urgency')).toMatchObject({ value: 100, detail: 'Needed by Mon 4 May, already passed' });
    expect(part(score({ neededBy: '2025-12-01' }), 'urgency').detail).toBe('Needed by Mon 1 Dec 2025, already passed');
  });

  it('counts urgency in the calendar’s business days', () => {
    // Fri 22 May with a holiday on Thu 14 May: 8 business days → 100 × 2^(−1.6) = 32.9877 → 32.99
    const cal = { ...DEFAULT_CALENDAR, holidays: ['2026-05-14'] };
    expect(part(score({ neededBy: '2026-05-22', calendar: cal }), 'urgency').value).toBe(32.99);
    // A date 3 weeks away: 15 days → 100 × 2^(−3) = 12.5
    expect(part(score({ neededBy: '2026-06-01' }), 'urgency').value).toBe(12.5);
  });

  it('one huge deal does not drown everything: the pipeline is logarithmic and saturates', () => {
    const one = (amount: number) => part(score({ openDeals: [{ amountBase: amount, probability: 1, closeDate: null }] }), 'pipeline').value;
    // 1,000,000 → 25 × log10(1001) = 75.01; 10,000,000 → 25 × log10(10001) = 100.001 → 100; 1e9 → capped at 100.
    expect(one(1_000_000)).toBe(75.01);
    expect(one(10_000_000)).toBe(100);
    expect(one(1_000_000_000)).toBe(100);
    // 9,000 → 25 × log10(10) = 25
    expect(one(9_000)).toBe(25);
    // Another scale: full at 1,000,000,000 (e.g. yen) → 9,000 / 100,000 = 0.09 → 25 × log10(1.09) = 0.9357 → 0.94
    expect(part(score({ pipelineFullAt: 1e9, openDeals: [{ amountBase: 9_000, probability: 1, closeDate: null }] }), 'pipeline').value).toBe(0.94);
  });

  it('reach grows with requesters and accounts, each more adding less', () => {
    const reach = (requesterCount: number, accountCount: number) => part(score({ requesterCount, accountCount }), 'reach').value;
    expect(reach(1, 1)).toBe(24.08); // 40 × log10(4) = 24.0824
    expect(reach(3, 3)).toBe(40); // 40 × log10(10)
    expect(reach(30, 30)).toBe(78.36); // 40 × log10(91) = 78.3614
    expect(reach(500, 500)).toBe(100); // 40 × log10(1501) = 127 → capped
  });

  it('strategic boost is the boost, within 0–100', () => {
    expect(part(score({ strategicBoost: 40 }), 'strategic')).toMatchObject({ value: 40, detail: 'Strategic boost of 40 set by an admin' });
    expect(part(score({ strategicBoost: 150 }), 'strategic').value).toBe(100);
    expect(part(score({ strategicBoost: -5 }), 'strategic').value).toBe(0);
  });

  it('weights of 0 leave the parts visible and the total at 0', () => {
    const s = score({ neededBy: '2026-05-11', strategicBoost: 50 }, { pipeline: 0, urgency: 0, reach: 0, strategic: 0 });
    expect(s.total).toBe(0);
    expect(part(s, 'urgency')).toMatchObject({ value: 100, weight: 0 });
    // Only urgency weighed: total = the urgency value.
    expect(score({ neededBy: '2026-05-11' }, { pipeline: 0, urgency: 1, reach: 0, strategic: 0 }).total).toBe(100);
  });

  it('refuses a weight that is not a number ≥ 0 and a malformed date', () => {
    expect(() => score({}, { ...DEFAULT_WEIGHTS, urgency: Number.NaN })).toThrow(/urgency/);
    expect(() => score({}, { ...DEFAULT_WEIGHTS, reach: -1 })).toThrow(/reach/);
    expect(() => score({}, { ...DEFAULT_WEIGHTS, pipeline: '1' as unknown as number })).toThrow(/pipeline/);
    expect(() => score({ neededBy: '2026-13-01' })).toThrow(/neededBy/);
  });

  it('formats amounts in the workspace currency, or plainly', () => {
    const deals = [{ amountBase: 1_500_000, probability: 0.1, closeDate: null }];
    expect(part(score({ openDeals: deals }, DEFAULT_WEIGHTS, { currency: 'USD' }), 'pipeline').detail).toBe(
      '$1,500,000 × stage probability over 1 open deal = $150,000',
    );
    expect(part(score({ openDeals: deals }, DEFAULT_WEIGHTS, { currency: 'EUR', locale: 'de-DE' }), 'pipeline').detail).toBe(
      '1.500.000\u00a0€ × stage probability over 1 open deal = 150.000\u00a0€',
    );
    expect(part(score({ openDeals: deals }, DEFAULT_WEIGHTS, { currency: 'GBP' }), 'pipeline').detail).toBe(
      '£1,500,000 × stage probability over 1 open deal = £150,000',
    );
    expect(part(score({ openDeals: deals }, DEFAULT_WEIGHTS, { currency: 'not a code' }), 'pipeline').detail).toBe(
      'not a code 1,500,000 × stage probability over 1 open deal = not a code 150,000',
    );
  });
});
