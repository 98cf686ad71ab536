import { isApiError } from '../../../app/api-error.ts';

/** Errors of an editable list, by row key and field ('_' for the row as a whole). */
export type RowErrors = Record<string, Record<string, string>>;

/**
 * The server names a list item's field as `body.items.3.stage` (domain checks) or
 * `body.items[3].stage` (schema checks); `keys[i]` is the row that was sent as item i.
 */
export function problemRowErrors(err: unknown, keys: string[]): RowErrors {
  const out: RowErrors = {};
  if (!isApiError(err)) return out;
  for (const e of err.problem.errors ?? []) {
    const m = /items(?:\.|\[)(\d+)\]?(?:\.(\w+))?/.exec(e.path);
    const key = m ? keys[Number(m[1])] : undefined;
    if (!key) continue;
    const field = m?.[2] ?? '_';
    out[key] ??= {};
    out[key][field] ??= e.message;
  }
  return out;
}

export function errorCount(errors: RowErrors): number {
  return Object.values(errors).reduce((n, r) => n + Object.values(r).filter(Boolean).length, 0);
}

let seq = 0;
/** A key for a row that exists only in the browser so far. */
export const newRowKey = () => `row-${++seq}`;
