import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, call, createHarness, login, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { cliActor } from '../../../lib/context.ts';
import { attributionRepository } from '../attribution.repository.ts';

let h: Harness;
let admin: Client;
let ws: string;
let pmm: { client: Client; userId: string };
let lead: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let bravo: Client;
const deals = {} as Record<'globex' | 'initech' | 'hooli' | 'bravo', string>;

const fixture = (name: string) => fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8');
const pool = () => h.services.deps.database.pool;

/** A multipart upload as a browser's FormData sends it: the text fields, then the file. */
async function upload(who: Client, p: string, file: string, fields: Record<string, string> = {}, slug = 'acme') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([file], { type: 'text/csv' }), 'touchpoints.csv');
  const req = new Request('http://tandem.test', { method: 'POST', body: form });
  const body = Buffer.from(await req.arrayBuffer());
  const res = await call(h.app, who, 'POST', `/api/v1/workspaces/${slug}/${p}`, { body, headers: { 'content-type': req.headers.get('content-type')! } });
  return { code: res.statusCode, json: res.json() };
}
const preview = (file: string, who: Client = admin) => upload(who, 'attribution/import/preview', file);
/** Preview, then import with the suggested mapping and preset (what the page does when nothing is changed). */
async function importAsSuggested(file: string, who: Client = admin, slug = 'acme') {
  const p = await preview(file);
  expect(p.code, JSON.stringify(p.json)).toBe(200);
  return upload(who, 'attribution/import', file, { mapping: JSON.stringify(p.json.mapping), preset: p.json.preset }, slug);
}
const touchpointsOf = async (dealId: string) =>
  (await pool().query('select source, external_id, team, kind, campaign, occurred_at from touchpoints where deal_id = $1 order by occurred_at, external_id', [dealId])).rows;
const count = async (workspaceId = ws) => Number((await pool().query('select count(*)::int as n from touchpoints where workspace_id = $1', [workspaceId])).rows[0].n);

async function insertDeal(workspaceId: string, source: string, externalId: string, name: string, category: string, closeDate: string) {
  return (
    await pool().query(
      `insert into deals (workspace_id, source, external_id, name, amount, currency, amount_base, stage, stage_category, close_date, created_date)
       values ($1, $2, $3, $4, 10000, 'USD', 10000, $5, $6, $7, '2026-01-01 00:00:00') returning id`,
      [workspaceId, source, externalId, name, category === 'won' ? 'Closed Won' : 'Proposal', category, closeDate],
    )
  ).rows[0].id as string;
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  ws = (await pool().query("select id from workspaces where slug = 'acme'")).rows[0].id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  lead = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
  rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  deals.globex = await insertDeal(ws, 'salesforce', '0065g00000GlbX1AAJ', 'Globex expansion', 'won', '2026-03-20');
  deals.initech = await insertDeal(ws, 'salesforce', '0065g00000InTc2AAF', 'Initech new', 'open', '2099-06-30');
  deals.hooli = await insertDeal(ws, 'hubspot', '18230044', 'Hooli renewal', 'won', '2026-05-01');
  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'bea@bravo.test', name: 'Bea Bravo', role: 'admin', password: 'correct horse battery' },
  );
  bravo = await login(h.app, 'bea@bravo.test', 'correct horse battery');
  deals.bravo = await insertDeal(b.id, 'salesforce', '0065g00000BrVo3AAF', 'Bravo deal', 'won', '2026-03-01');
}, 120_000);
afterAll(async () => h?.close());

describe('touchpoint import: presets', () => {
  it('recognises a Salesforce Campaign Influence report and maps its columns (a composite id: campaign + contact + opportunity)', async () => {
    const p = await preview(fixture('salesforce-campaign-influence.csv'));
    expect(p.code).toBe(200);
    expect(p.json).toMatchObject({ preset: 'salesforce_campaign_influence', source: 'salesforce', totalRows: 7 });
    expect(p.json.mapping).toEqual({
      'Opportunity ID': 'deal',
      'Campaign Member First Responded Date': 'occurredAt',
      'Campaign Type': 'kind',
      'Campaign Name': 'campaign',
      'Campaign ID': 'externalId',
      'Contact ID': 'externalId',
    });
  });

  it('recognises a Salesforce Campaign Member report', async () => {
    const p = await preview(fixture('salesforce-campaign-member.csv'));
    expect(p.json).toMatchObject({ preset: 'salesforce_campaign_member', source: 'salesforce', totalRows: 3 });
    expect(p.json.mapping).toMatchObject({ 'Campaign Member ID': 'externalId', 'Opportunity ID': 'deal', 'First Responded Date': 'occurredAt', 'Campaign Name': 'campaign' });
  });

  it('recognises a HubSpot contact-activity export with UTM fields', async () => {
    const p = await preview(fixture('hubspot-contact-activity-utm.csv'));
    expect(p.json).toMatchObject({ preset: 'hubspot_utm', source: 'hubspot', totalRows: 3 });
    expect(p.json.mapping).toMatchObject({ 'Activity ID': 'externalId', 'Associated Deal IDs': 'deal', 'Activity Date': 'occurredAt', utm_campaign: 'utmCampaign', utm_medium: 'utmMedium' });
  });

  it('suggests a mapping for any other CSV from its headers', async () => {
    const p = await preview(fixture('generic.csv'));
    expect(p.json).toMatchObject({ preset: 'csv', source: 'csv', mapping: { 'Touchpoint ID': 'externalId', Deal: 'deal', Date: 'occurredAt', Team: 'team', Type: 'kind', Campaign: 'campaign' } });
  });
});

