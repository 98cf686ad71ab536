import { can, type Action, type Role } from '@tandem/contracts';
import type { ImportRow } from './imports.repository.ts';

/**
 * Undo follows who may run that kind of import: a file import is `deals.import` (admins and
 * sales leads), the upsert API is `deals.write` (admins: an integration's sync). Undoing deletes
 * what the import created, so it must not reach further than running it could.
 */
export function undoActionOf(origin: ImportRow['origin']): Action {
  return origin === 'upsert' ? 'deals.write' : 'deals.import';
}

export function mayUndo(role: Role, origin: ImportRow['origin']): boolean {
  return can(role, undoActionOf(origin));
}
