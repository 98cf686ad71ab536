import { sql, type SQLWrapper } from 'drizzle-orm';

/**
 * Keyset pagination: rows after `values` in the order of `columns`, as one row
 * comparison — `(a, b) > ($1, $2)` — which PostgreSQL answers from a matching index.
 */
export function after(direction: 'asc' | 'desc', columns: SQLWrapper[], values: unknown[]) {
  const cols = sql.join(columns.map((c) => sql`${c}`), sql`, `);
  const vals = sql.join(values.map((v) => sql`${v}`), sql`, `);
  return direction === 'asc' ? sql`(${cols}) > (${vals})` : sql`(${cols}) < (${vals})`;
}