describe('touchpoint import: Salesforce Campaign Influence', () => {
  it('imports the good rows and refuses each bad one by line, column and value; a second import updates instead of duplicating', async () => {
    const file = fixture('salesforce-campaign-influence.csv');
    const first = await importAsSuggested(file);
    expect(first.code, JSON.stringify(first.json)).toBe(200);
    expect(first.json).toMatchObject({ preset: 'salesforce_campaign_influence', source: 'salesforce', rows: 7, created: 3, updated: 0, dealsMarked: 2 });
    const byLine = Object.fromEntries(first.json.refused.map((r: { line: number }) => [r.line, r]));
    expect(Object.keys(byLine).map(Number).sort()).toEqual([5, 6, 7, 8]);
    // An opportunity unknown here, and one of another workspace, read alike: nothing tells a workspace's ids apart.
    expect(byLine[5]).toMatchObject({ column: 'Opportunity ID', value: '0065g00000ZzZz9AAF', message: 'no deal with this id or name in this workspace' });
    expect(byLine[6]).toMatchObject({ column: 'Opportunity ID', value: '0065g00000BrVo3AAF', message: 'no deal with this id or name in this workspace' });
    expect(byLine[7]).toMatchObject({ column: 'Campaign Member First Responded Date', value: '1/15/2099' });
    expect(byLine[7].message).toMatch(/in the future and after the deal's close \(2026-03-20\)/);
    expect(byLine[8]).toMatchObject({ column: 'Campaign Member First Responded Date', value: 'sometime in March' });

    const globex = await touchpointsOf(deals.globex);
    expect(globex.map((t) => [t.source, t.external_id, t.team, t.kind, t.campaign])).toEqual([
      ['salesforce', '7015g000000SpWbAAK:0035g00000AnaCoAAJ:0065g00000GlbX1AAJ', 'marketing', 'webinar', 'Spring Webinar 2026'],
      ['salesforce', '7015g000000FlDeAAK:0035g00000BoBuRAAV:0065g00000GlbX1AAJ', 'marketing', 'campaign_response', 'Field Event Berlin'],
    ]);
    expect(globex[0].occurred_at.toISOString()).toBe('2026-01-15T12:00:00.000Z');
    // The 15-character opportunity id names the same deal as its 18-character form.
    expect(await touchpointsOf(deals.initech)).toHaveLength(1);
    const dirty = (await pool().query('select deal_id from attribution_dirty_deals where workspace_id = $1', [ws])).rows.map((r) => r.deal_id);
    expect(dirty).toEqual(expect.arrayContaining([deals.globex, deals.initech]));
    expect(await count(await bravoId())).toBe(0);

    const before = await count();
    const again = await importAsSuggested(file);
    expect(again.json).toMatchObject({ created: 0, updated: 3 });
    expect(again.json.refused).toHaveLength(first.json.refused.length);
    expect(await count()).toBe(before);
  });
});

describe('touchpoint import: other presets', () => {
  it('imports a Campaign Member report: responders only (a member without a response date or opportunity is refused)', async () => {
    const r = await importAsSuggested(fixture('salesforce-campaign-member.csv'));
    expect(r.json).toMatchObject({ created: 2, updated: 0 });
    expect(r.json.refused).toEqual([
      { line: 3, column: 'Opportunity ID', value: '', message: 'empty: every row names its deal (id or name)' },
      { line: 3, column: 'First Responded Date', value: '', message: 'empty: every touchpoint has a date' },
    ]);
    const partner = (await touchpointsOf(deals.globex)).find((t) => t.external_id === '00v5g00000CmA03AAF');
    expect(partner).toMatchObject({ kind: 'campaign_response', campaign: 'Partner Roadshow', team: 'marketing' });
  });

  it('imports HubSpot activity with UTM fields: the campaign from utm_campaign (else source / medium), the kind from the medium', async () => {
    const r = await importAsSuggested(fixture('hubspot-contact-activity-utm.csv'), pmm.client);
    expect(r.json).toMatchObject({ source: 'hubspot', created: 3, refused: [] });
    const rows = await touchpointsOf(deals.hooli);
    expect(rows.map((t) => [t.source, t.external_id, t.kind, t.campaign])).toEqual([
      ['hubspot', '90001', 'campaign_response', 'q1-renewals'],
      ['hubspot', '90002', 'campaign_response', 'february-digest'],
      ['hubspot', '90003', 'webinar', 'google / webinar'],
    ]);
    expect(rows[0].occurred_at.toISOString()).toBe('2026-01-20T14:05:00.000Z');
  });

  it('a hand-mapped CSV: deals by name in any case, team words, an unknown team and a repeated id refused', async () => {
    const mapping = { 'Touchpoint ID': 'externalId', Deal: 'deal', Date: 'occurredAt', Team: 'team', Type: 'kind', Campaign: 'campaign' };
    const r = await upload(admin, 'attribution/import', fixture('generic.csv'), { mapping: JSON.stringify(mapping), source: 'spreadsheet' });
    expect(r.code, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ source: 'spreadsheet', rows: 4, created: 2 });
    expect(r.json.refused).toEqual([
      { line: 4, column: 'Team', value: 'Alliances', message: 'not a team: marketing, sales or partner' },
      { line: 5, column: 'Touchpoint ID', value: 'TP-1', message: 'the same touchpoint id as line 2; each touchpoint once per file' },
    ]);
    const rows = (await touchpointsOf(deals.globex)).filter((t) => t.source === 'spreadsheet');
    expect(rows.map((t) => [t.external_id, t.team, t.kind])).toEqual([
      ['TP-1', 'sales', 'demo'],
      ['TP-2', 'partner', 'meeting'],
    ]);
  });

  it('refuses a mapping without the required fields, naming them', async () => {
    const r = await upload(admin, 'attribution/import', fixture('generic.csv'), { mapping: JSON.stringify({ Deal: 'deal' }) });
    expect(r.code).toBe(400);
    expect(r.json.detail).toMatch(/mapping: choose a column for Touchpoint id, Date/);
    const bad = await upload(admin, 'attribution/import', fixture('generic.csv'), { mapping: JSON.stringify({ Deal: 'dael' }) });
    expect(bad.code).toBe(400);
    expect(bad.json.detail).toMatch(/mapping\.Deal/);
    const unknownColumn = await upload(admin, 'attribution/import', fixture('generic.csv'), { mapping: JSON.stringify({ Nope: 'deal' }) });
    expect(unknownColumn.json.detail).toMatch(/no column "Nope" in the file/);
  });
});

