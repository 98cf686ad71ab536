import { describe, expect, it } from 'vitest';
import { liveItemId, mergeDraft } from './occurrence-detail.ts';

const row = (id: string, position: number, kind: 'theme' | 'goal' | 'free' | 'request', sourceId: string | null, over: { notes?: string; hidden?: boolean; why?: string } = {}) => ({
  id,
  position,
  kind,
  sourceId,
  title: id,
  why: over.why ?? 'old',
  notes: over.notes ?? '',
  hidden: over.hidden ?? false,
});

describe('a draft agenda merged with live data (what a read shows and a change stores)', () => {
  it('keeps the owner’s items, updates why, drops what no longer qualifies unless noted or hidden, appends the new', () => {
    const stored = [
      row('A', 1, 'theme', 't-a'),
      row('B', 2, 'theme', 't-b', { notes: 'Discussed' }),
      row('C', 3, 'goal', 'g-c', { hidden: true }),
      row('D', 4, 'free', null),
      row('F', 5, 'theme', 't-f'),
    ];
    const candidates = [
      { kind: 'theme' as const, sourceId: 't-a', title: 'A', why: 'Rising: 3 new items' },
      { kind: 'request' as const, sourceId: 'r-e', title: '#7 E', why: 'Past its SLA' },
    ];
    const m = mergeDraft(stored, candidates, (c) => `id-${c.sourceId}`);
    expect(m.items.map((i) => `${i.id}@${i.position}:${i.why}`)).toEqual(['A@1:Rising: 3 new items', 'B@2:old', 'C@3:old', 'D@4:old', 'id-r-e@6:Past its SLA']);
    expect(m.removed).toEqual(['F']);
    expect(m.updated).toEqual([{ id: 'A', why: 'Rising: 3 new items' }]);
    expect(m.added.map((a) => a.id)).toEqual(['id-r-e']);
  });

  it('a live item’s id is a uuid fixed by series, number, kind and source', () => {
    const id = liveItemId('5f0c2f4e-0000-4000-8000-000000000001', 3, 'theme', 'abc');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(liveItemId('5f0c2f4e-0000-4000-8000-000000000001', 3, 'theme', 'abc')).toBe(id);
    expect(liveItemId('5f0c2f4e-0000-4000-8000-000000000001', 4, 'theme', 'abc')).not.toBe(id);
  });
});
