import { describe, expect, it } from 'vitest';
import { ackDaysScore, combine, creditAgreedScore, demandCapacityScore, modelSpread, overallScore, proportionScore, surveyScore } from './score.ts';

describe('each signal’s arithmetic', () => {
  it('a share is 0–100, and null on too small a sample', () => {
    expect(proportionScore(3, 4, 3)).toBe(75);
    expect(proportionScore(2, 2, 3)).toBeNull();
    expect(proportionScore(0, 0, 1)).toBeNull();
  });
  it('acknowledgement time: 2 days or less 100, 14 or more 0, straight between', () => {
    expect(ackDaysScore(1, 10)).toBe(100);
    expect(ackDaysScore(8, 10)).toBe(50);
    expect(ackDaysScore(9, 10)).toBe(42);
    expect(ackDaysScore(20, 10)).toBe(0);
    expect(ackDaysScore(5, 2)).toBeNull();
    expect(ackDaysScore(null, 10)).toBeNull();
  });
  it('demand against capacity: at capacity 100, twice 50, three times 0; no capacity and no demand is no data', () => {
    expect(demandCapacityScore(80, 100)).toBe(100);
    expect(demandCapacityScore(200, 100)).toBe(50);
    expect(demandCapacityScore(400, 100)).toBe(0);
    expect(demandCapacityScore(10, 0)).toBe(0);
    expect(demandCapacityScore(0, 0)).toBeNull();
  });
  it('meeting action items done and credit disputes resolved are shares with at least 3 cases', () => {
    // 7 of 10 action items due in 90 days done by their due day; 3 of 4 disputes resolved; 2 items are too few.
    expect(proportionScore(7, 10, 3)).toBe(70);
    expect(proportionScore(3, 4, 3)).toBe(75);
    expect(proportionScore(2, 2, 3)).toBeNull();
  });
  it('model spread: 100 minus the widest spread of a team’s share between the models, in points', () => {
    // Three models over the same revenue: marketing 60/20/50 %, sales 40/80/50 % → both spread 40 points → 60.
    expect(modelSpread([[60, 40, 0], [20, 80, 0], [50, 50, 0]], 5)).toEqual({ value: 60, points: 40, team: 0 });
    // Partners' share moves most: 10 % under one model, 70 % under another → 60 points → 40.
    expect(modelSpread([[45, 45, 10], [15, 15, 70]], 8)).toEqual({ value: 40, points: 60, team: 2 });
    // Every model agrees: 100.
    expect(modelSpread([[3, 1, 0], [6, 2, 0]], 5)).toEqual({ value: 100, points: 0, team: 0 });
    expect(modelSpread([[60, 40, 0]], 4)).toBeNull();
    expect(modelSpread([[0, 0, 0]], 9)).toBeNull();
  });
  it('credit agreed: the agreed share of won revenue; 0 with no model of record; no data under 5 won deals', () => {
    expect(creditAgreedScore({ deals: 6, amount: 6000, agreedDeals: 5, agreedAmount: 5000 }, true)).toBe(83);
    expect(creditAgreedScore({ deals: 6, amount: 6000, agreedDeals: 6, agreedAmount: 6000 }, false)).toBe(0);
    expect(creditAgreedScore({ deals: 5, amount: 0, agreedDeals: 4, agreedAmount: 0 }, true)).toBe(80);
    expect(creditAgreedScore({ deals: 4, amount: 4000, agreedDeals: 4, agreedAmount: 4000 }, true)).toBeNull();
  });
  it('survey agreement: the teams’ means averaged onto 0–100, only with both teams', () => {
    expect(surveyScore(5, 3)).toBe(75);
    expect(surveyScore(1, 1)).toBe(0);
    expect(surveyScore(4, null)).toBeNull();
  });
});

describe('combining signals', () => {
  it('missing data lowers the confidence, not the score', () => {
    const full = combine([{ value: 80, weight: 0.3 }, { value: 40, weight: 0.3 }, { value: 60, weight: 0.4 }]);
    expect(full).toEqual({ score: 60, confidence: 1 });
    const missing = combine([{ value: 80, weight: 0.3 }, { value: null, weight: 0.3 }, { value: 60, weight: 0.4 }]);
    expect(missing).toEqual({ score: 69, confidence: 0.7 });
  });
  it('no score when under 30 % of the weight has data (nothing to build a number on)', () => {
    expect(combine([{ value: null, weight: 0.3 }, { value: null, weight: 0.3 }, { value: 50, weight: 0.2 }])).toEqual({ score: null, confidence: 0.25 });
    expect(combine([{ value: null, weight: 1 }])).toEqual({ score: null, confidence: 0 });
  });
  it('overall: the mean of the frictions with a score, when at least four have one', () => {
    expect(overallScore([50, 60, 70, 80, null, null, null, null])).toBe(65);
    expect(overallScore([50, 60, 70, null, null, null, null, null])).toBeNull();
  });
});
