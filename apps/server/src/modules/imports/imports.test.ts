import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';
import { cliActor } from '../../lib/context.ts';
import { SAMPLE_ROWS } from './pipeline/deal-pipeline.ts';
import { statisticsStale } from './pipeline/merge.ts';
import type { ImportRequest } from './import-outcome.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'reading', 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);

let h: Harness;
let admin: Client;
let wsId: string;
let tmp: string;

const ctx = () => ({ workspaceId: wsId, actor: cliActor('test') });
const run = (file: string, req: Partial<ImportRequest> = {}) => h.services.imports.runFile(ctx(), file, { kind: 'deals', ...req });
const write = async (name: string, text: string) => {
  const p = path.join(tmp, name);
  await fs.writeFile(p, text);
  return p;
};
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;
async function dealByExternalId(externalId: string, source = 'salesforce') {
  const r = await h.services.deps.database.pool.query(
    'select id, name, stage, stage_category, amount, currency, removed_at from deals where workspace_id = $1 and source = $2 and external_id = $3',
    [wsId, source, externalId],
  );
  return r.rows[0] as { id: string; name: string; stage: string; stage_category: string; amount: string; currency: string; removed_at: Date | null } | undefined;
}
const count = async (table: string) => Number((await h.services.deps.database.pool.query(`select count(*) from ${table} where workspace_id = $1`, [wsId])).rows[0].count);

