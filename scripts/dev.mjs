// `npm run dev`: the API server (restarted on change by tsx watch) and Vite's dev server with hot reload.
import { spawn } from 'node:child_process';

const api = spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'apps/server/src/cli/dev-entry.ts'], {
  stdio: 'inherit',
  // Local development may point webhooks at a receiver on this machine.
  env: { ...process.env, PORT: process.env.PORT ?? '3000', TANDEM_WEBHOOK_ALLOW_PRIVATE: process.env.TANDEM_WEBHOOK_ALLOW_PRIVATE ?? '1' },
});
const web = spawn('npm', ['run', 'dev', '--workspace', '@tandem/web'], { stdio: 'inherit' });
console.log('\n  Web app with hot reload: http://localhost:5173 (API on http://localhost:3000)\n');
const stop = () => {
  api.kill('SIGTERM');
  web.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
api.on('exit', (code) => {
  web.kill('SIGTERM');
  process.exitCode = code ?? 0;
});
