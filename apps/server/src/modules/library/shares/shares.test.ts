import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, type Client, type Harness } from '../../../../test/app-harness.ts';
import { pdfOf } from '../files/fixtures/sample-files.ts';
import { insertAsset, insertDeal, twoWorkspaces } from '../usage/usage.fixtures.ts';

let h: Harness;
let admin: Client;
let m: Awaited<ReturnType<typeof twoWorkspaces>>['m'];
let adminB: Client;
let wsA: string;
let wsB: string;
const ids = {} as Record<'published' | 'draft' | 'hostile' | 'assetB' | 'dealA' | 'dealB', string>;

const A = (path: string) => `/api/v1/workspaces/acme/${path}`;
const db = () => h.services.deps.database.db;
const VISITOR_IP = '203.0.113.77';
const VISITOR_UA = 'ProspectBrowser/9.9 (distinctive-ua-4711)';

async function share(who: Client, assetId: string, body: Record<string, unknown> = {}) {
  return call(h.app, who, 'POST', A(`assets/${assetId}/share-links`), { body });
}
const tokenOf = (url: string) => url.split('/s/')[1]!;
const open = (token: string, ip = VISITOR_IP, ua = VISITOR_UA, method: 'GET' | 'HEAD' = 'GET') =>
  h.app.inject({ method, url: `/s/${token}`, remoteAddress: ip, headers: { 'user-agent': ua } });

/** Every tag of an HTML page, so text that merely mentions `onerror=` (escaped) is not mistaken for an attribute. */
const tagsOf = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];

beforeAll(async () => {
  h = await createHarness();
  ({ admin, m, wsA, wsB, adminB } = await twoWorkspaces(h));
  const database = h.services.deps.database;
  ids.published = await insertAsset(database, wsA, {
    title: 'Working copy title (unpublished edits)',
    body: 'UNPUBLISHED working copy text',
    versions: [
      { title: 'Integration guide v1', body: 'OLD version one text', publishedAt: new Date('2026-01-05T10:00:00Z') },
      { title: 'Integration guide', body: '# Connect in minutes\n\nThe **current** version two text.', publishedAt: new Date('2026-03-12T10:00:00Z') },
    ],
  });
  ids.draft = await insertAsset(database, wsA, { title: 'Draft battlecard', body: 'not yet' });
  ids.hostile = await insertAsset(database, wsA, {
    title: 'Hostile <script>alert("title")</script>',
    versions: [
      {
        title: 'Hostile <script>alert("title")</script>',
        body: [
          '<script>alert(1)</script>',
          '<img src=x onerror="alert(2)">',
          '[click me](javascript:alert(3))',
          '<a href="javascript:alert(4)" onclick="alert(5)">raw link</a>',
          '![pic](javascript:alert(6))',
          '<iframe src="https://evil.example"></iframe>',
          '[fine](https://example.com/ok)',
        ].join('\n\n'),
      },
    ],
  });
  ids.assetB = await insertAsset(database, wsB, { title: 'Bravo pricing secrets', versions: [{ title: 'Bravo pricing secrets', body: 'BRAVO-ONLY body' }] });
  ids.dealA = await insertDeal(database, wsA, 'Globex expansion');
  ids.dealB = await insertDeal(database, wsB, 'Bravo deal');
});
afterAll(async () => h?.close());