const SF_HEADER = '"Opportunity ID","Opportunity Name","Account Name","Amount","Close Date","Stage"\n';
const sfRow = (id: string, name: string, account: string, amount: string, close: string, stage: string) => `"${id}","${name}","${account}","${amount}","${close}","${stage}"\n`;

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  wsId = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-imports-'));
});
afterAll(async () => {
  await h?.close();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('deals import', () => {
  it('imports a Salesforce export, and importing it again changes nothing', async () => {
    const first = await run(fixture('salesforce-mdy.csv'), { format: 'salesforce' });
    // Six rows; the 15- and 18-character forms of one id are one deal: the later row wins, with a warning.
    expect(first).toMatchObject({ created: 5, updated: 0, unchanged: 0, removed: 0, invalid: 0 });
    expect(first.warnings).toBeGreaterThanOrEqual(1);
    const acme = await dealByExternalId('0065g00000AbCdEAAV');
    expect(acme).toMatchObject({ amount: '1250000.0000', currency: 'USD', stage: 'Negotiation/Review', stage_category: 'open' });
    expect(await dealByExternalId('0065g00000XyZwQAAV')).toMatchObject({ stage_category: 'won', amount: '1200.5000' });

    const again = await run(fixture('salesforce-mdy.csv'), { format: 'salesforce' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, removed: 0, invalid: 0 });

    const detail = await call(h.app, admin, 'GET', api(`imports/${first.importId}`));
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ status: 'completed', source: 'salesforce', counts: { rows: 6, created: 5 }, canUndo: false });
    expect(detail.json().warningList[0].message).toMatch(/lines 2, 6/);
  });

  it('records a stage and amount change with a history row, and undo puts back the previous stage and amount exactly', async () => {
    const file = await write(
      'sf-v1.csv',
      SF_HEADER + sfRow('0065g00000UnDo1', 'Undo me', 'Undo Corp', '$10,000.25', '1/31/2026', 'Prospecting') + sfRow('0065g00000UnDo2', 'Keep me', 'Undo Corp', '$5.00', '1/31/2026', 'Prospecting'),
    );
    await run(file, { format: 'salesforce', source: 'sf-undo' });
    const v1 = (await h.services.deps.database.pool.query("select * from deals where source = 'sf-undo' and name = 'Undo me'")).rows[0];
    expect(v1).toMatchObject({ stage: 'Prospecting', amount: '10000.2500' });
    const historyBefore = await count('deal_stage_history');
    // Unchanged since its import: no history row, and the deal page shows the imported state as its first entry.
    const page1 = (await call(h.app, admin, 'GET', api(`deals/${v1.id}`))).json();
    expect(page1.history).toEqual([expect.objectContaining({ stage: 'Prospecting', amount: '10000.2500', changedAt: expect.any(String) })]);

    const changed = await write(
      'sf-v2.csv',
      SF_HEADER + sfRow('0065g00000UnDo1', 'Undo me', 'Undo Corp', '$12,500.00', '1/31/2026', 'Closed Won') + sfRow('0065g00000UnDo2', 'Keep me', 'Undo Corp', '$5.00', '1/31/2026', 'Prospecting'),
    );
    const second = await run(changed, { format: 'salesforce', source: 'sf-undo' });
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    // The first change records the imported state, then the change.
    expect(await count('deal_stage_history')).toBe(historyBefore + 2);
    const page2 = (await call(h.app, admin, 'GET', api(`deals/${v1.id}`))).json();
    expect(page2.history.map((e: { stage: string; amount: string }) => [e.stage, e.amount])).toEqual([
      ['Prospecting', '10000.2500'],
      ['Closed Won', '12500.0000'],
    ]);
    const after = (await h.services.deps.database.pool.query('select stage, amount, stage_category from deals where id = $1', [v1.id])).rows[0];
    expect(after).toEqual({ stage: 'Closed Won', amount: '12500.0000', stage_category: 'won' });

    const undo = await call(h.app, admin, 'POST', api(`imports/${second.importId}/undo`));
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ status: 'undone', canUndo: false });
    const restored = (await h.services.deps.database.pool.query('select * from deals where id = $1', [v1.id])).rows[0];
    expect(restored).toEqual(v1);
    expect(await count('deal_stage_history')).toBe(historyBefore);
  });

  it('undoes only the latest import of a source, and undoing the first deletes what it created', async () => {
    const f1 = await write('latest-1.csv', SF_HEADER + sfRow('0065g00000LaSt1', 'L1', 'Latest Co', '$1.00', '1/31/2026', 'Prospecting'));
    const f2 = await write('latest-2.csv', SF_HEADER + sfRow('0065g00000LaSt1', 'L1', 'Latest Co', '$2.00', '1/31/2026', 'Prospecting'));
    const a = await run(f1, { format: 'salesforce', source: 'sf-latest' });
    const b = await run(f2, { format: 'salesforce', source: 'sf-latest' });
    const refused = await call(h.app, admin, 'POST', api(`imports/${a.importId}/undo`));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'IMPORT_UNDO_NOT_LATEST' });
    expect(refused.json().detail).toContain(b.importId);
    expect((await call(h.app, admin, 'POST', api(`imports/${b.importId}/undo`))).statusCode).toBe(200);
    expect((await call(h.app, admin, 'POST', api(`imports/${a.importId}/undo`))).statusCode).toBe(200);
    const left = await h.services.deps.database.pool.query("select count(*)::int as n from deals where source = 'sf-latest'");
    expect(left.rows[0].n).toBe(0);
    const accounts = await h.services.deps.database.pool.query("select count(*)::int as n from accounts where name = 'Latest Co'");
    expect(accounts.rows[0].n).toBe(0);
  });

  it('with --full marks the deals missing from the file removed, and undo restores them', async () => {
    const f1 = await write('full-1.csv', SF_HEADER + sfRow('0065g00000FuLl1', 'F1', 'Full Co', '$1.00', '1/31/2026', 'Prospecting') + sfRow('0065g00000FuLl2', 'F2', 'Full Co', '$1.00', '1/31/2026', 'Prospecting'));
    const f2 = await write('full-2.csv', SF_HEADER + sfRow('0065g00000FuLl1', 'F1', 'Full Co', '$1.00', '1/31/2026', 'Prospecting'));
    await run(f1, { format: 'salesforce', source: 'sf-full' });
    const dry = await run(f2, { format: 'salesforce', source: 'sf-full', full: true, dryRun: true });
    expect(dry).toMatchObject({ removed: 1, unchanged: 1 });
    const full = await run(f2, { format: 'salesforce', source: 'sf-full', full: true });
    expect(full).toMatchObject({ removed: 1, unchanged: 1, created: 0 });
    const list = await call(h.app, admin, 'GET', api('deals?limit=200'));
    expect(list.json().items.map((d: { name: string }) => d.name)).not.toContain('F2');
    await call(h.app, admin, 'POST', api(`imports/${full.importId}/undo`));
    const back = await call(h.app, admin, 'GET', api('deals?limit=200'));
    expect(back.json().items.map((d: { name: string }) => d.name)).toContain('F2');
  });

  it('a dry run reports the counts and writes nothing at all', async () => {
    const before = { deals: await count('deals'), imports: await count('imports') };
    const f = await write('dry.csv', SF_HEADER + sfRow('0065g00000DrYr1', 'Dry', 'Dry Co', '$1.00', '1/31/2026', 'Prospecting'));
    expect(await run(f, { format: 'salesforce', source: 'sf-dry', dryRun: true })).toMatchObject({ created: 1 });
    expect({ deals: await count('deals'), imports: await count('imports') }).toEqual(before);
  });

  it('skips invalid rows and reports each with line, column and value; --strict imports nothing', async () => {
    const text = SF_HEADER + sfRow('0065g00000BaDr1', 'Good', 'Bad Co', '$1.00', '1/31/2026', 'Prospecting') + sfRow('0065g00000BaDr2', 'Bad', 'Bad Co', 'lots', '1/31/2026', 'Prospecting');
    const f = await write('bad-rows.csv', text);
    const before = await count('deals');
    await expect(run(f, { format: 'salesforce', source: 'sf-bad', strict: true })).rejects.toMatchObject({ code: 'DEALS_IMPORT_STRICT' });
    expect(await count('deals')).toBe(before);
    const r = await run(f, { format: 'salesforce', source: 'sf-bad' });
    expect(r).toMatchObject({ created: 1, invalid: 1, errorsTruncated: false });
    expect(r.errors[0]).toMatchObject({ line: 3, column: 'Amount', value: 'lots' });
    const csv = await call(h.app, admin, 'GET', api(`imports/${r.importId}/rejected.csv`));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('"Line","Errors","Opportunity ID"');
    expect(csv.body).toMatch(/"3","Amount: .*","0065g00000BaDr2","Bad","Bad Co","lots"/);
  });

  it('writes the rejected rows so no cell runs as a formula in a spreadsheet (OWASP: a leading quote, every cell quoted)', async () => {
    const header = '"Opportunity ID","Opportunity Name","Account Name","Amount","Close Date","Stage","=HYPERLINK(""http://evil.example"")"\n';
    const evil = [
      ['0065g00000FoRm1', '=HYPERLINK("http://evil.example","Click")', '+Evil Co', '=1+2', '1/31/2026', '@SUM(A1)', 'x'],
      ['0065g00000FoRm2', '-2+3+cmd|\' /C calc\'!A0', '\tTabbed', '-1250', 'someday', 'Prospecting', 'y'],
    ];
    const text = header + evil.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',') + '\n').join('') + sfRow('0065g00000FoRm3', 'Also bad', '\rCR Co', 'lots', '1/31/2026', 'Prospecting');
    const r = await run(await write('formulas.csv', text), { format: 'salesforce', source: 'sf-formula' });
    expect(r.invalid).toBe(3);
    const csv = (await call(h.app, admin, 'GET', api(`imports/${r.importId}/rejected.csv`))).body.replace(/^\uFEFF/, '');
    const { parse } = await import('csv-parse/sync');
    const rows = parse(csv, { relax_column_count: true }) as string[][];
    const dangerous = /^[=+\-@\t\r]/;
    for (const row of rows) {
      for (const cell of row) if (dangerous.test(cell)) expect(cell, `cell ${JSON.stringify(cell)}`).toMatch(/^-\d[\d.,]*$/);
    }
    expect(rows[0]).toContain(`'=HYPERLINK("http://evil.example")`);
    expect(rows.flat()).toEqual(
      expect.arrayContaining([`'=HYPERLINK("http://evil.example","Click")`, "'+Evil Co", "'=1+2", "'@SUM(A1)", "'-2+3+cmd|' /C calc'!A0", "'\tTabbed", "'\rCR Co"]),
    );
    // A plain negative amount stays a number, so the fixed file imports again (see lib/csv-output.ts).
    expect(rows.flat()).toContain('-1250');
    // Every cell is quoted: each line starts with a quote.
    for (const line of csv.split(/\n(?=")/)) expect(line.startsWith('"')).toBe(true);
  });

  it.each([
    ['a HubSpot file given as Salesforce', 'hubspot-ids.csv', { format: 'salesforce' as const }, /"Opportunity ID", "Stage" not found/],
    ['ambiguous dates', 'salesforce-ambiguous-dates.csv', { format: 'salesforce' as const }, /date/i],
  ])('refuses %s with a clear error and leaves nothing behind', async (_what, name, req, message) => {
    const before = await count('deals');
    const error = await run(fixture(name), req).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect(await count('deals')).toBe(before);
  });

  it.each([
    ['an empty file', '', 'DEALS_IMPORT_EMPTY_FILE'],
    ['a header-only file', SF_HEADER, 'DEALS_IMPORT_NO_ROWS'],
    ['a binary file', '\u0000\u0001\u0002\u0003PNG\u0000\u0000binary', 'DEALS_IMPORT_NOT_TEXT'],
  ])('refuses %s', async (_what, text, code) => {
    const f = await write(`refuse-${code}.csv`, text);
    await expect(run(f, { format: 'salesforce', source: 'sf-refuse' })).rejects.toMatchObject({ code });
    const failed = await h.services.deps.database.pool.query("select status, error from imports where source = 'sf-refuse' order by created_at desc limit 1");
    expect(failed.rows[0]).toMatchObject({ status: 'failed' });
  });

  // The file is read once: the first SAMPLE_ROWS rows decide the date order provisionally and the
  // rest still vote. When the whole file decides otherwise, the rows are read again under its verdict.
  describe('decisions of the whole file, in one read where they can be', () => {
    const dealsFile = (name: string, dates: string[]) =>
      write(name, SF_HEADER + dates.map((d, i) => sfRow(`0065g0000${name[0]}${String(i).padStart(5, '0')}`, `Deal ${i}`, 'Sample Corp', '$100.00', d, 'Prospecting')).join(''));
    const closeDate = async (source: string, name: string) =>
      (await h.services.deps.database.pool.query("select close_date::text as d from deals where workspace_id = $1 and source = $2 and name = $3", [wsId, source, name])).rows[0]?.d;

    it(`reads the rows again when those after the first ${SAMPLE_ROWS.toLocaleString('en-US')} outvote them`, async () => {
      // In the sample: one month/day/year date and otherwise "3/4/2026" (either order). After it: five day/month/year dates.
      const dates = [...Array(SAMPLE_ROWS).fill('3/4/2026'), ...Array(5).fill('25/4/2026')];
      dates[1] = '1/13/2026';
      const result = await run(await dealsFile('ov.csv', dates), { format: 'salesforce', source: 'sample-outvoted' });
      expect(result).toMatchObject({ created: SAMPLE_ROWS + 4, invalid: 1 });
      expect(result.errors[0]).toMatchObject({ line: 3, value: '1/13/2026' });
      expect(await closeDate('sample-outvoted', 'Deal 0')).toBe('2026-04-03');
      expect(await closeDate('sample-outvoted', `Deal ${SAMPLE_ROWS}`)).toBe('2026-04-25');
    });

    it('reads on when the sample cannot tell, and decides with the rest of the file', async () => {
      const dates = [...Array(SAMPLE_ROWS).fill('3/4/2026'), '4/25/2026'];
      const result = await run(await dealsFile('un.csv', dates), { format: 'salesforce', source: 'sample-undecided' });
      expect(result).toMatchObject({ created: SAMPLE_ROWS + 1, invalid: 0 });
      expect(await closeDate('sample-undecided', 'Deal 0')).toBe('2026-03-04');
      expect(await closeDate('sample-undecided', `Deal ${SAMPLE_ROWS}`)).toBe('2026-04-25');
    });

    it('still refuses a file whose dates cannot be told apart, with nothing imported', async () => {
      const before = await count('deals');
      await expect(run(await dealsFile('am.csv', Array(SAMPLE_ROWS + 3).fill('3/4/2026')), { format: 'salesforce', source: 'sample-ambiguous' })).rejects.toMatchObject({
        code: 'DEALS_IMPORT_AMBIGUOUS_DATES',
      });
      expect(await count('deals')).toBe(before);
    });
  });

  it('refreshes the planner statistics of deals after an import of 1,000 rows or more, and not after a small one', async () => {
    const pool = h.services.deps.database.pool;
    const analyzed = async () => Number((await pool.query("select analyze_count from pg_stat_user_tables where relname = 'deals'")).rows[0]?.analyze_count ?? 0);
    const before = await analyzed();
    const small = await write('sf-small.csv', SF_HEADER + sfRow('0065g00000Smal1', 'Small', 'Small Corp', '$1.00', '1/31/2026', 'Prospecting'));
    expect(await run(small, { format: 'salesforce', source: 'sf-small' })).toMatchObject({ created: 1, invalid: 0 });
    // Statistics reach pg_stat_user_tables when the backend reports them: give it the time a poll allows.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await analyzed()).toBe(before);
    const rows = Array.from({ length: 1000 }, (_, i) => sfRow(`0065g0${String(i).padStart(9, '0')}`, `Big ${i}`, `Big Corp ${i % 50}`, '$1,000.00', '1/31/2026', 'Prospecting'));
    const big = await write('sf-big.csv', SF_HEADER + rows.join(''));
    expect(await run(big, { format: 'salesforce', source: 'sf-big' })).toMatchObject({ created: 1000, invalid: 0 });
    await expect.poll(analyzed, { timeout: 10_000 }).toBeGreaterThan(before);
  });

  it('refreshes statistics as autovacuum would, at once: 1,000 rows and a tenth of the table, or a table never analysed', () => {
    expect(statisticsStale(999, -1)).toBe(false);
    expect(statisticsStale(1000, -1)).toBe(true);
    expect(statisticsStale(1000, 0)).toBe(true);
    expect(statisticsStale(1000, 10_000)).toBe(true);
    // A batch of the upsert API (at most 1,000 deals) into a table of a million does not analyse it after every batch.
    expect(statisticsStale(1000, 10_001)).toBe(false);
    expect(statisticsStale(100_000, 1_000_000)).toBe(true);
  });

  it('imports a generic CSV with a mapping, and HubSpot internal stage ids', async () => {
    const mapping = JSON.parse(await fs.readFile(fixture('generic.mapping.json'), 'utf8'));
    const g = await run(fixture('generic.csv'), { format: 'csv', mapping, source: 'erp' });
    expect(g.created + g.invalid).toBe(4);
    const hub = await run(fixture('hubspot-ids.csv'), { format: 'hubspot' });
    expect(hub).toMatchObject({ created: 7, invalid: 0 });
    expect(await dealByExternalId('1006', 'hubspot')).toMatchObject({ stage_category: 'won' });
    expect(await dealByExternalId('1007', 'hubspot')).toMatchObject({ stage_category: 'lost', amount: null });
  });
});

