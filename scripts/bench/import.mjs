// Deals import against COPY: a Salesforce report export of N deals imported with
// `tandem import deals`, and the same rows already cleaned loaded with COPY into a copy of
// the deals table (same columns, indexes and constraints), on one PostgreSQL, in one run.
// The import's peak RSS is read from /proc (VmHWM) of the process that does the work.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const root = path.resolve(import.meta.dirname, '../..');
const tandemBin = path.join(root, 'apps/server/bin/tandem.js');

// ---------------------------------------------------------------- the two files

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Salesforce's 18-character form of a 15-character id (what the import stores). */
function id18(id15) {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return id15 + suffix;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function id15(i) {
  let s = '';
  for (let n = i * 7_919 + 104_729, k = 0; k < 12; k++, n = Math.floor(n / 62)) s = BASE62[n % 62] + s;
  return `006${s}`;
}

// Salesforce's standard stages with their default probabilities, and how Tandem files them.
const STAGES = [
  ['Prospecting', 10, 'open', 'Pipeline'],
  ['Qualification', 10, 'open', 'Pipeline'],
  ['Needs Analysis', 20, 'open', 'Pipeline'],
  ['Value Proposition', 50, 'open', 'Pipeline'],
  ['Proposal/Price Quote', 75, 'open', 'Best Case'],
  ['Negotiation/Review', 90, 'open', 'Commit'],
  ['Closed Won', 100, 'won', 'Closed'],
  ['Closed Won', 100, 'won', 'Closed'],
  ['Closed Lost', 0, 'lost', 'Omitted'],
];
const TYPES = [
  ['New Customer', 'new_business'],
  ['Existing Customer - Upgrade', 'expansion'],
  ['Existing Customer - Renewal', 'renewal'],
  ['', null],
];
const SOURCES = ['Web', 'Partner Referral', 'Trade Show', 'Phone Inquiry', 'Advertisement', ''];
const FIRST = ['Dana', 'Fox', 'Walter', 'Monica', 'John', 'Jeffrey', 'Alex', 'Sam', 'Priya', 'Chen'];
const LAST = ['Scully', 'Mulder', 'Skinner', 'Reyes', 'Doggett', 'Spender', 'Krycek', 'Patel', 'Wei', 'Okafor'];
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Wonka'];
const SUFFIXES = ['Corp', 'Inc.', 'GmbH', 'Ltd', 'Group', 'Labs', 'Holdings', 'Systems'];
const STEPS = ['Send MSA', 'Call back', 'Demo for the CFO', 'Security review, then pricing', '', ''];

const pad2 = (n) => String(n).padStart(2, '0');
/** A day in 2023–2026 as the report writes it (M/D/YYYY) and as the database stores it. */
function day(n) {
  const y = 2023 + (n % 4);
  const m = 1 + (Math.floor(n / 4) % 12);
  const d = 1 + (Math.floor(n / 48) % 28);
  return { mdy: `${m}/${d}/${y}`, iso: `${y}-${pad2(m)}-${pad2(d)}` };
}
const usd = new Intl.NumberFormat('en-US');
const csvCell = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** One deal: the report's cells, and the deals row the import should make of them. */
function deal(i) {
  const id = id15(i);
  const account = `${WORDS[i % WORDS.length]} ${WORDS[Math.floor(i / 12) % WORDS.length]} ${SUFFIXES[i % SUFFIXES.length]} ${Math.floor(i / 1152) % 100}`;
  const [stage, probability, category, forecast] = STAGES[i % STAGES.length];
  const [typeLabel, type] = TYPES[Math.floor(i / 3) % TYPES.length];
  const cents = i % 5 === 0 ? 50 : 0;
  const dollars = 500 + ((i * 7_919) % 2_500_000);
  const close = day(i * 31 + 7);
  const created = day(i * 17);
  const owner = `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]}`;
  const source = SOURCES[i % SOURCES.length];
  // Now and then a step that needs quoting: a comma, a quote, a line break.
  let step = STEPS[i % STEPS.length];
  if (i % 97 === 0) step = `Follow up on "budget"\nwith ${owner}`;
  const fiscal = `Q${1 + Math.floor((Math.floor(i / 4) % 12) / 3)}-${close.iso.slice(0, 4)}`;
  const report = [
    id,
    `${account} - ${i % 3 ? 'Platform' : 'Analytics'} ${i}`,
    account,
    `$${usd.format(dollars)}.${pad2(cents)}`,
    'USD',
    close.mdy,
    created.mdy,
    stage,
    `${probability}%`,
    owner,
    typeLabel,
    source,
    step,
    fiscal,
    forecast,
  ];
  const custom = {};
  if (step) custom['Next Step'] = step;
  custom['Fiscal Period'] = fiscal;
  custom['Forecast Category'] = forecast;
  const amount = `${dollars}.${pad2(cents)}`;
  const clean = [
    id18(id),
    report[1],
    amount,
    'USD',
    amount,
    stage,
    category,
    String(probability),
    close.iso,
    created.iso,
    owner,
    type ?? '',
    source,
    '{}',
    '{}',
    JSON.stringify(custom),
  ];
  return { report, clean };
}

const REPORT_HEADER = [
  'Opportunity ID',
  'Opportunity Name',
  'Account Name',
  'Amount',
  'Amount Currency',
  'Close Date',
  'Created Date',
  'Stage',
  'Probability (%)',
  'Opportunity Owner',
  'Type',
  'Lead Source',
  'Next Step',
  'Fiscal Period',
  'Forecast Category',
];
/** The deals columns the cleaned file fills, after workspace_id and source (which the COPY adds as constants). */
const CLEAN_COLUMNS = [
  'external_id',
  'name',
  'amount',
  'currency',
  'amount_base',
  'stage',
  'stage_category',
  'probability',
  'close_date',
  'created_date',
  'owner_name',
  'type',
  'lead_source',
  'products',
  'competitors',
  'custom_fields',
];
const FOOTER =
  '\n"Opportunities by stage"\n"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\n' +
  '"Confidential Information - Do Not Distribute"\n"Generated By:  Dana Scully  11/28/2025 9:14 AM"\n"Northwind Cloud"\n';

/** Writes the Salesforce report export (BOM, every cell quoted, footer) and the cleaned rows for COPY (CSV). */
async function writeFiles(rows, reportFile, cleanFile, workspaceId) {
  const report = fs.createWriteStream(reportFile);
  const clean = fs.createWriteStream(cleanFile);
  const quoted = (cells) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
  const write = async (stream, text) => {
    if (!stream.write(text)) await new Promise((r) => stream.once('drain', r));
  };
  let a = `\uFEFF${quoted(REPORT_HEADER)}\n`;
  let b = '';
  for (let i = 0; i < rows; i++) {
    const d = deal(i);
    a += `${quoted(d.report)}\n`;
    // An empty cell is NULL in COPY's CSV format: what the import stores for an empty type or lead source.
    b += `${workspaceId},salesforce,${d.clean.map(csvCell).join(',')}\n`;
    if (a.length > 1 << 20) {
      await write(report, a);
      await write(clean, b);
      a = b = '';
    }
  }
  await write(report, a + FOOTER);
  await write(clean, b);
  await Promise.all([new Promise((r) => report.end(r)), new Promise((r) => clean.end(r))]);
}

// ---------------------------------------------------------------- running things

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tandemBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`tandem ${args.join(' ')} exited ${code}: ${(err || out).trim().slice(-2000)}`))));
  });
}

