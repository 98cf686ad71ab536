/**
 * `tandem themes cluster --input FILE --output OUT.jsonl`: groups the texts of a CSV or JSONL file into themes with
 * the clustering engine. Needs no database: it never opens the runtime.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { parse } from 'csv-parse/sync';

interface ClusterCommandOptions {
  input: string;
  output: string;
  textColumn: string;
  k: number | 'auto';
  seed: number;
  skipEmpty?: boolean;
}

/** A data record's text and the line of the file it starts on (1-based, the header being line 1 of a CSV). */
export interface InputRecord {
  text: string | undefined;
  line: number;
}

function readJsonl(content: string, column: string): InputRecord[] {
  const records: InputRecord[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch {
      throw new Error(`line ${i + 1} is not valid JSON`);
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new Error(`line ${i + 1} is not a JSON object`);
    const v = (obj as Record<string, unknown>)[column];
    records.push({ text: typeof v === 'string' ? v : v === undefined || v === null ? undefined : String(v), line: i + 1 });
  });
  if (records.length && records.every((r) => r.text === undefined)) {
    const found = [...new Set(content.split(/\r?\n/).filter((l) => l.trim()).flatMap((l) => Object.keys(JSON.parse(l) as object)))];
    throw new Error(`no "${column}" field in any record; fields found: ${found.join(', ') || '(none)'}`);
  }
  return records;
}

function readCsv(content: string, column: string): InputRecord[] {
  const rows = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  if (!rows.length) return [];
  const header = rows[0]!.record.map((h) => h.trim());
  const col = header.indexOf(column);
  if (col === -1) throw new Error(`no "${column}" column; columns found: ${header.join(', ')} (choose one with --text-column)`);
  return rows.slice(1).map((r) => ({ text: r.record[col], line: r.info.lines }));
}

export function readInput(file: string, column: string): InputRecord[] {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (!content.trim()) throw new Error(`${file} is empty: expected a CSV with a header row, or JSONL with one object per line`);
  const jsonl = /\.jsonl?$/i.test(file) || content.trimStart().startsWith('{');
  const records = jsonl ? readJsonl(content, column) : readCsv(content, column);
  if (!records.length) throw new Error(`${file} has no data records${jsonl ? '' : ' (only a header row)'}`);
  return records;
}

const kOption = (v: string): number | 'auto' => {
  if (v === 'auto') return 'auto';
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('--k must be "auto" or a whole number of at least 1');
  return n;
};

const seedOption = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('--seed must be a whole number');
  return n;
};

async function run(o: ClusterCommandOptions) {
  const records = readInput(o.input, o.textColumn);
  const empty = records.map((r, i) => ({ ...r, i })).filter((r) => !r.text?.trim());
  if (empty.length && !o.skipEmpty) {
    const lines = empty.slice(0, 20).map((r) => r.line).join(', ');
    throw new Error(`${empty.length} record${empty.length === 1 ? ' has' : 's have'} empty text, on line${empty.length === 1 ? '' : 's'} ${lines}${empty.length > 20 ? ', …' : ''} (use --skip-empty to leave them out)`);
  }
  const kept = records.map((r, i) => ({ text: r.text?.trim() ?? '', i })).filter((r) => r.text);
  if (!kept.length) throw new Error('no record has any text');
  // The feedback module loads only when the command runs, so `--help` stays quick.
  const { clusterTexts } = await import('../modules/feedback/index.ts');
  const { prepareWordVectors } = await import('../lib/word-vectors/index.ts');
  const say = (m: string) => process.stderr.write(`${m}\n`);
  await prepareWordVectors({ setting: process.env.TANDEM_WORD_VECTORS, dataDir: path.resolve(process.env.TANDEM_DATA_DIR ?? './data'), log: { info: say, warn: say } });
  const result = clusterTexts(kept.map((r) => r.text), { k: o.k, seed: o.seed });
  const out = kept.map((r, j) => {
    const c = result.assignments[j]!;
    return JSON.stringify({ index: r.i, text: r.text, cluster: c, label: result.clusters[c]!.label });
  });
  fs.writeFileSync(o.output, out.length ? out.join('\n') + '\n' : '');
  process.stderr.write(`${kept.length} texts in ${result.k} clusters written to ${o.output}\n`);
}

export function themesCommand(): Command {
  const themes = new Command('themes').description('Group feedback texts into themes (works offline, no database)');
  themes
    .command('cluster')
    .description('Cluster the texts of a CSV (with a header) or JSONL file; writes one JSON line per text with its cluster and label')
    .requiredOption('--input <file>', 'CSV with a header row, or JSONL of objects')
    .requiredOption('--output <file>', 'where to write the JSONL result')
    .option('--text-column <name>', 'the column (CSV) or field (JSONL) holding the text', 'text')
    .option('--k <n|auto>', 'number of clusters, or auto (highest silhouette)', kOption, 'auto')
    .option('--seed <n>', 'random seed; the same input and seed give the same output', seedOption, 42)
    .option('--skip-empty', 'leave out records with empty text instead of failing')
    .action(async (o: ClusterCommandOptions) => run(o));
  return themes;
}