describe('accounts import', () => {
  it('links an account a deals import created by name, imports the rest, is idempotent, and undoes exactly', async () => {
    // A deals import names "Initech"; the accounts file then enriches that same account instead of adding a second one.
    const before = await h.services.deps.database.pool.query("select id, segment from accounts where workspace_id = $1 and lower(name) = 'initech'", [wsId]);
    expect(before.rows).toHaveLength(1);
    const first = await run(fixture('salesforce-accounts.csv'), { kind: 'accounts', format: 'salesforce' });
    expect(first.invalid).toBeGreaterThanOrEqual(2);
    expect(first.created + first.updated).toBeGreaterThanOrEqual(3);
    const initech = await h.services.deps.database.pool.query("select id, segment, domain from accounts where workspace_id = $1 and lower(name) = 'initech'", [wsId]);
    expect(initech.rows).toEqual([{ id: before.rows[0].id, segment: 'Mid-Market', domain: 'initech.com' }]);
    const again = await run(fixture('salesforce-accounts.csv'), { kind: 'accounts', format: 'salesforce' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: first.created + first.updated });
    await call(h.app, admin, 'POST', api(`imports/${again.importId}/undo`));
    const undo = await call(h.app, admin, 'POST', api(`imports/${first.importId}/undo`));
    expect(undo.statusCode).toBe(200);
    const after = await h.services.deps.database.pool.query("select id, segment from accounts where workspace_id = $1 and lower(name) = 'initech'", [wsId]);
    expect(after.rows).toEqual(before.rows);
  });
});

