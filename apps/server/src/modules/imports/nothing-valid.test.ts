/**
 * An upload where no row can be imported (retyped Salesforce ids, every row failing its mapping):
 * the preview says so with the reasons and their counts, and starting it is refused, so it never
 * ends as a "completed" import that created nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';

let h: Harness;
let admin: Client;
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;

const HEADER = '"Opportunity ID","Opportunity Name","Account Name","Amount","Close Date","Stage"\n';
const row = (id: string, amount = '$1,000.00') => `"${id}","Deal ${id}","Acme","${amount}","1/31/2026","Prospecting"\n`;
// 18-character ids whose last three characters do not fit the first fifteen: retyped by hand.
const RETYPED = ['0065g00000AbCdEZZZ', '0065g00000XyZwQZZZ', '0065g00000QqQqQZZZ', '0065g00000RrRrRZZZ'];

async function upload(name: string, text: string): Promise<string> {
  const form = new FormData();
  form.append('kind', 'deals');
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  const req = new Request('http://tandem.test', { method: 'POST', body: form });
  const res = await call(h.app, admin, 'POST', api('imports'), {
    body: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  });
  expect(res.statusCode, res.body).toBe(202);
  return res.json().id as string;
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
});
afterAll(async () => h?.close());

describe('an upload where no row can be imported', () => {
  it('the preview counts the rows that cannot be imported, with the reasons most frequent first', async () => {
    const text = HEADER + RETYPED.map((id) => row(id)).join('') + row('0065g00000SsSsS', 'lots');
    const id = await upload('retyped.csv', text);
    const preview = await call(h.app, admin, 'POST', api(`imports/${id}/preview`), { body: {} });
    expect(preview.statusCode, preview.body).toBe(200);
    const check = preview.json().check;
    expect(check).toMatchObject({ rows: 5, wholeFile: true, invalid: 5 });
    expect(check.reasons).toEqual([
      { column: 'Opportunity ID', count: 4, message: expect.stringContaining('is not a valid Salesforce id') },
      { column: 'Amount', count: 1, message: expect.stringContaining('"lots"') },
    ]);
  });

  it('refuses to start it, names why, and keeps the upload pending', async () => {
    const id = await upload('retyped-start.csv', HEADER + RETYPED.map((r) => row(r)).join(''));
    const start = await call(h.app, admin, 'POST', api(`imports/${id}/start`), { body: {} });
    expect(start.statusCode, start.body).toBe(422);
    expect(start.json()).toMatchObject({ code: 'IMPORT_NOTHING_TO_IMPORT' });
    expect(start.json().detail).toMatch(/None of the 4 rows can be imported/);
    expect(start.json().detail).toMatch(/Opportunity ID/);
    const detail = await call(h.app, admin, 'GET', api(`imports/${id}`));
    expect(detail.json()).toMatchObject({ status: 'pending', counts: null });
    const deals = await h.services.deps.database.pool.query('select count(*)::int as n from deals');
    expect(deals.rows[0].n).toBe(0);
  });

  it('starts a file with at least one good row, and the preview says how many are good', async () => {
    const id = await upload('mixed.csv', HEADER + row(RETYPED[0]!) + row('0065g00000SsSsS'));
    const preview = await call(h.app, admin, 'POST', api(`imports/${id}/preview`), { body: {} });
    expect(preview.json().check).toMatchObject({ rows: 2, wholeFile: true, invalid: 1 });
    const start = await call(h.app, admin, 'POST', api(`imports/${id}/start`), { body: {} });
    expect(start.statusCode, start.body).toBe(202);
  });

  it('a preview that cannot check the rows yet (a required column unmapped) has no check', async () => {
    const id = await upload('generic.csv', 'Ref,Name\nA-1,One\n');
    const preview = await call(h.app, admin, 'POST', api(`imports/${id}/preview`), { body: { format: 'csv', mapping: { fields: { name: 'Name' } } } });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().check).toBeNull();
  });
});
