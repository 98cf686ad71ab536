/**
 * An accounts import: one streaming pass (accounts have no dates or amounts to
 * decide on), rows COPYed into staging, then the same one-transaction merge as deals.
 */
import type { Database, Tx } from '../../../db/database.ts';
import { normalizeSalesforceId } from '../../../lib/tabular/salesforce-id.ts';
import type { RowError } from '../../../lib/tabular/tabular.errors.ts';
import { ImportsErrors as E } from '../imports.errors.ts';
import { resolveAccountColumns, type AccountColumnMap } from '../reading/account-formats.ts';
import type { AccountInput } from '../reading/account-input.ts';
import { accountMappingFileSchema, type AccountMappingFile } from '../reading/account-mapping-file.ts';
import type { ImportFormat } from '../reading/formats.ts';
import { normalizeAccountRecord } from '../reading/normalize-account.ts';
import { openRecords } from '../reading/open-records.ts';
import { accountMergeRepository } from './account-merge.repository.ts';
import type { DealImportParams } from './deal-pipeline.ts';
import { MAX_LISTED_ERRORS, mergeInTransaction, throttle, type DealImportOutcome, type MergeOps, type StageStats } from './merge.ts';
import { copyLines, escCopy, nullable } from './staging-copy.ts';

const ACCOUNT_STAGING_COLUMNS = 'line, valid, external_id, name, domain, segment, industry, size, region, owner, custom_fields, cells, errors';
const NULL = '\\N';

function encodeAccount(line: number, a: AccountInput): string {
  return [line, 't', escCopy(a.externalId), escCopy(a.name), nullable(a.domain), nullable(a.segment), nullable(a.industry), nullable(a.size), nullable(a.region), nullable(a.owner), escCopy(JSON.stringify(a.customFields)), NULL, NULL].join('\t');
}

function encodeRejectedAccount(line: number, externalId: string | undefined, cells: Readonly<Record<string, string>>, errors: RowError[]) {
  return [line, 'f', nullable(externalId), ...Array(8).fill(NULL), escCopy(JSON.stringify(cells)), escCopy(JSON.stringify(errors))].join('\t');
}

const ACCOUNT_OPS: MergeOps = {
  kind: 'accounts',
  createStaging: (tx) => accountMergeRepository.createAccountStaging(tx),
  classify: (tx, m) => accountMergeRepository.classifyAccounts(tx, m),
  countMissing: (tx, m) => accountMergeRepository.countMissingAccounts(tx, m),
  apply: (tx, m, full) => accountMergeRepository.applyAccounts(tx, m, full),
  writes: ['accounts'],
};

function detectAccountFormat(headers: readonly string[]): ImportFormat | null {
  for (const format of ['salesforce', 'hubspot'] as const) {
    try {
      resolveAccountColumns(format, headers);
      return format;
    } catch {
      // not this one
    }
  }
  return null;
}

export async function runAccountImport(database: Database, params: Omit<DealImportParams, 'mapping'> & { mapping?: unknown }): Promise<DealImportOutcome> {
  const progress = throttle(params.onProgress);
  const mapping: AccountMappingFile | undefined = params.mapping ? accountMappingFileSchema.parse(params.mapping) : undefined;
  const source = await openRecords(params.file);
  let columns: AccountColumnMap;
  try {
    const format = params.format ?? (mapping ? 'csv' : detectAccountFormat(source.headers));
    if (!format) throw E.formatUnknown('a Salesforce account report or a HubSpot companies export', source.headers);
    columns = resolveAccountColumns(format, source.headers, mapping);
  } catch (e) {
    await source.close();
    throw e;
  }
  const idOf = (values: Readonly<Record<string, string>>) => {
    const raw = columns.fields.externalId?.map((h) => values[h]?.trim()).find(Boolean);
    if (!raw || columns.format !== 'salesforce') return raw;
    const id = normalizeSalesforceId(raw);
    return id.ok ? id.id : raw;
  };
  return mergeInTransaction(database, params, {
    format: columns.format,
    source: params.source ?? columns.format,
    idColumn: columns.fields.externalId![0]!,
    headers: source.headers,
    unknownStages: () => [],
    progress,
    ops: ACCOUNT_OPS,
    stage: async (tx: Tx) => {
      const stats: StageStats = { rows: 0, invalid: 0, errorCount: 0, warningCount: 0, errors: [], warnings: [] };
      async function* lines() {
        for await (const record of source.records) {
          stats.rows++;
          const r = normalizeAccountRecord(record, columns);
          stats.warningCount += r.warnings.length;
          for (const w of r.warnings) if (stats.warnings.length < MAX_LISTED_ERRORS) stats.warnings.push(w);
          if (r.ok) yield encodeAccount(record.line, r.account);
          else {
            stats.invalid++;
            stats.errorCount += r.errors.length;
            for (const err of r.errors) if (stats.errors.length < MAX_LISTED_ERRORS) stats.errors.push(err);
            yield encodeRejectedAccount(record.line, idOf(record.values), record.values, r.errors);
          }
          progress({ phase: 'reading', rows: stats.rows, totalRows: null });
        }
      }
      await copyLines(tx, 'import_rows', ACCOUNT_STAGING_COLUMNS, lines());
      return stats;
    },
  });
}
