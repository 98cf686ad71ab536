import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { normalizeSalesforceId } from '../../../lib/tabular/salesforce-id.ts';
import { dealsSeed } from '../test-support.ts';

let h: Harness;
let admin: Client;
let adminId: string;
let pmm: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let ws: string;
const ids = {} as Record<'globex' | 'initech' | 'opp1' | 'opp2' | 'sfDeal', string>;
const SF15 = '0065g00000FbKiX';

const api = (p: string) => `/api/v1/workspaces/acme/${p}`;
const pool = () => h.services.deps.database.pool;
const count = async (table: string) => Number((await pool().query(`select count(*)::int as n from ${table} where workspace_id = $1`, [ws])).rows[0].n);

/** A multipart upload as a browser's FormData sends it: the text fields, then the file. */
async function upload(who: Client, path: string, file: string, fields: Record<string, string> = {}, name = 'call-notes.csv') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([file], { type: 'text/csv' }), name);
  const req = new Request('http://tandem.test', { method: 'POST', body: form });
  const body = Buffer.from(await req.arrayBuffer());
  return call(h.app, who, 'POST', api(path), { body, headers: { 'content-type': req.headers.get('content-type')! } });
}
const importFile = (file: string, mapping: Record<string, string>, options: Record<string, string> = {}, who: Client = pmm.client) =>
  upload(who, 'feedback/import', file, { mapping: JSON.stringify(mapping), ...options });

const csv = (...lines: string[]) => lines.join('\n') + '\n';

const CALL_NOTES = csv(
  'Call Date,Email,Opportunity ID,Account,Type,Notes,Customer Quote,Competitor,Channel',
  '2026-01-15,pia@acme.test,OPP-1001,,Objection,Price is too high compared to last year,"We can\'t justify the uplift",Contoso,Call',
  '01/20/2026,,OPP-1002,Initech,pain point,Reporting exports time out on big accounts,,,email',
  '2026-02-03T14:30:00Z,PIA@ACME.TEST,,globex corporation,Feature Request,Wants SSO with Okta,,,',
  'Jan 25 2026,Ada Admin,,ACC-9,competitor,Contoso offered a 30% discount,,Contoso,Meeting',
  `2026-02-10,nobody@elsewhere.test,${SF15},,win,Won on the integration story,,,`,
  '2026-02-11,,,,loss reason,Lost to Contoso on price,,Contoso,',
  ',,,,Praise,Loved the onboarding,,,',
  '2026-02-12,,,,question,Asked whether we support SCIM,,,',
  '2026-02-13,,,,Feature requests,Needs a Salesforce sidebar,,,',
  '2026-02-14,,,,,Setup took too long,,,CRM note',
);

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  adminId = (await pool().query("select id from users where email = 'ada@acme.test'")).rows[0].id;
  ws = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  rep = await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales', 'Sam Rep');
  const db = h.services.deps.database.db;
  const [globex, initech] = await dealsSeed.insertAccounts(db, [
    { workspaceId: ws, name: 'Globex Corporation' },
    { workspaceId: ws, name: 'Initech' },
  ]);
  await dealsSeed.insertAccountSources(db, [{ workspaceId: ws, source: 'salesforce', externalId: 'ACC-9', accountId: globex!.id }]);
  const deal = (source: string, externalId: string, accountId: string) => ({ workspaceId: ws, source, externalId, name: externalId, accountId, stage: 'Prospecting', stageCategory: 'open' as const });
  const sf = normalizeSalesforceId(SF15);
  if (!sf.ok) throw new Error(sf.message);
  const [opp1, opp2, sfDeal] = await dealsSeed.insertDeals(db, [
    deal('salesforce', 'OPP-1001', globex!.id),
    deal('hubspot', 'OPP-1002', initech!.id),
    deal('salesforce', sf.id, initech!.id),
  ]);
  Object.assign(ids, { globex: globex!.id, initech: initech!.id, opp1: opp1!.id, opp2: opp2!.id, sfDeal: sfDeal!.id });
});
afterAll(async () => h?.close());

