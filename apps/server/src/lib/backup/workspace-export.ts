/**
 * `tandem workspace export SLUG`: everything a workspace holds, for a customer who leaves, as a zip (yazl) with, per
 * table, `csv/<table>.csv` (through lib/csv-output.ts: every cell quoted, formulas neutralised) and
 * `json/<table>.json` (an array of the rows as PostgreSQL's row_to_json gives them), plus `people.csv/json` (the
 * members' names and emails) and a README. Tables are found generically: every table with a `workspace_id`.
 * Secrets never leave: columns named like password, secret, token or hash are left out. One repeatable-read
 * transaction, so the files agree with each other.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import yazl from 'yazl';
import { shortLivedClient } from '../../db/short-lived-client.ts';
import { safeCsv } from '../csv-output.ts';
import { listTables, quoteIdent } from './catalog.ts';

/** Columns never exported: credentials and their hashes (a Slack incoming-webhook URL is one: whoever has it posts to the channel). */
export const SECRET_COLUMN = /password|secret|token|hash|private_key|api_key|webhook_url/i;

export interface ExportResult {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function end(stream: Writable): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/** Writes one query's rows as CSV and JSON files; answers the row count. */
async function exportRows(client: pg.ClientBase, select: string, params: unknown[], columns: string[], csvFile: string, jsonFile: string): Promise<number> {
  const csv = safeCsv({ bom: true });
  const csvOut = createWriteStream(csvFile);
  csv.pipe(csvOut);
  const json = createWriteStream(jsonFile);
  await write(json, '[');
  csv.write(columns);
  let n = 0;
  const cursor = `export_${Math.random().toString(36).slice(2, 10)}`;
  await client.query(`declare ${cursor} no scroll cursor for ${select}`, params);
  for (;;) {
    const { rows } = await client.query<{ r: Record<string, unknown> }>(`fetch 1000 from ${cursor}`);
    if (!rows.length) break;
    for (const { r } of rows) {
      await write(json, `${n ? ',' : ''}\n${JSON.stringify(r)}`);
      const cells = columns.map((c) => {
        const v = r[c];
        return v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      });
      if (!csv.write(cells)) await once(csv, 'drain');
      n++;
    }
  }
  await client.query(`close ${cursor}`);
  await write(json, n ? '\n]\n' : ']\n');
  await end(json);
  csv.end();
  await once(csvOut, 'finish');
  return n;
}

export async function exportWorkspace(opts: { databaseUrl: string; slug: string; file: string }): Promise<ExportResult | null> {
  const client = shortLivedClient({ connectionString: opts.databaseUrl, application_name: 'tandem-export' });
  await client.connect();
  const spool = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-export-'));
  const partial = `${opts.file}.${process.pid}.partial`;
  try {
    await client.query("begin isolation level repeatable read read only; set local timezone = 'UTC'");
    const ws = await client.query<{ id: string; name: string }>('select id, name from workspaces where slug = $1', [opts.slug]);
    const workspace = ws.rows[0];
    if (!workspace) return null;
    const zip = new yazl.ZipFile();
    const written = new Promise<void>((resolve, reject) => {
      const out = createWriteStream(partial, { mode: 0o600 });
      out.on('error', reject);
      out.on('close', () => resolve());
      zip.outputStream.on('error', reject).pipe(out);
    });
    let rows = 0;
    const names: string[] = [];
    const add = async (name: string, select: string, columns: string[]) => {
      const csvFile = path.join(spool, `${name}.csv`);
      const jsonFile = path.join(spool, `${name}.json`);
      rows += await exportRows(client, select, [workspace.id], columns, csvFile, jsonFile);
      zip.addReadStream(createReadStream(csvFile), `csv/${name}.csv`);
      zip.addReadStream(createReadStream(jsonFile), `json/${name}.json`);
      names.push(name);
    };
    const exported = (cols: string[]) => cols.filter((c) => !SECRET_COLUMN.test(c));
    // row_to_json over a sub-select of the exported columns: types kept (numbers, arrays, objects), any number of columns.
    const select = (cols: string[], from: string) => `select row_to_json(x) as r from (select ${cols.map((c) => `t.${quoteIdent(c)}`).join(', ')} ${from}) x`;
    const tables = await listTables(client);
    const workspacesTable = tables.find((t) => t.name === 'workspaces');
    if (workspacesTable) {
      const cols = exported(workspacesTable.columns);
      await add('workspaces', select(cols, 'from workspaces t where t.id = $1'), cols);
    }
    const users = tables.find((t) => t.name === 'users');
    if (users) {
      const cols = exported(users.columns);
      await add('people', select(cols, 'from users t where t.id in (select user_id from memberships where workspace_id = $1) order by t.id'), cols);
    }
    for (const t of tables.filter((x) => x.hasWorkspaceId)) {
      const cols = exported(t.columns);
      await add(t.name, select(cols, `from ${quoteIdent(t.name)} t where t.workspace_id = $1`), cols);
    }
    await client.query('commit');
    zip.addBuffer(
      Buffer.from(
        `Tandem workspace export: ${workspace.name} (${opts.slug}), ${new Date().toISOString()}\n\n` +
          'csv/<table>.csv and json/<table>.json hold the same rows: the CSV for spreadsheets (UTF-8 with a byte-order mark;\n' +
          "a cell starting with = + - @ is prefixed with ' so it cannot run as a formula), the JSON with types kept.\n" +
          'people holds the members (name, email); credentials (passwords, tokens, secrets, hashes, Slack webhook addresses)\nare never exported.\n' +
          'Library files (PDFs, slides) are not included: download them from the library, or ask the admin for a backup.\n\n' +
          `Tables: ${names.join(', ')}\n`,
      ),
      'README.txt',
    );
    zip.end();
    await written;
    await fs.rename(partial, opts.file);
    return { file: opts.file, bytes: (await fs.stat(opts.file)).size, tables: names.length, rows };
  } catch (e) {
    await fs.rm(partial, { force: true });
    throw e;
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end().catch(() => undefined);
    await fs.rm(spool, { recursive: true, force: true });
  }
}