describe('upsert API', () => {
  it('creates, then updates and reports per item; the batch is an undoable import', async () => {
    const body = { source: 'webhook', deals: [{ externalId: 'W-1', name: 'Webhook one', stage: 'Closed Won', amount: '100.50' }, { externalId: 'W-2', stage: 'Prospecting', account: 'Hook Inc' }] };
    const first = await call(h.app, admin, 'POST', api('deals/upsert'), { body });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ created: 2, updated: 0, results: [{ externalId: 'W-1', status: 'created' }, { externalId: 'W-2', status: 'created' }] });
    const second = await call(h.app, admin, 'POST', api('deals/upsert'), { body: { ...body, deals: [{ ...body.deals[0], amount: 200 }, body.deals[1]] } });
    expect(second.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(second.json().results[0].dealId).toBe(first.json().results[0].dealId);
    const deal = await call(h.app, admin, 'GET', api(`deals/${first.json().results[1].dealId}`));
    expect(deal.json()).toMatchObject({ name: 'Hook Inc', stageCategory: 'open', account: { name: 'Hook Inc' } });
    const bad = await call(h.app, admin, 'POST', api('deals/upsert'), { body: { source: 'webhook', deals: [{ externalId: 'W-3' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toMatch(/deals\[0\]\.stage/);
  });
});

describe('who may undo', () => {
  it("a sales lead cannot undo an admin's API upsert (only admins may upsert), but can undo a file import", async () => {
    const { client: lead } = await addMember(h.app, admin, 'acme', 'lead-undo@acme.test', 'sales_lead');
    const minted = await call(h.app, admin, 'POST', api('tokens'), { body: { name: 'CRM sync' } });
    expect(minted.statusCode).toBe(201);
    const sync: Client = { bearer: minted.json().token };
    const upserted = await call(h.app, sync, 'POST', api('deals/upsert'), {
      body: { source: 'crm-sync', deals: [{ externalId: 'S-1', stage: 'Prospecting', account: 'Sync Co' }] },
    });
    expect(upserted.statusCode).toBe(200);
    const importId = upserted.json().importId as string;
    const dealId = upserted.json().results[0].dealId as string;

    // The lead sees the import but is not offered undo; asking anyway is refused, naming why.
    expect((await call(h.app, lead, 'GET', api(`imports/${importId}`))).json()).toMatchObject({ status: 'completed', canUndo: false });
    expect((await call(h.app, admin, 'GET', api(`imports/${importId}`))).json()).toMatchObject({ canUndo: true });
    const refused = await call(h.app, lead, 'POST', api(`imports/${importId}/undo`));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('IMPORT_UNDO_FORBIDDEN');
    expect(refused.json().detail).toMatch(/API/);
    expect((await call(h.app, admin, 'GET', api(`deals/${dealId}`))).statusCode).toBe(200);
    expect((await call(h.app, admin, 'GET', api(`imports/${importId}`))).json().status).toBe('completed');

    // An admin may undo it.
    expect((await call(h.app, sync, 'POST', api(`imports/${importId}/undo`))).statusCode).toBe(200);
    expect((await call(h.app, admin, 'GET', api(`deals/${dealId}`))).statusCode).toBe(404);

    // A file import is something a lead may run, so a lead may undo it, whoever ran it.
    const file = await write('lead-undo.csv', SF_HEADER + sfRow('0065g00000LeAd1', 'Lead undo', 'Lead Co', '$1.00', '1/31/2026', 'Prospecting'));
    const byAdmin = await run(file, { format: 'salesforce', source: 'sf-lead-undo' });
    const undone = await call(h.app, lead, 'POST', api(`imports/${byAdmin.importId}/undo`));
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'undone' });
  });
});

describe('upload size limit', () => {
  let small: Harness;
  afterAll(async () => small?.close());

  it('refuses a file past TANDEM_IMPORT_MAX_BYTES instead of keeping the part that fit', async () => {
    small = await createHarness({ TANDEM_IMPORT_MAX_BYTES: '2048' });
    const owner = await setupAdmin(small.app);
    const form = new FormData();
    form.append('kind', 'deals');
    form.append('format', 'csv');
    form.append('file', new Blob(['Name,Stage\n' + 'A deal,Prospecting\n'.repeat(300)], { type: 'text/csv' }), 'big.csv');
    const req = new Request('http://tandem.test', { method: 'POST', body: form });
    const res = await call(small.app, owner, 'POST', '/api/v1/workspaces/acme/imports', {
      body: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type')! },
    });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().code).toBe('IMPORT_FILE_TOO_LARGE');
    const left = await small.services.deps.database.pool.query('select count(*)::int as n from imports');
    expect(left.rows[0].n).toBe(0);
  });
});

describe('decompression bombs', () => {
  /** Uploads through the real route as the web app does (fields, then the file), and returns the pending import. */
  async function uploadFile(body: Buffer, name: string) {
    const form = new FormData();
    form.append('kind', 'deals');
    form.append('file', new Blob([body]), name);
    const req = new Request('http://tandem.test', { method: 'POST', body: form });
    const res = await call(h.app, admin, 'POST', api('imports'), {
      body: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type')! },
    });
    expect(res.statusCode, res.body).toBe(202);
    return res.json() as { id: string };
  }
  const xlsxTemp = () => path.join(h.services.deps.config.dataDir, 'tmp');
  const leftovers = async () => (await fs.readdir(xlsxTemp()).catch(() => [] as string[])).length;
  const peakRss = () => process.resourceUsage().maxRSS * 1024;

  it('refuses a shared-strings bomb at preview with a 422 naming the file, keeps answering, and the heap stays bounded', async () => {
    const { sharedStringsBomb } = await import('../../lib/tabular/fixtures/xlsx-bombs.ts');
    const bomb = sharedStringsBomb(30_000_000); // 510 MB of XML in a file of well under 1 MB
    const { id } = await uploadFile(bomb, 'bomb.xlsx');
    const before = peakRss();
    const res = await call(h.app, admin, 'POST', api(`imports/${id}/preview`), { body: {} });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'DEALS_IMPORT_SUSPICIOUS_ZIP', detail: expect.stringMatching(/"bomb\.xlsx".*100 times/) });
    expect(peakRss() - before).toBeLessThan(128 * 1024 * 1024);
    expect((await call(h.app, admin, 'GET', api('imports'))).statusCode).toBe(200);
    expect((await call(h.app, admin, 'DELETE', api(`imports/${id}`))).statusCode).toBe(204);
  });

  it('refuses a worksheet bomb at preview and when run, leaving no temporary file', async () => {
    const { worksheetBomb } = await import('../../lib/tabular/fixtures/xlsx-bombs.ts');
    const bomb = worksheetBomb(4_000_000); // 380 MB of XML, stored before the shared strings
    const { id } = await uploadFile(bomb, 'sheet-bomb.xlsx');
    const res = await call(h.app, admin, 'POST', api(`imports/${id}/preview`), { body: {} });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'DEALS_IMPORT_SUSPICIOUS_ZIP', detail: expect.stringContaining('"sheet-bomb.xlsx"') });
    expect(await leftovers()).toBe(0);
    // The same file run as an import fails cleanly: nothing imported, the reason recorded, the process alive.
    const file = await write('sheet-bomb.xlsx', bomb.toString('latin1'));
    await fs.writeFile(file, bomb);
    await expect(run(file)).rejects.toMatchObject({ code: 'DEALS_IMPORT_SUSPICIOUS_ZIP' });
    expect(await leftovers()).toBe(0);
    expect((await call(h.app, admin, 'GET', api(`imports/${id}`))).statusCode).toBe(200);
  });
});

