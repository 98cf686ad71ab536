import { describe, expect, it } from 'vitest';
import { AT_RISK_BAND, elapsedShare, goalStatus, keyResultStatus } from './status.ts';

// A 91-day quarter: 2026-11-01 … 2027-01-30 is 90 days from first to last day, so day 45 is half way.
const period = { start: '2026-11-01', end: '2027-01-30' };
const half = '2026-12-16';

describe('the straight path', () => {
  it('runs from 0 on the first day to 1 on the last, clamped outside', () => {
    expect(elapsedShare(period.start, period.end, period.start)).toBe(0);
    expect(elapsedShare(period.start, period.end, half)).toBe(0.5);
    expect(elapsedShare(period.start, period.end, period.end)).toBe(1);
    expect(elapsedShare(period.start, period.end, '2026-10-01')).toBe(0);
    expect(elapsedShare(period.start, period.end, '2027-03-01')).toBe(1);
    expect(elapsedShare('2026-11-01', '2026-11-01', '2026-11-01')).toBe(1);
  });
});

describe('key result status', () => {
  const up = { baseline: 0.2, target: 0.3, ...period, today: half };
  it('exactly on the path is on track', () => {
    const r = keyResultStatus({ ...up, value: 0.25 });
    expect(r).toMatchObject({ status: 'on_track', expected: 0.25 });
    expect(r.progress).toBeCloseTo(0.5);
  });
  it('just below the path is at risk; more than the band below is off track', () => {
    expect(keyResultStatus({ ...up, value: 0.2499 }).status).toBe('at_risk');
    // 10 points of progress behind = 0.01 of a 0.1 way: still at risk at the edge, off track past it.
    expect(keyResultStatus({ ...up, value: 0.25 - AT_RISK_BAND * 0.1 }).status).toBe('at_risk');
    expect(keyResultStatus({ ...up, value: 0.25 - AT_RISK_BAND * 0.1 - 0.0001 }).status).toBe('off_track');
  });
  it('ahead of the path is on track', () => {
    expect(keyResultStatus({ ...up, value: 0.29 }).status).toBe('on_track');
  });
  it('a decreasing result reads the other way', () => {
    const down = { baseline: 60, target: 40, ...period, today: half };
    expect(keyResultStatus({ ...down, value: 50 }).status).toBe('on_track');
    expect(keyResultStatus({ ...down, value: 45 }).status).toBe('on_track');
    expect(keyResultStatus({ ...down, value: 51 }).status).toBe('at_risk');
    expect(keyResultStatus({ ...down, value: 55 }).status).toBe('off_track');
  });
  it('no value, or a period not begun, is no data', () => {
    expect(keyResultStatus({ ...up, value: null }).status).toBe('no_data');
    expect(keyResultStatus({ ...up, value: 0.3, today: '2026-10-15' }).status).toBe('no_data');
  });
  it('on the last day the target itself is the path', () => {
    expect(keyResultStatus({ ...up, today: period.end, value: 0.3 }).status).toBe('on_track');
    expect(keyResultStatus({ ...up, today: period.end, value: 0.295 }).status).toBe('at_risk');
  });
});

describe('goal status', () => {
  it('is the worst of its key results; no data only when none has data', () => {
    expect(goalStatus(['on_track', 'at_risk', 'no_data'])).toBe('at_risk');
    expect(goalStatus(['on_track', 'off_track', 'at_risk'])).toBe('off_track');
    expect(goalStatus(['no_data', 'on_track'])).toBe('on_track');
    expect(goalStatus(['no_data'])).toBe('no_data');
    expect(goalStatus([])).toBe('no_data');
  });
});
