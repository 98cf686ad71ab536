/**
 * Streams rows into the import's staging table with COPY: the one fast way
 * into PostgreSQL, and it keeps memory flat (rows are encoded in ~256 KB chunks
 * and written as the database takes them).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from '../../../db/database.ts';
import type { RowError } from '../../../lib/tabular/tabular.errors.ts';
import type { DealInput } from '../reading/deal-input.ts';

/** COPY's text format: backslash escapes, \N for NULL. NUL cannot be stored in text and is dropped. */
function esc(value: string): string {
  return /[\\\n\r\t\0]/.test(value)
    ? value.replace(/[\\\n\r\t\0]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : ''))
    : value;
}
const NULL = '\\N';
const opt = (v: string | undefined) => (v === undefined ? NULL : esc(v));
export { esc as escCopy, opt as nullable };
/** A text[] literal: every element quoted, backslash and quote escaped. */
const array = (items: readonly string[]) => esc(`{${items.map((s) => `"${s.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`);

export const DEAL_STAGING_COLUMNS =
  'line, valid, external_id, name, account, amount, currency, stage, stage_category, probability, close_date, created_date, ' +
  'owner, type, lead_source, products, competitors, reason, custom_fields, cells, errors';

const INVALID_TAIL = `\t${Array(16).fill(NULL).join('\t')}`;

export function encodeDeal(line: number, d: DealInput): string {
  return [
    line,
    't',
    esc(d.externalId),
    esc(d.name),
    opt(d.account),
    opt(d.amount),
    opt(d.currency),
    esc(d.stage),
    d.stageCategory,
    d.probability === undefined ? NULL : String(Math.round(d.probability)),
    opt(d.closeDate),
    opt(d.createdDate),
    opt(d.owner),
    opt(d.type),
    opt(d.leadSource),
    array(d.products),
    array(d.competitors),
    opt(d.reason),
    esc(JSON.stringify(d.customFields)),
    NULL,
    NULL,
  ].join('\t');
}

/** An invalid row: its id (so --full does not remove the deal it names), the file's cells and its errors. */
export function encodeRejected(line: number, externalId: string | undefined, cells: Readonly<Record<string, string>>, errors: RowError[]): string {
  return `${line}\tf\t${opt(externalId)}${INVALID_TAIL}\t${esc(JSON.stringify(cells))}\t${esc(JSON.stringify(errors))}`;
}

/** The pg client under a transaction handle (drizzle keeps it as $client). */
export function clientOf(tx: Tx): pg.PoolClient {
  return (tx as unknown as { $client: pg.PoolClient }).$client;
}

/** COPYs the lines an async generator yields (each without its newline) into a table. */
export async function copyLines(tx: Tx, table: string, columns: string, lines: AsyncIterable<string>): Promise<void> {
  const stream = clientOf(tx).query(copyFrom(`copy ${table} (${columns}) from stdin`));
  async function* chunks() {
    let buf = '';
    for await (const line of lines) {
      buf += line + '\n';
      if (buf.length >= 262_144) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  await pipeline(Readable.from(chunks()), stream);
}