describe('feedback import preview', () => {
  it('reads the columns, suggests a mapping from common headers, and shows the first 10 rows', async () => {
    const res = await upload(pmm.client, 'feedback/import/preview', CALL_NOTES + '2026-02-15,,,,,One more,,,\n');
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.columns).toEqual(['Call Date', 'Email', 'Opportunity ID', 'Account', 'Type', 'Notes', 'Customer Quote', 'Competitor', 'Channel']);
    expect(preview.mapping).toEqual({
      'Call Date': 'date',
      Email: 'submitter',
      'Opportunity ID': 'dealId',
      Account: 'account',
      Type: 'kind',
      Notes: 'text',
      'Customer Quote': 'quote',
      Competitor: 'competitor',
      Channel: 'source',
    });
    expect(preview.totalRows).toBe(11);
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[0]).toMatchObject({ Notes: 'Price is too high compared to last year', 'Customer Quote': "We can't justify the uplift" });
    expect(await count('feedback_items')).toBe(0);
  });

  it('reads tab-separated files with a BOM', async () => {
    const res = await upload(pmm.client, 'feedback/import/preview', '\uFEFFfeedback\tcategory\tCompany\nToo slow\tobjection\tInitech\n');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ columns: ['feedback', 'category', 'Company'], mapping: { feedback: 'text', category: 'kind', Company: 'account' }, totalRows: 1 });
  });

  it('refuses an empty file and a header without rows', async () => {
    const empty = await upload(pmm.client, 'feedback/import/preview', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'FEEDBACK_IMPORT_EMPTY_FILE', detail: expect.stringContaining('empty') });
    const headerOnly = await importFile('Notes,Kind\n', { Notes: 'text' });
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json()).toMatchObject({ code: 'FEEDBACK_IMPORT_NO_ROWS', detail: expect.stringContaining('no data rows') });
  });
});

