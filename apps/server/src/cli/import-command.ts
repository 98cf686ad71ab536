/**
 * `tandem import deals|accounts FILE …` and `tandem import undo ID`: run an import
 * here against the database, or with --url/--token upload it to a running server
 * and follow the job. Progress goes to stderr when it is a terminal; --json
 * prints exactly one object on stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { endpointPath, type ImportDetail, type ImportResult } from '@tandem/contracts';
import * as importsEndpoints from '@tandem/contracts/endpoints/imports';
import { AppError } from '../lib/app-error.ts';
import { cliActor, type TenantContext } from '../lib/context.ts';
import type { ImportProgressReport, ImportRequest } from '../modules/imports/index.ts';
import type { ImportServices } from '../import-services.ts';
import type { Runtime } from '../runtime.ts';

export interface CliHelpers {
  /** The database here, with the services an import uses (import-services.ts). */
  withRuntime<T>(fn: (rt: Runtime<ImportServices>) => Promise<T>): Promise<T>;
  fail(message: string): never;
}

interface ImportOptions {
  format?: 'salesforce' | 'hubspot' | 'csv';
  map?: string;
  source?: string;
  workspace?: string;
  dateFormat?: 'MDY' | 'DMY' | 'YMD';
  full?: boolean;
  dryRun?: boolean;
  strict?: boolean;
  json?: boolean;
  url?: string;
  token?: string;
}

const choice = (name: string, values: readonly string[]) => (v: string) => {
  const upper = name === '--date-format' ? v.toUpperCase() : v.toLowerCase();
  if (!values.includes(upper)) throw new InvalidArgumentError(`${name} must be one of ${values.join(', ')}`);
  return upper;
};

const n = (x: number) => x.toLocaleString('en-US');