describe('touchpoint import: who may, where, and all or nothing', () => {
  it('admin and marketing import; sales leads and reps cannot', async () => {
    const file = fixture('generic.csv');
    for (const who of [lead.client, rep.client]) {
      expect((await preview(file, who)).code).toBe(403);
      expect((await upload(who, 'attribution/import', file, { mapping: '{}' })).code).toBe(403);
    }
    expect((await preview(file, pmm.client)).code).toBe(200);
  });

  it("another workspace is not found, and its admin cannot reach this one's deals by their CRM ids", async () => {
    expect((await upload(admin, 'attribution/import/preview', fixture('generic.csv'), {}, 'bravo')).code).toBe(404);
    const before = await count();
    const r = await importAsSuggested(fixture('salesforce-campaign-influence.csv'), bravo, 'bravo');
    expect(r.code).toBe(200);
    // Only the Bravo deal's row imports, into Bravo; the Acme opportunities are unknown there.
    expect(r.json.created).toBe(1);
    expect(r.json.refused.filter((x: { message: string }) => x.message.startsWith('no deal')).map((x: { line: number }) => x.line)).toEqual([2, 3, 4, 5, 7, 8]);
    expect(await count()).toBe(before);
    expect(await count(await bravoId())).toBe(1);
  });

  it('writes nothing when the import fails part-way (one transaction)', async () => {
    const before = (await pool().query("select count(*)::int as n from touchpoints where workspace_id = $1 and source = 'crashy'", [ws])).rows[0].n;
    const spy = vi.spyOn(attributionRepository, 'markDirty').mockRejectedValueOnce(new Error('disk full'));
    try {
      const mapping = { 'Touchpoint ID': 'externalId', Deal: 'deal', Date: 'occurredAt' };
      const r = await upload(admin, 'attribution/import', 'Touchpoint ID,Deal,Date\nC-1,Globex expansion,2026-01-03\nC-2,Initech new,2026-01-04\n', { mapping: JSON.stringify(mapping), source: 'crashy' });
      expect(r.code).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect((await pool().query("select count(*)::int as n from touchpoints where workspace_id = $1 and source = 'crashy'", [ws])).rows[0].n).toBe(before);
  });
});

async function bravoId() {
  return (await pool().query("select id from workspaces where slug = 'bravo'")).rows[0].id as string;
}