describe('feedback import', () => {
  it('imports call notes: kinds, deals by CRM id, accounts by name or CRM id, submitters by email or name, dates', async () => {
    const mapping = (await upload(pmm.client, 'feedback/import/preview', CALL_NOTES)).json().mapping;
    const before = Date.now();
    const res = await importFile(CALL_NOTES, mapping);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ rows: 10, created: 10, rejected: [], dryRun: false, autoAssigned: 0, batchId: expect.any(String) });

    const rows = (
      await pool().query(
        `select text, kind, quote, competitor, source, deal_id, account_id, submitted_by_user_id, observed_at, import_batch_id
         from feedback_items where workspace_id = $1 and import_batch_id = $2`,
        [ws, result.batchId],
      )
    ).rows as Record<string, unknown>[];
    const byText = new Map(rows.map((r) => [r.text as string, r]));
    const row = (text: string) => byText.get(text)!;
    expect(rows.map((r) => r.kind).sort()).toEqual(
      ['objection', 'pain_point', 'feature_request', 'competitor_intel', 'win_reason', 'loss_reason', 'praise', 'question', 'feature_request', 'pain_point'].sort(),
    );
    // A deal by its CRM id brings its account; a row's date is when it was heard.
    expect(row('Price is too high compared to last year')).toMatchObject({
      kind: 'objection',
      quote: "We can't justify the uplift",
      competitor: 'Contoso',
      source: 'call',
      deal_id: ids.opp1,
      account_id: ids.globex,
      submitted_by_user_id: pmm.userId,
      observed_at: new Date('2026-01-15T12:00:00Z'),
    });
    expect(row('Reporting exports time out on big accounts')).toMatchObject({ deal_id: ids.opp2, account_id: ids.initech, source: 'email', observed_at: new Date('2026-01-20T12:00:00Z') });
    expect(row('Wants SSO with Okta')).toMatchObject({ account_id: ids.globex, deal_id: null, submitted_by_user_id: pmm.userId, observed_at: new Date('2026-02-03T14:30:00Z'), source: 'import' });
    expect(row('Contoso offered a 30% discount')).toMatchObject({ account_id: ids.globex, submitted_by_user_id: adminId, source: 'meeting', observed_at: new Date('2026-01-25T12:00:00Z') });
    // A 15-character Salesforce id finds the deal stored under its 18-character form; an unknown email falls back to the importer.
    expect(row('Won on the integration story')).toMatchObject({ deal_id: ids.sfDeal, account_id: ids.initech, submitted_by_user_id: pmm.userId });
    expect(row('Lost to Contoso on price')).toMatchObject({ kind: 'loss_reason', submitted_by_user_id: pmm.userId });
    const undated = row('Loved the onboarding').observed_at as Date;
    expect(undated.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row('Setup took too long')).toMatchObject({ kind: 'pain_point', source: 'crm_note' });

    const batch = (await pool().query('select file_name, rows, created, created_by_user_id from feedback_imports where id = $1', [result.batchId])).rows[0];
    expect(batch).toEqual({ file_name: 'call-notes.csv', rows: 10, created: 10, created_by_user_id: pmm.userId });
    const audit = await call(h.app, admin, 'GET', api('audit'), { query: { action: 'feedback.imported' } });
    expect(audit.json().items[0]).toMatchObject({ targetId: result.batchId, details: { created: 10 } });

    // The items appear in the inbox like any other feedback.
    const list = (await call(h.app, pmm.client, 'GET', api('feedback'), { query: { dealId: ids.opp1 } })).json();
    expect(list.items.map((i: { text: string }) => i.text)).toContain('Price is too high compared to last year');
  });

  it('writes nothing when a row is invalid, and names each bad line as the file counts them', async () => {
    const before = await count('feedback_items');
    const file = csv('Notes,Kind', '"Two lines,', 'of notes",objection', ',objection', 'Fine text,bogus', 'Also fine,Win');
    const res = await importFile(file, { Notes: 'text', Kind: 'kind' });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ rows: 4, created: 0, batchId: null, autoAssigned: 0 });
    expect(result.rejected).toEqual([
      { line: 4, errors: ['column "Notes": empty; every row needs the feedback text'] },
      {
        line: 5,
        errors: ['column "Kind": "bogus" is not a kind (pain point, objection, feature request, competitor intel, win reason, loss reason, praise, question)'],
      },
    ]);
    expect(await count('feedback_items')).toBe(before);

    const skipped = await importFile(file, { Notes: 'text', Kind: 'kind' }, { skipInvalid: 'true' });
    expect(skipped.statusCode, skipped.body).toBe(200);
    expect(skipped.json()).toMatchObject({ rows: 4, created: 2, batchId: expect.any(String), rejected: [{ line: 4 }, { line: 5 }] });
    expect(await count('feedback_items')).toBe(before + 2);
    const texts = (await pool().query('select text, kind from feedback_items where import_batch_id = $1 order by text', [skipped.json().batchId])).rows;
    expect(texts).toEqual([
      { text: 'Also fine', kind: 'win_reason' },
      { text: 'Two lines,\nof notes', kind: 'objection' },
    ]);
  });

  it('reports deals, accounts and dates it cannot use', async () => {
    const file = csv(
      'Notes,Deal,Account,Date',
      'a,OPP-404,,',
      'b,,Nobody Inc,',
      'c,OPP-1001,Initech,',
      'd,,,31/02/2026',
      'e,,,2099-01-01',
      'f,OPP-1001,Globex Corporation,2026-03-01',
    );
    const res = await importFile(file, { Notes: 'text', Deal: 'dealId', Account: 'account', Date: 'date' }, { dryRun: 'true' });
    expect(res.statusCode, res.body).toBe(200);
    const rejected = res.json().rejected as { line: number; errors: string[] }[];
    expect(rejected.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(rejected[0]!.errors[0]).toBe('column "Deal": no deal "OPP-404" in this workspace (by Tandem id or CRM id)');
    expect(rejected[1]!.errors[0]).toBe('column "Account": no account "Nobody Inc" in this workspace (by name or CRM id)');
    expect(rejected[2]!.errors[0]).toMatch(/^column "Account": deal "OPP-1001" belongs to "Globex Corporation", not "Initech"/);
    expect(rejected[3]!.errors[0]).toMatch(/^column "Date": "31\/02\/2026"/);
    expect(rejected[4]!.errors[0]).toBe('column "Date": "2099-01-01" is in the future');
  });

  it('checks without writing on a dry run', async () => {
    const before = await count('feedback_items');
    const imports = await count('feedback_imports');
    const res = await importFile(csv('Notes', 'Dry one', 'Dry two'), { Notes: 'text' }, { dryRun: 'true' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ batchId: null, rows: 2, created: 0, rejected: [], autoAssigned: 0, dryRun: true });
    expect(await count('feedback_items')).toBe(before);
    expect(await count('feedback_imports')).toBe(imports);
  });

  it('reads semicolon-delimited files and uses the default kind', async () => {
    const res = await importFile('\uFEFFNotiz;Firma\nZu teuer;Initech\nZu langsam;Globex Corporation\n', { Notiz: 'text', Firma: 'account' }, { defaultKind: 'objection' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, rejected: [] });
    const rows = (await pool().query('select text, kind, account_id from feedback_items where import_batch_id = $1 order by text', [res.json().batchId])).rows;
    expect(rows).toEqual([
      { text: 'Zu langsam', kind: 'objection', account_id: ids.globex },
      { text: 'Zu teuer', kind: 'objection', account_id: ids.initech },
    ]);
  });

  it('refuses a mapping that names a column the file lacks, or maps no column to the text', async () => {
    const file = csv('Notes,Kind', 'x,objection');
    const unknown = await importFile(file, { Notes: 'text', Nope: 'kind' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'FEEDBACK_IMPORT_UNKNOWN_COLUMNS' });
    expect(unknown.json().detail).toBe('The mapping names a column this file does not have: "Nope". The file\'s columns are: "Notes", "Kind".');
    const noText = await importFile(file, { Kind: 'kind' });
    expect(noText.statusCode).toBe(400);
    expect(noText.json()).toMatchObject({ code: 'FEEDBACK_IMPORT_TEXT_COLUMN', detail: expect.stringContaining('maps no column to text') });
    const twice = await importFile(csv('A,B', 'x,y'), { A: 'text', B: 'text' });
    expect(twice.json()).toMatchObject({ code: 'FEEDBACK_IMPORT_TEXT_COLUMN', detail: expect.stringContaining('"A", "B"') });
    const noMapping = await upload(pmm.client, 'feedback/import', file);
    expect(noMapping.statusCode).toBe(400);
    expect(noMapping.json().detail).toMatch(/^mapping: required/);
    const typo = await upload(pmm.client, 'feedback/import', file, { mapping: '{"Notes":"text"}', dryrun: 'true' });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().detail).toMatch(/^dryrun: unknown field/);
    const empty = await importFile('', { Notes: 'text' });
    expect(empty.json()).toMatchObject({ code: 'FEEDBACK_IMPORT_EMPTY_FILE' });
  });

  it('refuses a file over 50,000 rows', async () => {
    const res = await importFile('Notes\n' + 'note\n'.repeat(50_001), { Notes: 'text' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'FEEDBACK_IMPORT_TOO_MANY_ROWS', detail: expect.stringContaining('50,000') });
  });

  it('only the person who imported, or marketing, may undo an import', async () => {
    const lead = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
    const other = await addMember(h.app, admin, 'acme', 'lou@acme.test', 'sales_lead', 'Lou Lead');
    const res = await importFile(csv('Notes', 'A note only Lee imported'), { Notes: 'text' }, {}, lead.client);
    expect(res.statusCode, res.body).toBe(200);
    const { batchId } = res.json();
    const refused = await call(h.app, other.client, 'DELETE', api(`feedback/import/${batchId}`));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FEEDBACK_IMPORT_NOT_YOURS');
    expect((await call(h.app, lead.client, 'DELETE', api(`feedback/import/${batchId}`))).json()).toEqual({ removed: 1 });
  });

  it('puts rows into the theme they clearly belong to, signs up their submitters, and undo takes it all back', async () => {
    const texts = [
      'Needs EU data residency: data must stay in Frankfurt for GDPR',
      'GDPR: customer requires EU data residency in the Frankfurt region',
      'Legal blocked us on EU data residency, they need data kept in the EU',
      'EU data residency requirement from their DPO, Frankfurt region only',
    ];
    const itemIds: string[] = [];
    for (const text of texts) itemIds.push((await call(h.app, pmm.client, 'POST', api('feedback'), { body: { kind: 'objection', text } })).json().item.id);
    const theme = (await call(h.app, pmm.client, 'POST', api('themes'), { body: { name: 'EU data residency', itemIds } })).json();
    const followers = () => pool().query('select user_id from theme_followers where theme_id = $1 order by user_id', [theme.id]).then((r) => r.rows.map((x) => x.user_id));
    expect(await followers()).toEqual([pmm.userId]);

    const file = csv('Notes,Rep', '"Their DPO wants EU data residency, Frankfurt region, for GDPR",ada@acme.test', 'Loved the onboarding webinar,ada@acme.test');
    const res = await importFile(file, { Notes: 'text', Rep: 'submitter' });
    expect(res.statusCode, res.body).toBe(200);
    const { batchId } = res.json();
    expect(res.json()).toMatchObject({ created: 2, autoAssigned: 1 });
    const placed = (await pool().query('select text, theme_id, assigned_by from feedback_items where import_batch_id = $1 order by text', [batchId])).rows;
    expect(placed).toEqual([
      { text: 'Loved the onboarding webinar', theme_id: null, assigned_by: null },
      { text: 'Their DPO wants EU data residency, Frankfurt region, for GDPR', theme_id: theme.id, assigned_by: 'auto' },
    ]);
    expect(await followers()).toEqual([adminId, pmm.userId].sort());

    const undo = await call(h.app, pmm.client, 'DELETE', api(`feedback/import/${batchId}`));
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toEqual({ removed: 2 });
    expect((await pool().query('select count(*)::int as n from feedback_items where import_batch_id = $1', [batchId])).rows[0].n).toBe(0);
    expect(await followers()).toEqual([pmm.userId]);
    const audit = await call(h.app, admin, 'GET', api('audit'), { query: { action: 'feedback.import_undone' } });
    expect(audit.json().items[0]).toMatchObject({ targetId: batchId, details: { removed: 2 } });

    const again = await call(h.app, pmm.client, 'DELETE', api(`feedback/import/${batchId}`));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'FEEDBACK_IMPORT_UNDONE' });
    const unknown = await call(h.app, pmm.client, 'DELETE', api('feedback/import/00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'FEEDBACK_IMPORT_NOT_FOUND' });
  });

  it('is for marketing, sales leads and admins: a sales rep is refused', async () => {
    const before = await count('feedback_items');
    const res = await importFile(csv('Notes', 'From a rep'), { Notes: 'text' }, {}, rep.client);
    expect(res.statusCode).toBe(403);
    expect((await upload(rep.client, 'feedback/import/preview', csv('Notes', 'x'))).statusCode).toBe(403);
    expect(await count('feedback_items')).toBe(before);
  });
});

