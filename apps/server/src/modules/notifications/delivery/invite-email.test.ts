import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { startNotificationWorkers } from './start-workers.ts';
import type { Workers } from './worker.ts';

let h: Harness;
let admin: Client;
let workers: Workers;

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  workers = await startNotificationWorkers(h.services.deps, h.services.integrations, h.url, { pollMs: 200 });
});
afterAll(async () => {
  await workers?.stop();
  await h?.close();
});

it('inviting someone without SMTP writes an .eml to the outbox folder, and its link accepts the invitation', async () => {
  const outbox = path.join(h.services.deps.config.dataDir, 'outbox');
  const res = await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/invitations', { body: { email: 'nina@acme.test', role: 'marketing' } });
  expect(res.statusCode).toBe(201);

  let file: string | undefined;
  for (const deadline = Date.now() + 20_000; !file && Date.now() < deadline; ) {
    file = (await fs.readdir(outbox).catch(() => [] as string[])).find((f) => f.includes('member.invited') && f.endsWith('.eml'));
    if (!file) await new Promise((r) => setTimeout(r, 100));
  }
  expect(file).toBeDefined();
  // Read as a mail client does: quoted-printable soft line breaks and escapes decoded.
  const eml = (await fs.readFile(path.join(outbox, file!), 'utf8'))
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  expect(eml).toMatch(/^To: nina@acme\.test/m);
  const link = /http:\/\/tandem\.test\/invite\/([A-Za-z0-9_-]+)/.exec(eml);
  expect(link).not.toBeNull();

  const accept = await call(h.app, null, 'POST', `/api/v1/invitations/${link![1]}/accept`, { body: { name: 'Nina Marketer', password: 'correct horse battery' } });
  expect(accept.statusCode).toBe(200);
  expect(accept.json()).toMatchObject({ user: { email: 'nina@acme.test' } });
});