describe('making share links', () => {
  it('makes a link for a deal: the url once, only a hash stored, a shared event with the deal', async () => {
    const res = await share(m.sales.client, ids.published, { dealId: ids.dealA, expiresInDays: 30 });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.url).toMatch(/^http:\/\/tandem\.test\/s\/[A-Za-z0-9_-]{43}$/);
    expect(body).toMatchObject({
      assetId: ids.published,
      deal: { id: ids.dealA, name: 'Globex expansion' },
      createdBy: { userId: m.sales.userId, name: 'Ravi Rep' },
      state: 'active',
      opens: 0,
      canRevoke: true,
    });
    expect(new Date(body.expiresAt).getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    const token = tokenOf(body.url);
    const stored = await db().execute(sql`select token_hash from share_links where id = ${body.id}`);
    expect(stored.rows[0]!.token_hash).not.toContain(token);
    const anywhere = await db().execute(sql`select count(*)::int as n from share_links t where t::text like ${'%' + token + '%'}`);
    expect(anywhere.rows[0]!.n).toBe(0);
    const events = await db().execute(sql`select kind, deal_id, user_id, share_link_id from asset_usage_events where share_link_id = ${body.id}`);
    expect(events.rows).toEqual([{ kind: 'shared', deal_id: ids.dealA, user_id: m.sales.userId, share_link_id: body.id }]);
  });

  it('refuses drafts, deals of other workspaces and bad expiry, naming the field', async () => {
    const draft = await share(admin, ids.draft);
    expect(draft.statusCode).toBe(409);
    expect(draft.json().code).toBe('LIBRARY_SHARE_NOT_PUBLISHED');
    const otherDeal = await share(admin, ids.published, { dealId: ids.dealB });
    expect(otherDeal.statusCode).toBe(400);
    expect(otherDeal.json().errors[0].path).toBe('body.dealId');
    const zero = await share(admin, ids.published, { expiresInDays: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].path).toBe('body.expiresInDays');
  });

  it('lets every member share; another workspace gets 404, nobody signed in 401', async () => {
    for (const who of [admin, m.marketing.client, m.sales_lead.client, m.sales.client]) {
      expect((await share(who, ids.published)).statusCode).toBe(201);
      expect((await call(h.app, who, 'GET', A(`assets/${ids.published}/share-links`))).statusCode).toBe(200);
    }
    expect((await share(adminB, ids.published)).statusCode).toBe(404);
    expect((await call(h.app, adminB, 'GET', A(`assets/${ids.published}/share-links`))).statusCode).toBe(404);
    // B's own workspace path with A's asset id: not found either.
    expect((await call(h.app, adminB, 'POST', `/api/v1/workspaces/bravo/assets/${ids.published}/share-links`, { body: {} })).statusCode).toBe(404);
    expect((await share({}, ids.published)).statusCode).toBe(401);
  });
});