describe('feedback import size limit', () => {
  let small: Harness;
  afterAll(async () => small?.close());

  it('refuses a file past TANDEM_IMPORT_MAX_BYTES instead of importing the part that fit', async () => {
    small = await createHarness({ TANDEM_IMPORT_MAX_BYTES: '2048' });
    const owner = await setupAdmin(small.app);
    const file = 'Notes\n' + 'a note that is repeated\n'.repeat(200);
    const form = new FormData();
    form.append('mapping', JSON.stringify({ Notes: 'text' }));
    form.append('file', new Blob([file], { type: 'text/csv' }), 'big.csv');
    const req = new Request('http://tandem.test', { method: 'POST', body: form });
    const res = await call(small.app, owner, 'POST', api('feedback/import'), {
      body: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type')! },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FEEDBACK_IMPORT_FILE_TOO_LARGE', detail: expect.stringContaining('2,048 bytes') });
    const left = await small.services.deps.database.pool.query('select count(*)::int as n from feedback_items');
    expect(left.rows[0].n).toBe(0);
  });
});

describe('feedback import and decompression bombs', () => {
  it('refuses a workbook bomb unread (the feedback import takes CSV) and keeps answering, the heap bounded', async () => {
    const { sharedStringsBomb } = await import('../../../lib/tabular/fixtures/xlsx-bombs.ts');
    const bomb = sharedStringsBomb(30_000_000);
    const peak = () => process.resourceUsage().maxRSS * 1024;
    const before = peak();
    for (const route of ['feedback/import/preview', 'feedback/import']) {
      const form = new FormData();
      if (route === 'feedback/import') form.append('mapping', JSON.stringify({ Notes: 'text' }));
      form.append('file', new Blob([bomb]), 'bomb.xlsx');
      const req = new Request('http://tandem.test', { method: 'POST', body: form });
      const res = await call(h.app, pmm.client, 'POST', api(route), {
        body: Buffer.from(await req.arrayBuffer()),
        headers: { 'content-type': req.headers.get('content-type')! },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('FEEDBACK_IMPORT_NOT_TEXT');
    }
    expect(peak() - before).toBeLessThan(64 * 1024 * 1024);
    expect((await call(h.app, pmm.client, 'GET', api('feedback'))).statusCode).toBe(200);
  });
});