/** "reading 120,000 / 1,000,000 rows · 45,000 rows/s · about 20 s left", rewritten in place on a terminal. */
function progressPrinter(enabled: boolean) {
  const started = Date.now();
  let phaseStart = started;
  let phase = '';
  let shown = false;
  return {
    update(p: { phase: string; rows: number; totalRows: number | null }) {
      if (!enabled) return;
      if (p.phase !== phase) {
        phase = p.phase;
        phaseStart = Date.now();
      }
      const secs = (Date.now() - phaseStart) / 1000;
      const rate = secs > 0.5 ? p.rows / secs : 0;
      const of = p.totalRows ? ` / ${n(p.totalRows)}` : '';
      const eta = rate && p.totalRows && p.rows < p.totalRows ? ` · about ${Math.ceil((p.totalRows - p.rows) / rate)} s left` : '';
      const label = { queued: 'waiting', scanning: 'checking', reading: 'reading', writing: 'writing', done: 'done' }[p.phase] ?? p.phase;
      process.stderr.write(`\r\x1b[2K${label} ${n(p.rows)}${of} rows${rate ? ` · ${n(Math.round(rate))} rows/s` : ''}${eta}`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}

function summary(r: ImportResult, dryRun: boolean): string {
  const lines = [
    `${dryRun ? 'Dry run (nothing written): would create' : 'Created'} ${n(r.created)}, ${dryRun ? 'update' : 'updated'} ${n(r.updated)}, unchanged ${n(r.unchanged)}` +
      `${r.removed ? `, ${dryRun ? 'remove' : 'removed'} ${n(r.removed)}` : ''}; ${n(r.invalid)} invalid row${r.invalid === 1 ? '' : 's'} skipped, ${n(r.warnings)} warning${r.warnings === 1 ? '' : 's'}.`,
  ];
  if (r.unknownStages.length) lines.push(`Unknown stages (imported as open; map them in Settings): ${r.unknownStages.map((s) => `${s.stage} (${n(s.count)})`).join(', ')}`);
  for (const e of r.errors.slice(0, 10)) lines.push(`  line ${e.line}, ${e.column}: ${e.message}`);
  if (r.invalid > 10 || r.errorsTruncated) lines.push('  … the rejected-rows CSV on the import page lists every one.');
  if (!dryRun) lines.push(`Import ${r.importId}; undo with: tandem import undo ${r.importId}`);
  return lines.join('\n');
}

/** The imports module loads only when a command runs, so `--help` stays quick. */
async function readMapping(file: string, kind: 'deals' | 'accounts') {
  const { ImportsErrors, parseAccountMappingFile, parseMappingFile } = await import('../modules/imports/index.ts');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw ImportsErrors.mappingFileMissing(file);
  }
  return kind === 'accounts' ? parseAccountMappingFile(text, path.basename(file)) : parseMappingFile(text, path.basename(file));
}

async function localContext(rt: Runtime<ImportServices>, slug: string | undefined, h: CliHelpers): Promise<TenantContext> {
  if (slug) {
    const ws = await rt.services.workspaces.resolve(slug);
    if (!ws) h.fail(`no workspace with slug "${slug}"`);
    return { workspaceId: ws.id, slug, role: 'admin', actor: cliActor() };
  }
  const all = await rt.services.workspaces.listAll();
  if (all.length !== 1) h.fail(all.length ? `name the workspace with --workspace (one of: ${all.map((w) => w.slug).join(', ')})` : 'there is no workspace yet');
  return { workspaceId: all[0]!.id, slug: all[0]!.slug, role: 'admin', actor: cliActor() };
}

/** The server's API, authenticated by a token. */
function remote(url: string, token: string, h: CliHelpers) {
  const base = url.replace(/\/+$/, '');
  return async <T>(method: string, p: string, body?: FormData): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${base}/api/v1${p}`, { method, headers: { authorization: `Bearer ${token}` }, body });
    } catch (e) {
      h.fail(`cannot reach ${base}: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`);
    }
    const data = (await res.json().catch(() => ({}))) as T & { detail?: string; title?: string };
    if (!res.ok) throw new AppError('REMOTE', res.status, data.title ?? `HTTP ${res.status}`, data.detail ?? data.title ?? `HTTP ${res.status}`);
    return data;
  };
}

function remoteWorkspace(slug: string | undefined, h: CliHelpers): string {
  // A token acts in one workspace, and the URL names it.
  if (!slug) h.fail('--url needs --workspace SLUG (the workspace the token belongs to)');
  return slug;
}

async function runRemote(kind: 'deals' | 'accounts', file: string, o: ImportOptions, h: CliHelpers, printer: ReturnType<typeof progressPrinter>) {
  const api = remote(o.url!, o.token!, h);
  const slug = remoteWorkspace(o.workspace, h);
  if (!fs.existsSync(file)) h.fail(`${file}: no such file`);
  const form = new FormData();
  form.append('kind', kind);
  if (o.format) form.append('format', o.format);
  if (o.source) form.append('source', o.source);
  if (o.map) form.append('mapping', JSON.stringify(await readMapping(o.map, kind)));
  if (o.dateFormat) form.append('dateFormat', o.dateFormat);
  for (const flag of ['full', 'dryRun', 'strict'] as const) form.append(flag, String(Boolean(o[flag])));
  form.append('start', 'true');
  // Streamed from disk, not read into memory.
  form.append('file', await fs.openAsBlob(file), path.basename(file));
  let detail = await api<ImportDetail>('POST', endpointPath(importsEndpoints.upload.path, { workspace: slug }), form);
  while (detail.status === 'running' || detail.status === 'pending') {
    if (detail.progress) printer.update(detail.progress);
    await new Promise((r) => setTimeout(r, 1000));
    detail = await api<ImportDetail>('GET', endpointPath(importsEndpoints.get.path, { workspace: slug, importId: detail.id }));
  }
  if (detail.status === 'failed') throw new AppError('IMPORT_FAILED', 400, 'Import failed', detail.error ?? 'the import failed');
  return detail.result!;
}

export function importCommand(h: CliHelpers): Command {
  const cmd = new Command('import').description('Import deals or accounts from a Salesforce, HubSpot or CSV export; undo an import');
  for (const kind of ['deals', 'accounts'] as const) {
    cmd
      .command(kind)
      .description(`Import ${kind} from a file (CSV or XLSX); importing the same file again changes nothing`)
      .argument('<file>', 'the export file')
      .addOption(new Option('--format <format>', 'salesforce | hubspot | csv (default: detected from the columns)').argParser(choice('--format', ['salesforce', 'hubspot', 'csv'])))
      .option('--map <mapping.json>', 'column mapping for --format csv')
      .option('--source <name>', "names the system the rows come from (default: the format's name)")
      .option('--workspace <slug>', 'the workspace (default: the only one)')
      .addOption(new Option('--date-format <order>', 'MDY | DMY | YMD when the dates cannot tell').argParser(choice('--date-format', ['MDY', 'DMY', 'YMD'])))
      .option('--full', "full sync: the source's records missing from the file are marked removed")
      .option('--dry-run', 'report what would happen; write nothing')
      .option('--strict', 'import nothing if any row is invalid')
      .option('--url <url>', 'upload to this Tandem server instead of writing to the database here')
      .option('--token <token>', 'API token for --url (or TANDEM_TOKEN)')
      .option('--json', 'print one JSON object with the result')
      .action(async (file: string, o: ImportOptions) => {
        const token = o.token ?? process.env.TANDEM_TOKEN;
        if (o.url && !token) h.fail('--url needs --token (or TANDEM_TOKEN)');
        const printer = progressPrinter(Boolean(process.stderr.isTTY));
        let result: ImportResult;
        try {
          if (o.url) {
            result = await runRemote(kind, file, { ...o, token }, h, printer);
          } else {
            const req: ImportRequest = {
              kind,
              format: o.format,
              source: o.source,
              mapping: o.map ? await readMapping(o.map, kind) : undefined,
              dateFormat: o.dateFormat,
              full: Boolean(o.full),
              dryRun: Boolean(o.dryRun),
              strict: Boolean(o.strict),
            };
            result = await h.withRuntime(async (rt) => {
              const ctx = await localContext(rt, o.workspace, h);
              return rt.services.imports.runFile(ctx, file, req, (p: ImportProgressReport) => printer.update(p));
            });
          }
        } finally {
          printer.done();
        }
        process.stdout.write(o.json ? JSON.stringify(result) + '\n' : summary(result, Boolean(o.dryRun)) + '\n');
      });
  }
  cmd
    .command('undo')
    .description('Put back what an import changed (only the latest import of its source)')
    .argument('<id>', 'the import id')
    .option('--workspace <slug>', 'the workspace (default: the only one)')
    .option('--url <url>', 'ask this Tandem server instead of the database here')
    .option('--token <token>', 'API token for --url (or TANDEM_TOKEN)')
    .option('--json', 'print the import as JSON')
    .action(async (id: string, o: { workspace?: string; url?: string; token?: string; json?: boolean }) => {
      const token = o.token ?? process.env.TANDEM_TOKEN;
      let detail: ImportDetail;
      if (o.url) {
        if (!token) h.fail('--url needs --token (or TANDEM_TOKEN)');
        const api = remote(o.url, token, h);
        const slug = remoteWorkspace(o.workspace, h);
        detail = await api<ImportDetail>('POST', endpointPath(importsEndpoints.undo.path, { workspace: slug, importId: id }));
      } else {
        if (!/^[0-9a-f-]{36}$/i.test(id)) h.fail(`"${id}" is not an import id`);
        detail = await h.withRuntime(async (rt) => rt.services.imports.undo(await localContext(rt, o.workspace, h), id));
      }
      process.stdout.write(o.json ? JSON.stringify(detail) + '\n' : `Undone: import ${detail.id} (${detail.fileName}).\n`);
    });
  return cmd;
}