/** A process and its descendants (bin/tandem.js may hand the work to a child). */
function tree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of safe(() => fs.readdirSync(`/proc/${pids[i]}/task`)) ?? []) {
      const kids = safe(() => fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8')) ?? '';
      for (const k of kids.split(' ').filter(Boolean)) pids.push(Number(k));
    }
  }
  return pids;
}
function safe(fn) {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
const vmHwmKb = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(safe(() => fs.readFileSync(`/proc/${pid}/status`, 'utf8')) ?? '')?.[1] ?? 0);

/** Runs `tandem ARGS`, sampling the peak RSS of every process of its tree; returns stdout, seconds and the largest peak. */
function runMeasured(args, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [tandemBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const peaks = new Map();
    const sample = () => {
      for (const pid of tree(child.pid)) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, vmHwmKb(pid)));
    };
    const timer = setInterval(sample, 100);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      sample();
      out += d;
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', () => clearInterval(timer));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peakMb = Math.max(0, ...peaks.values()) / 1024;
      if (code === 0) resolve({ out, seconds, peakMb, stderr: err });
      else reject(new Error(`tandem ${args.join(' ')} exited ${code}: ${(err || out).trim().slice(-2000)}`));
    });
  });
}

/** PostgreSQL: DATABASE_URL, or the embedded server in a temp folder (stopped at the end). */
async function database(dir) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, label: 'DATABASE_URL', stop: async () => undefined };
  const { register } = await import('tsx/esm/api');
  const unregister = register();
  const { ensureDatabase, ensureEmbeddedPostgres } = await import('../../apps/server/src/db/embedded.ts');
  const server = await ensureEmbeddedPostgres({ dataDir: path.join(dir, 'data'), role: 'owner' });
  await ensureDatabase(server.url);
  unregister();
  return { url: server.url, label: 'embedded', stop: () => server.stop() };
}

