/** DELETE …/imports/:importId: throwing away an upload that was never started. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';

let h: Harness;
let admin: Client;
let lead: Client;
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;

const SF = '"Opportunity ID","Opportunity Name","Account Name","Amount","Close Date","Stage"\n"0065g00000DiScA","Discard me","Discard Co","$10.00","1/31/2026","Prospecting"\n';

async function upload(who: Client, start = false) {
  const form = new FormData();
  form.append('kind', 'deals');
  form.append('format', 'salesforce');
  form.append('source', 'discard-test');
  if (start) form.append('start', 'true');
  form.append('file', new Blob([SF], { type: 'text/csv' }), 'q3-pipeline.csv');
  const req = new Request('http://tandem.test', { method: 'POST', body: form });
  const res = await call(h.app, who, 'POST', api('imports'), { body: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as { id: string; status: string };
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  lead = (await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead')).client;
});
afterAll(async () => h?.close());

describe('discarding an upload', () => {
  it('removes the pending upload and its file: it is gone from the list, and neither preview nor start finds it', async () => {
    const up = await upload(lead);
    expect(up.status).toBe('pending');
    const stored = (await h.services.deps.database.pool.query('select * from imports where id = $1', [up.id])).rows[0] as { upload_key?: string | null };
    expect((await call(h.app, lead, 'GET', api('imports'))).json().items.map((i: { id: string }) => i.id)).toContain(up.id);

    const res = await call(h.app, lead, 'DELETE', api(`imports/${up.id}`));
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');

    expect((await call(h.app, lead, 'GET', api('imports'))).json().items.map((i: { id: string }) => i.id)).not.toContain(up.id);
    for (const [method, path] of [
      ['GET', `imports/${up.id}`],
      ['POST', `imports/${up.id}/preview`],
      ['POST', `imports/${up.id}/start`],
      ['DELETE', `imports/${up.id}`],
    ] as const) {
      const gone = await call(h.app, lead, method, api(path), { body: method === 'POST' ? {} : undefined });
      expect(gone.statusCode, `${method} ${path}`).toBe(404);
      expect(gone.json()).toMatchObject({ code: 'IMPORT_NOT_FOUND', detail: expect.stringContaining(up.id) });
    }
    // The uploaded bytes are deleted too, not left on disk (or in the object store).
    if (stored?.upload_key) {
      const read = new Promise((resolve, reject) => {
        const s = h.services.deps.files.open(stored.upload_key!);
        s.on('error', reject).on('data', () => {}).on('end', resolve);
      });
      await expect(read).rejects.toMatchObject({ name: 'FileMissingError' });
    }
    // Nothing was imported.
    const deals = await h.services.deps.database.pool.query("select count(*)::int as n from deals where source = 'discard-test'");
    expect(deals.rows[0].n).toBe(0);
  });

  it('refuses an import that already ran (undo is for that), and an unknown or malformed id', async () => {
    const ran = await upload(admin, true);
    // Wait for the run through the API, as the import page does.
    let status = ran.status;
    while (status === 'pending' || status === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      status = (await call(h.app, admin, 'GET', api(`imports/${ran.id}`))).json().status;
    }
    expect(status).toBe('completed');
    const started = await call(h.app, admin, 'DELETE', api(`imports/${ran.id}`));
    expect(started.statusCode).toBe(409);
    expect(started.json()).toMatchObject({ code: 'IMPORT_NOT_PENDING', detail: expect.stringContaining('completed') });
    expect((await call(h.app, admin, 'GET', api(`imports/${ran.id}`))).json().status).toBe('completed');

    const unknown = await call(h.app, admin, 'DELETE', api('imports/00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('IMPORT_NOT_FOUND');
    expect((await call(h.app, admin, 'DELETE', api('imports/not-an-id'))).statusCode).toBe(400);
  });
});
