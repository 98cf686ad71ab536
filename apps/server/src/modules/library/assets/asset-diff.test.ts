import { describe, expect, it } from 'vitest';
import { diffBodies } from './asset-diff.ts';

describe('diffBodies', () => {
  it('is empty for the same body, and a missing final newline is no change', () => {
    expect(diffBodies('a\nb\n', 'a\nb\n')).toEqual({ hunks: [], added: 0, removed: 0 });
    expect(diffBodies('a\nb', 'a\nb\n')).toEqual({ hunks: [], added: 0, removed: 0 });
  });

  it('numbers each line on its side and keeps three lines of context', () => {
    const older = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].join('\n');
    const newer = ['1', '2', '3', '4', '5', 'six', '7', '8', '9', '10'].join('\n');
    const d = diffBodies(older, newer);
    expect([d.added, d.removed]).toEqual([1, 1]);
    expect(d.hunks).toHaveLength(1);
    expect(d.hunks[0]).toMatchObject({ oldStart: 3, oldLines: 7, newStart: 3, newLines: 7 });
    expect(d.hunks[0]!.lines.filter((l) => l.kind !== 'context')).toEqual([
      { kind: 'removed', text: '6', oldNumber: 6, newNumber: null },
      { kind: 'added', text: 'six', oldNumber: null, newNumber: 6 },
    ]);
    expect(d.hunks[0]!.lines.at(-1)).toEqual({ kind: 'context', text: '9', oldNumber: 9, newNumber: 9 });
  });

  it('splits far-apart changes into separate hunks, and diffs from or to an empty body', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const changed = lines.map((l, i) => (i === 1 || i === 27 ? `${l} (edited)` : l));
    expect(diffBodies(lines.join('\n'), changed.join('\n')).hunks).toHaveLength(2);
    expect(diffBodies('', 'new\nbody')).toMatchObject({ added: 2, removed: 0 });
    expect(diffBodies('old', '')).toMatchObject({ added: 0, removed: 1 });
  });
});
