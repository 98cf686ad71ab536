// `npm start`: build the web app when its sources changed, then `tandem start` in this process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/web/dist/index.html');

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/public', 'packages/contracts/src'].map((p) =>
  newest(path.join(root, p)),
);
if (!fs.existsSync(dist) || Math.max(...sources) > fs.statSync(dist).mtimeMs) {
  console.log('Building the web app…');
  const r = spawnSync('npm', ['run', 'build', '--workspace', '@tandem/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('tandem: building the web app failed (see above)');
    process.exit(r.status ?? 1);
  }
}

process.argv = [process.argv[0], 'tandem', 'start', ...process.argv.slice(2)];
await import('../apps/server/bin/tandem.js');