// ---------------------------------------------------------------- the benchmark

export async function importBench({ rows = 1_000_000 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-import-'));
  fs.chmodSync(dir, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
  const reportFile = path.join(dir, 'opportunities.csv');
  const cleanFile = path.join(dir, 'clean.csv');
  const db = await database(dir);
  const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn', LOG_FORMAT: 'json' };
  const tag = `bench_import_${process.pid}_${Date.now().toString(36)}`;
  const slug = tag.replaceAll('_', '-');
  const client = new pg.Client({ connectionString: db.url });
  let connected = false;
  let workspaceId;
  try {
    await run(['migrate', '--json'], env);
    workspaceId = JSON.parse(await run(['workspace', 'create', '--name', 'Import benchmark', '--slug', slug, '--json'], env)).id;
    let t = performance.now();
    await writeFiles(rows, reportFile, cleanFile, workspaceId);
    const generated = (performance.now() - t) / 1000;
    const size = (f) => `${(fs.statSync(f).size / 2 ** 20).toFixed(0)} MB`;
    console.log(`import: ${rows.toLocaleString('en-US')} deals generated in ${generated.toFixed(1)} s: report ${size(reportFile)}, cleaned ${size(cleanFile)} (PostgreSQL: ${db.label})`);

    // (a) COPY of the cleaned rows into a copy of the deals table.
    await client.connect();
    connected = true;
    await client.query(`create schema ${tag}; create table ${tag}.deals (like public.deals including all)`);
    await client.query('checkpoint');
    t = performance.now();
    await pipeline(
      fs.createReadStream(cleanFile),
      client.query(copyFrom(`copy ${tag}.deals (workspace_id, source, ${CLEAN_COLUMNS.join(', ')}) from stdin with (format csv)`)),
    );
    const copySeconds = (performance.now() - t) / 1000;
    const copied = Number((await client.query(`select count(*) from ${tag}.deals`)).rows[0].count);
    if (copied !== rows) throw new Error(`COPY loaded ${copied} rows, expected ${rows}`);
    await client.query('checkpoint');

    // (b) The import of the report file, as a user runs it.
    let imported;
    try {
      imported = await runMeasured(['import', 'deals', reportFile, '--format', 'salesforce', '--workspace', slug, '--json'], env);
    } catch (e) {
      if (/unknown command|too many arguments/i.test(e.message)) {
        throw new Error(`this checkout has no \`tandem import deals\` command yet; the COPY half ran (${(rows / copySeconds).toFixed(0)} rows/s)`);
      }
      throw e;
    }
    const result = JSON.parse(imported.out);
    if (result.created !== rows || result.invalid !== 0) {
      throw new Error(`the import created ${result.created} deals with ${result.invalid} invalid rows, expected ${rows} and 0: ${imported.out.slice(0, 2000)}`);
    }
    // The two halves must have written the same deals, or the comparison means nothing.
    const compared = CLEAN_COLUMNS.filter((c) => c !== 'external_id');
    const differ = await client.query(
      `select count(*)::int as n, min(c.external_id) as example from ${tag}.deals c
         left join public.deals d on d.workspace_id = c.workspace_id and d.source = c.source and d.external_id = c.external_id
        where d.external_id is null or (${compared.map((x) => `c.${x}`).join(', ')}) is distinct from (${compared.map((x) => `d.${x}`).join(', ')})`,
    );
    if (differ.rows[0].n) throw new Error(`${differ.rows[0].n} imported deals differ from the COPY's rows, e.g. ${differ.rows[0].example}`);
    return {
      rows,
      copySeconds,
      copyRate: rows / copySeconds,
      importSeconds: imported.seconds,
      importRate: rows / imported.seconds,
      ratio: imported.seconds / copySeconds,
      peakMb: imported.peakMb,
    };
  } finally {
    if (connected) {
      await client.query(`drop schema if exists ${tag} cascade`).catch(() => undefined);
      // A DATABASE_URL outlives the run: take the benchmark's workspace (and its deals) away again.
      if (workspaceId) await client.query('delete from workspaces where id = $1', [workspaceId]).catch(() => undefined);
      await client.end();
    }
    await db.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