describe('uploads kept in the file store', () => {
  let first: Harness;
  let second: { app: Harness['app']; close(): Promise<void> } | undefined;
  let moved: string;
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await fs.rm(moved, { recursive: true, force: true });
  });

  /** Another app process on the same database, whose data folder (the store's root) is mounted at another path. */
  async function secondInstance(url: string, dataDir: string) {
    const pino = (await import('pino')).default;
    const { loadConfig } = await import('../../config.ts');
    const { openDatabase } = await import('../../db/database.ts');
    const { resolveSecret } = await import('../system/index.ts');
    const { createServices } = await import('../../services.ts');
    const { buildApp } = await import('../../app.ts');
    const config = loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', TANDEM_PUBLIC_URL: 'http://tandem.test', TANDEM_DATA_DIR: dataDir });
    const database = openDatabase(url, { max: 3 });
    const log = pino({ level: 'silent' });
    const services = createServices({ config, database, secret: await resolveSecret(database.db, config.TANDEM_SECRET), log });
    const app = await buildApp({ services, logger: log, webDist: false });
    await app.ready();
    return { app, close: async () => (await app.close(), await database.close()) };
  }

  it('records an upload by key, so another instance sharing the store previews and runs it', async () => {
    first = await createHarness();
    const owner = await setupAdmin(first.app);
    const form = new FormData();
    form.append('kind', 'deals');
    form.append('format', 'salesforce');
    form.append('source', 'sf-two');
    form.append('file', new Blob([SF_HEADER + sfRow('0065g00000TwO01', 'Two machines', 'Balance Inc', '$1,000.00', '1/31/2026', 'Prospecting')]), 'deals.csv');
    const req = new Request('http://tandem.test', { method: 'POST', body: form });
    const up = await call(first.app, owner, 'POST', '/api/v1/workspaces/acme/imports', {
      body: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type')! },
    });
    expect(up.statusCode, up.body).toBe(202);
    const id = up.json().id as string;
    const stored = (await first.services.deps.database.pool.query('select upload_key from imports where id = $1', [id])).rows[0].upload_key as string;
    expect(path.isAbsolute(stored)).toBe(false);
    expect(stored).not.toContain(first.services.deps.config.dataDir);

    // The second machine mounts the same store elsewhere: the first one's path does not exist there.
    moved = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-second-'));
    await fs.rename(path.join(first.services.deps.config.dataDir, 'uploads'), path.join(moved, 'uploads'));
    second = await secondInstance(first.url, moved);
    const preview = await call(second.app, owner, 'POST', `/api/v1/workspaces/acme/imports/${id}/preview`, { body: {} });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().rows[0].cells['Opportunity Name']).toBe('Two machines');
    const started = await call(second.app, owner, 'POST', `/api/v1/workspaces/acme/imports/${id}/start`, { body: {} });
    expect(started.statusCode, started.body).toBe(202);
    let status = started.json().status as string;
    for (let i = 0; i < 200 && status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await call(second.app, owner, 'GET', `/api/v1/workspaces/acme/imports/${id}`)).json().status;
    }
    expect(status).toBe('completed');
    // The finished import's file is deleted from the store.
    expect(await fs.readdir(path.join(moved, 'uploads'))).toEqual([]);
  });
});
