/**
 * What a backup holds, found in the database's catalogue rather than listed by hand: every ordinary table of the
 * `public` schema (modules add tables all the time), its stored columns (not generated ones), the foreign keys
 * between them (restore loads parents first), and the sequences.
 */
import type pg from 'pg';

export interface TableInfo {
  name: string;
  /** Stored columns in order (generated columns are computed again on load). */
  columns: string[];
  hasWorkspaceId: boolean;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await client.query<{ table: string; columns: string[] }>(`
    select c.relname as table,
           array_agg(a.attname::text order by a.attnum) as columns
      from pg_class c
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
     group by c.relname`);
  const edges = await client.query<{ child: string; parent: string }>(`
    select cl.relname as child, pr.relname as parent
      from pg_constraint k
      join pg_class cl on cl.oid = k.conrelid
      join pg_class pr on pr.oid = k.confrelid
     where k.contype = 'f' and cl.relnamespace = 'public'::regnamespace and cl.oid <> pr.oid`);
  const tables = rows.map((r) => ({ name: r.table, columns: r.columns, hasWorkspaceId: r.columns.includes('workspace_id') }));
  return parentsFirst(tables, edges.rows);
}

/** Orders tables so each comes after the tables its foreign keys point to (by name among equals: stable archives). */
export function parentsFirst<T extends { name: string }>(tables: T[], edges: { child: string; parent: string }[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map<string, Set<string>>();
  for (const e of edges) if (byName.has(e.parent)) (parents.get(e.child) ?? parents.set(e.child, new Set()).get(e.child)!).add(e.parent);
  const done = new Set<string>();
  const out: T[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (done.has(name) || visiting.has(name)) return; // a cycle: the restore's disabled checks cover it
    visiting.add(name);
    for (const p of [...(parents.get(name) ?? [])].sort()) visit(p);
    visiting.delete(name);
    done.add(name);
    out.push(byName.get(name)!);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return out;
}

export interface SequenceValue {
  name: string;
  lastValue: string | null;
}

export async function listSequences(client: pg.ClientBase): Promise<SequenceValue[]> {
  const { rows } = await client.query<{ name: string; last: string | null }>(
    `select sequencename as name, last_value::text as last from pg_sequences where schemaname = 'public' order by 1`,
  );
  return rows.map((r) => ({ name: r.name, lastValue: r.last }));
}
