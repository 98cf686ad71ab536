import { describe, expect, it } from 'vitest';
import type { Role } from '@tandem/contracts/roles';
import { requestFixture } from './request-fixture.ts';
import { changeMessage, joinNames, toldSentence } from './told.ts';

const priya = { userId: '00000000-0000-4000-8000-00000000000a', name: 'Priya Shah' };
const marcus = { userId: '00000000-0000-4000-8000-00000000000b', name: 'Marcus Lee' };
const roles: Record<string, Role> = { [priya.userId]: 'marketing', [marcus.userId]: 'sales_lead' };
const roleOf = (id: string) => roles[id];

describe('who was told, in one sentence', () => {
  it('joins names the way people write them', () => {
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(joinNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 others');
    expect(joinNames(['A', 'B', 'C', 'D'])).toBe('A, B, C and 1 other');
  });

  it('names each person with their role when it is known', () => {
    expect(toldSentence([priya], roleOf)).toBe('Priya Shah (PMM) was told.');
    expect(toldSentence([priya, marcus], roleOf)).toBe('Priya Shah (PMM) and Marcus Lee (sales lead) were told.');
    expect(toldSentence([priya])).toBe('Priya Shah was told.');
    expect(toldSentence([])).toBe('No one else needed to be told.');
  });

  it('says a filed request reached the PMMs who triage, by name, or that it waits when there is nobody to tell', () => {
    const request = requestFixture({ number: 124, rank: 3 });
    expect(changeMessage('filed', { request, notified: [priya] }, roleOf)).toBe('Filed #124: it is number 3 in the queue. Priya Shah (PMM) was told.');
    expect(changeMessage('filed', { request: requestFixture({ rank: null }), notified: [] })).toBe(
      'Filed #124. It waits in the queue; there is no PMM to tell yet.',
    );
  });

  it('says what each step did', () => {
    const triaged = requestFixture({ status: 'triaged', estimateHours: 6, assignee: priya });
    expect(changeMessage('triaged', { request: triaged, notified: [marcus] }, roleOf)).toBe(
      'Triaged #124: 6 h, assigned to Priya Shah. Marcus Lee (sales lead) was told.',
    );
    const merged = requestFixture({ status: 'merged', mergedInto: { id: triaged.id, number: 98, title: 'Kestrel' } });
    expect(changeMessage('merged', { request: merged, notified: [] })).toBe('Merged #124 into #98; its requesters and deals moved there. No one else needed to be told.');
  });
});