describe('the public share page', () => {
  it('shows the current published version and the workspace name, with strict headers and no login', async () => {
    const link = (await share(m.sales.client, ids.published, { dealId: ids.dealA })).json();
    const res = await open(tokenOf(link.url));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<h1>Integration guide</h1>');
    expect(res.body).toContain('The <strong>current</strong> version two text.');
    expect(res.body).toContain('Shared by Acme');
    expect(res.body).toContain('Version 2, published 12 March 2026');
    for (const absent of ['OLD version one text', 'UNPUBLISHED', 'Working copy title', 'Ravi Rep', 'ravi@acme.test', 'Globex', wsA, ids.published, ids.dealA, link.id, m.sales.userId]) {
      expect(res.body).not.toContain(absent);
    }
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe/);
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(res.body).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toMatch(/<script/i);
  });

  it('renders a hostile Markdown/HTML payload inert: no script, no on* attribute, no javascript: anywhere in a tag', async () => {
    const link = (await share(admin, ids.hostile)).json();
    const res = await open(tokenOf(link.url));
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).not.toMatch(/<iframe/i);
    const tags = tagsOf(res.body);
    expect(tags.length).toBeGreaterThan(10);
    for (const tag of tags) {
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag.toLowerCase()).not.toContain('javascript:');
    }
    expect(res.body).toContain('<a href="https://example.com/ok" rel="noopener noreferrer nofollow">fine</a>');
    expect(res.body).toContain('<h1>Hostile &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</h1>');
  });

  it('counts every open with a hashed visitor; the address and browser are stored nowhere', async () => {
    const link = (await share(m.sales.client, ids.published, { dealId: ids.dealA })).json();
    const token = tokenOf(link.url);
    expect((await open(token)).statusCode).toBe(200);
    expect((await open(token)).statusCode).toBe(200);
    expect((await open(token, '198.51.100.23', 'Other/1.0')).statusCode).toBe(200);
    // A HEAD (a link checker) counts nothing.
    expect((await open(token, VISITOR_IP, VISITOR_UA, 'HEAD')).statusCode).toBe(200);
    const list = (await call(h.app, m.sales.client, 'GET', A(`assets/${ids.published}/share-links`))).json();
    const row = list.items.find((l: { id: string }) => l.id === link.id);
    expect(row).toMatchObject({ opens: 3, visitors: 2, state: 'active' });
    expect(row.lastOpenedAt).not.toBeNull();
    const opens = await db().execute(sql`select visitor_hash, workspace_id from share_opens where share_link_id = ${link.id}`);
    expect(opens.rows).toHaveLength(3);
    for (const o of opens.rows) {
      expect(o.visitor_hash).toMatch(/^[0-9a-f]{16}$/);
      expect(o.workspace_id).toBe(wsA);
    }
    const events = await db().execute(sql`select deal_id, user_id from asset_usage_events where share_link_id = ${link.id} and kind = 'share_opened'`);
    expect(events.rows).toEqual([
      { deal_id: ids.dealA, user_id: null },
      { deal_id: ids.dealA, user_id: null },
      { deal_id: ids.dealA, user_id: null },
    ]);
    // No table holds the visitor's address or browser, in any column.
    const tables = await db().execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables.rows) {
      for (const secret of [VISITOR_IP, 'distinctive-ua-4711']) {
        const hit = await db().execute(sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text like ${'%' + secret + '%'}`);
        expect(hit.rows[0]!.n, `${secret} found in ${table_name}`).toBe(0);
      }
    }
  });

  it('turns a revoked link into a 410 page at once', async () => {
    const link = (await share(m.sales.client, ids.published, { dealId: ids.dealA })).json();
    const token = tokenOf(link.url);
    expect((await open(token)).statusCode).toBe(200);
    // Not the maker and not a library writer: refused.
    const refused = await call(h.app, m.sales_lead.client, 'POST', A(`assets/${ids.published}/share-links/${link.id}/revoke`));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('LIBRARY_SHARE_REVOKE_FORBIDDEN');
    expect((await open(token)).statusCode).toBe(200);
    const revoked = await call(h.app, m.sales.client, 'POST', A(`assets/${ids.published}/share-links/${link.id}/revoke`));
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'revoked', revokedBy: { name: 'Ravi Rep' }, canRevoke: false, opens: 2 });
    const gone = await open(token);
    expect(gone.statusCode).toBe(410);
    expect(gone.headers['cache-control']).toBe('no-store');
    expect(gone.body).toContain('This link no longer works');
    expect(gone.body).toMatch(/The sender turned this link off on \d{1,2} \w+ \d{4}\./);
    expect(gone.body).toContain('ask the person at Acme who sent it to you for a new link');
    expect(gone.body).not.toContain('Integration guide');
    // A gone link records no open.
    const opens = await db().execute(sql`select count(*)::int as n from share_opens where share_link_id = ${link.id}`);
    expect(opens.rows[0]!.n).toBe(2);
    // Revoking again answers the link as it is.
    expect((await call(h.app, admin, 'POST', A(`assets/${ids.published}/share-links/${link.id}/revoke`))).json().state).toBe('revoked');
  });

  it('lets whoever manages the library revoke any link; other workspaces get 404', async () => {
    const link = (await share(m.sales.client, ids.published)).json();
    expect((await call(h.app, adminB, 'POST', A(`assets/${ids.published}/share-links/${link.id}/revoke`))).statusCode).toBe(404);
    expect((await call(h.app, adminB, 'POST', `/api/v1/workspaces/bravo/assets/${ids.published}/share-links/${link.id}/revoke`)).statusCode).toBe(404);
    const byMarketing = await call(h.app, m.marketing.client, 'POST', A(`assets/${ids.published}/share-links/${link.id}/revoke`));
    expect(byMarketing.statusCode).toBe(200);
    expect(byMarketing.json().revokedBy.name).toBe('Maya Marketing');
  });

  it('answers an expired link with a 410 page naming the day it expired', async () => {
    const link = (await share(m.sales.client, ids.published, { expiresInDays: 1 })).json();
    await db().execute(sql`update share_links set expires_at = '2026-02-01T09:00:00Z' where id = ${link.id}`);
    const res = await open(tokenOf(link.url));
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('This link expired on 1 February 2026.');
    const list = (await call(h.app, m.sales.client, 'GET', A(`assets/${ids.published}/share-links`))).json();
    expect(list.items.find((l: { id: string }) => l.id === link.id).state).toBe('expired');
  });

  it('answers a link to withdrawn material with a 410, and unknown tokens with a 404 page', async () => {
    const asset = await insertAsset(h.services.deps.database, wsA, { title: 'Soon archived', versions: [{ title: 'Soon archived', body: 'x' }] });
    const link = (await share(admin, asset)).json();
    await db().execute(sql`update assets set status = 'archived' where id = ${asset}`);
    const gone = await open(tokenOf(link.url));
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('withdrawn');
    for (const token of ['A'.repeat(43), 'not-a-token', `${tokenOf(link.url)}x`]) {
      const res = await open(token);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('Link not found');
      expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
    }
  });

  it("keeps workspaces apart: A's link shows nothing of B, and B's link shows B's asset only", async () => {
    const linkA = (await share(admin, ids.published)).json();
    const pageA = await open(tokenOf(linkA.url));
    for (const absent of ['Bravo', 'BRAVO-ONLY', wsB, ids.assetB]) expect(pageA.body).not.toContain(absent);
    const linkB = await call(h.app, adminB, 'POST', `/api/v1/workspaces/bravo/assets/${ids.assetB}/share-links`, { body: {} });
    expect(linkB.statusCode).toBe(201);
    const pageB = await open(tokenOf(linkB.json().url));
    expect(pageB.statusCode).toBe(200);
    expect(pageB.body).toContain('BRAVO-ONLY body');
    expect(pageB.body).toContain('Shared by Bravo Secret Corp');
    for (const absent of ['Integration guide', 'Acme', wsA]) expect(pageB.body).not.toContain(absent);
    const opensB = await db().execute(sql`select workspace_id from share_opens where share_link_id = ${linkB.json().id}`);
    expect(opensB.rows).toEqual([{ workspace_id: wsB }]);
    // B cannot list or revoke A's links through its own workspace either.
    expect((await call(h.app, adminB, 'GET', `/api/v1/workspaces/bravo/assets/${ids.published}/share-links`)).statusCode).toBe(404);
  });

  it('lists the asset files with download links that work while the link does, and never who uploaded them', async () => {
    const asset = await insertAsset(h.services.deps.database, wsA, { title: 'With a PDF', versions: [{ title: 'With a PDF', body: 'See the file.' }] });
    const form = new FormData();
    const pdf = pdfOf('Globex pricing sheet');
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'Pricing “sheet”.pdf');
    const req = new Request('http://tandem.test', { method: 'POST', body: form });
    const up = await call(h.app, m.marketing.client, 'POST', A(`assets/${asset}/files`), {
      body: Buffer.from(await req.arrayBuffer()),
      headers: { 'content-type': req.headers.get('content-type')! },
    });
    expect(up.statusCode).toBe(201);
    const fileId = up.json().id as string;
    const link = (await share(m.sales.client, asset)).json();
    const token = tokenOf(link.url);
    const page = await open(token);
    expect(page.body).toContain(`<a href="/s/${token}/files/${fileId}" download>Pricing “sheet”.pdf</a>`);
    expect(page.body).not.toContain('Maya');
    const file = await h.app.inject({ method: 'GET', url: `/s/${token}/files/${fileId}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    // Another file id, or a file of another asset: the 404 page.
    expect((await h.app.inject({ method: 'GET', url: `/s/${token}/files/${ids.published}` })).statusCode).toBe(404);
    await call(h.app, m.sales.client, 'POST', A(`assets/${asset}/share-links/${link.id}/revoke`));
    const gone = await h.app.inject({ method: 'GET', url: `/s/${token}/files/${fileId}` });
    expect(gone.statusCode).toBe(410);
    expect(gone.headers['content-type']).toMatch(/^text\/html/);
  });
});
