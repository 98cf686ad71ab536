import { describe, expect, test } from 'vitest';
import { describeFilters, readRecordsParams, recordHref, recordsElsewhere } from './records-params.ts';

describe('records behind a number', () => {
  test('the address gives the same filters the number was computed with; junk is dropped', () => {
    const p = readRecordsParams(new URLSearchParams('from=2026-02-01&to=2026-03-10&groupBy=segment&key=Enterprise&part=numerator&byAmount=true&from2=x&groupBy2=y'));
    expect(p).toEqual({ from: '2026-02-01', to: '2026-03-10', groupBy: 'segment', key: 'Enterprise', part: 'numerator', byAmount: true });
    expect(readRecordsParams(new URLSearchParams('from=yesterday&groupBy=planet&part=all'))).toEqual({});
  });

  test('filters in words', () => {
    expect(describeFilters({ groupBy: 'segment', key: 'Enterprise', competitor: 'Acme' })).toBe('Segment: Enterprise · Competitor: Acme');
  });

  test('deals, requests and assets open their page; feedback has none', () => {
    expect(recordHref('nw', { kind: 'deal', id: 'd1' })).toBe('/w/nw/deals/d1');
    expect(recordHref('nw', { kind: 'feedback', id: 'f1' })).toBeNull();
  });

  test("the meetings' metrics send the reader to the Meetings page's record of the same period", () => {
    expect(recordsElsewhere('nw', 'meeting-attendance', { from: '2026-02-01', to: '2026-04-30' })?.href).toBe('/w/nw/meetings?from=2026-02-01&to=2026-04-30');
    expect(recordsElsewhere('nw', 'win-rate', { from: '2026-02-01', to: '2026-04-30' })).toBeNull();
  });
});
