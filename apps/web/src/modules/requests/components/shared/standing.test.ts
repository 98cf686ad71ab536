import { describe, expect, it } from 'vitest';
import { requestFixture } from './request-fixture.ts';
import { requestStanding } from './standing.ts';

describe('where a request stands, for the rep who asked', () => {
  it('gives the place, the line and the server’s reason for a planned request', () => {
    const r = requestFixture({
      status: 'triaged',
      rank: 4,
      plan: { expectedDoneOn: '2026-12-22', belowLine: true, reason: 'The team’s hours run out on Dec 17; it would be done Dec 22, after its date.' },
    });
    expect(requestStanding(r)).toEqual({
      place: 'Number 4 in the queue',
      belowLine: true,
      reason: 'The team’s hours run out on Dec 17; it would be done Dec 22, after its date.',
    });
  });

  it('says why a request is not planned yet', () => {
    expect(requestStanding(requestFixture({ status: 'new', rank: 2 }))).toMatchObject({ place: 'Number 2 in the queue', belowLine: null, reason: expect.stringMatching(/not estimated it yet/) });
    expect(requestStanding(requestFixture({ status: 'triaged', rank: 2 })).reason).toMatch(/no estimate/);
  });

  it('names a pin or a hand placement beside the place', () => {
    const override = { kind: 'pin' as const, position: null, reason: 'Board meeting', by: null, at: '2026-12-07T08:00:00.000Z' };
    expect(requestStanding(requestFixture({ rank: 1, override })).place).toBe('Number 1 in the queue (pinned)');
    expect(requestStanding(requestFixture({ rank: 5, override: { ...override, kind: 'position', position: 5 } })).place).toBe('Number 5 in the queue (placed by hand)');
  });

  it('has no place in the queue once the work is done, declined or merged', () => {
    expect(requestStanding(requestFixture({ status: 'delivered', rank: null })).place).toBe('Delivered');
    expect(requestStanding(requestFixture({ status: 'accepted', rank: null })).place).toBe('Done');
    expect(requestStanding(requestFixture({ status: 'declined', rank: null })).place).toBe('Declined');
    expect(requestStanding(requestFixture({ status: 'merged', rank: null })).belowLine).toBeNull();
  });

  it('falls back to the expected date when the server gives no reason', () => {
    const r = requestFixture({ status: 'in_progress', neededBy: '2026-12-18', plan: { expectedDoneOn: '2026-12-10', belowLine: false, reason: '' } });
    expect(requestStanding(r).reason).toBe('Expected done Dec 10, 2026 (needed by Dec 18, 2026).');
  });
});
