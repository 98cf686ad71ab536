import { structuredPatch } from 'diff';
import type { DiffHunk, DiffLine } from '@tandem/contracts';

/** Lines of context kept around each change. */
const CONTEXT = 3;

/**
 * The line diff of two Markdown bodies as hunks the page shows: each line added, removed or unchanged, with its
 * number on either side. A body is compared with a final newline, so a missing one at the end is no change.
 */
export function diffBodies(older: string, newer: string): { hunks: DiffHunk[]; added: number; removed: number } {
  const withEol = (s: string) => (s === '' || s.endsWith('\n') ? s : `${s}\n`);
  const patch = structuredPatch('from', 'to', withEol(older), withEol(newer), undefined, undefined, { context: CONTEXT });
  let added = 0;
  let removed = 0;
  const hunks = patch.hunks.map((h): DiffHunk => {
    let oldNumber = h.oldStart;
    let newNumber = h.newStart;
    const lines: DiffLine[] = [];
    for (const raw of h.lines) {
      const mark = raw[0];
      const text = raw.slice(1);
      if (mark === '+') {
        lines.push({ kind: 'added', text, oldNumber: null, newNumber: newNumber++ });
        added++;
      } else if (mark === '-') {
        lines.push({ kind: 'removed', text, oldNumber: oldNumber++, newNumber: null });
        removed++;
      } else if (mark === ' ') {
        lines.push({ kind: 'context', text, oldNumber: oldNumber++, newNumber: newNumber++ });
      }
      // "\ No newline at end of file" cannot occur: both sides end with one.
    }
    return { oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, lines };
  });
  return { hunks, added, removed };
}
