// `npm run bench [-- NAME…]`: benchmarks whose results go to docs/benchmarks.md.
// Each prints its numbers with the machine they ran on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const benches = {
  /** First load of the web app: the JavaScript index.html loads before any route is lazy-loaded. */
  'web-bundle': async () => {
    const dist = path.join(root, 'apps/web/dist');
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const buf = fs.readFileSync(path.join(dist, f));
      raw += buf.length;
      gz += gzipSync(buf, { level: 9 }).length;
    }
    const all = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    const allGz = all.reduce((s, f) => s + gzipSync(fs.readFileSync(path.join(dist, 'assets', f)), { level: 9 }).length, 0);
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`web-bundle: first load ${files.length} JS files, ${kb(raw)} raw, ${kb(gz)} gzip (budget 300 KB gzip: ${gz <= 300 * 1024 ? 'within' : 'OVER'})`);
    console.log(`web-bundle: all ${all.length} JS chunks together ${kb(allGz)} gzip`);
    return gz <= 300 * 1024;
  },
};

benches.api = async () => {
  // Budget (DESIGN.md): at least half the throughput of a minimal Fastify + pg process running the same SQL.
  const { apiReads } = await import('./bench/api-reads.mjs');
  const r = await apiReads();
  console.log(
    `api: GET members (15 people, 3 teams), 16 connections: Tandem ${r.tandem.toFixed(0)} req/s, baseline ${r.baseline.toFixed(0)} req/s, ` +
      `ratio ${r.ratio.toFixed(2)} (budget ≥ 0.50: ${r.ratio >= 0.5 ? 'within' : 'BELOW'}); rounds ${JSON.stringify(r.rounds)}`,
  );
  return r.ratio >= 0.5;
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(benches);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
let ok = true;
for (const n of names) {
  if (!benches[n]) {
    console.error(`unknown benchmark "${n}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  ok = (await benches[n]()) && ok;
}
process.exit(ok ? 0 : 1);
