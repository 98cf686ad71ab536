import { describe, expect, it } from 'vitest';
import type { ImportCounts, ImportPreview } from '@tandem/contracts';
import { importedNothing, nothingToImport } from './import-fields.ts';

const counts = (rows: number, invalid: number): ImportCounts => ({ rows, created: rows - invalid, updated: 0, unchanged: 0, removed: 0, invalid, warnings: 0 });
const preview = (check: ImportPreview['check']) => ({ check }) as ImportPreview;

describe('an import that imported nothing', () => {
  it('is a completed import with rows, every one of them rejected', () => {
    expect(importedNothing({ status: 'completed', dryRun: false, counts: counts(4, 4) })).toBe(true);
    expect(importedNothing({ status: 'completed', dryRun: true, counts: counts(4, 4) })).toBe(true);
    expect(importedNothing({ status: 'completed', dryRun: false, counts: counts(4, 3) })).toBe(false);
    expect(importedNothing({ status: 'completed', dryRun: false, counts: counts(0, 0) })).toBe(false);
    expect(importedNothing({ status: 'failed', dryRun: false, counts: counts(4, 4) })).toBe(false);
    expect(importedNothing({ status: 'completed', dryRun: false, counts: null })).toBe(false);
  });

  it('before starting: the preview checked rows and none can be imported', () => {
    const all = { rows: 3, wholeFile: true, invalid: 3, reasons: [{ column: 'Opportunity ID', message: 'bad', count: 3 }] };
    expect(nothingToImport(preview(all))).toBe(all);
    expect(nothingToImport(preview({ ...all, invalid: 2 }))).toBeNull();
    expect(nothingToImport(preview({ ...all, rows: 0, invalid: 0 }))).toBeNull();
    expect(nothingToImport(preview(null))).toBeNull();
  });
});
