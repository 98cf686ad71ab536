import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { createDispatcher } from '../../notifications/index.ts';
import { addDays, todayIso } from '../asset-summaries.ts';
import { remindOverdueReviews } from './assets.service.ts';

let h: Harness;
let admin: Client;
let adminId: string;
let pmm: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let rep2: { client: Client; userId: string };
let lead: { client: Client; userId: string };
let ws: string;
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;
const pool = () => h.services.deps.database.pool;
const noJobs = { send: async () => null };
const today = todayIso();

async function create(who: Client, body: Record<string, unknown>) {
  const res = await call(h.app, who, 'POST', api('assets'), { body: { type: 'battlecard', ...body } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function ok(who: Client, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown) {
  const res = await call(h.app, who, method, api(path), body === undefined ? {} : { body });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

const inboxOf = async (userId: string, type: string) =>
  (await pool().query('select * from inbox_items where user_id = $1 and type = $2 order by created_at', [userId, type])).rows;
const eventsOf = async (type: string) => (await pool().query('select * from events where workspace_id = $1 and type = $2 order by created_at', [ws, type])).rows;

async function dispatchAll() {
  const dispatcher = createDispatcher(h.services.deps, noJobs);
  while ((await dispatcher.dispatchBatch()) > 0);
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  const me = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json();
  ws = me.id;
  adminId = (await pool().query("select id from users where email = 'ada@acme.test'")).rows[0].id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  rep2 = await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales', 'Sam Rep');
  lead = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
});
afterAll(async () => h?.close());

describe('create, publish, versions, diff', () => {
  it('a draft is the writer’s alone; publishing makes version 1, then 2; readers see the published version only', async () => {
    const draft = await create(pmm.client, { title: 'Acme vs Globex', body: 'Intro\n\nWe win on price.\n', tags: { products: ['Core'], regions: ['EMEA'] } });
    expect(draft.version).toBeNull();
    expect(draft.asset).toMatchObject({ status: 'draft', currentVersion: null, versions: 0, owner: { userId: pmm.userId, name: 'Pia Marketing' } });
    expect(draft.asset.freshness.state).toBe('not_published');
    const id = draft.asset.id as string;
    // Readers never see a draft: 404, as if it did not exist.
    for (const who of [rep.client, lead.client]) {
      expect((await call(h.app, who, 'GET', api(`assets/${id}`))).statusCode).toBe(404);
      expect((await call(h.app, who, 'GET', api(`assets/${id}/versions`))).statusCode).toBe(404);
    }

    const v1 = await ok(pmm.client, 'POST', `assets/${id}/publish`, { changeNote: 'First cut' });
    expect(v1.version).toBe(1);
    expect(v1.asset).toMatchObject({ status: 'published', currentVersion: 1, versions: 1, unpublishedChanges: false });
    expect(v1.asset.freshness).toMatchObject({ state: 'fresh', reviewBy: addDays(today, 90) });

    // Nothing changed since version 1: nothing to publish.
    const again = await call(h.app, pmm.client, 'POST', api(`assets/${id}/publish`), { body: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('LIBRARY_NOTHING_TO_PUBLISH');

    // The working copy changes; the rep keeps reading version 1 until the next publish.
    const edited = await ok(pmm.client, 'PATCH', `assets/${id}`, { body: 'Intro\n\nWe win on total cost.\nAnd on support.\n', title: 'Acme vs Globex (2025)' });
    expect(edited.unpublishedChanges).toBe(true);
    const asRep = await ok(rep.client, 'GET', `assets/${id}`);
    expect(asRep).toMatchObject({ title: 'Acme vs Globex', shownVersion: 1, body: 'Intro\n\nWe win on price.\n' });
    expect(asRep.permissions).toEqual({ edit: false, publish: false, archive: false, verify: false, follow: true });

    const v2 = await ok(pmm.client, 'POST', `assets/${id}/publish`, { changeNote: 'Cost, not price' });
    expect(v2.version).toBe(2);
    expect((await ok(rep.client, 'GET', `assets/${id}`)).body).toContain('total cost');

    const versions = await ok(rep.client, 'GET', `assets/${id}/versions`);
    expect(versions.items.map((v: { number: number; changeNote: string }) => [v.number, v.changeNote])).toEqual([
      [2, 'Cost, not price'],
      [1, 'First cut'],
    ]);
    expect(versions.items[0].publishedBy).toEqual({ userId: pmm.userId, name: 'Pia Marketing' });
    const one = await ok(rep.client, 'GET', `assets/${id}/versions/1`);
    expect(one).toMatchObject({ number: 1, title: 'Acme vs Globex', body: 'Intro\n\nWe win on price.\n' });
    expect(one.bodyHtml).toContain('<p>We win on price.</p>');
    const missing = await call(h.app, rep.client, 'GET', api(`assets/${id}/versions/9`));
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('LIBRARY_VERSION_NOT_FOUND');

    const diff = await ok(rep.client, 'GET', `assets/${id}/diff?from=1&to=2`);
    expect(diff).toMatchObject({ from: { number: 1 }, to: { number: 2, title: 'Acme vs Globex (2025)' }, titleChanged: true, added: 2, removed: 1 });
    expect(diff.hunks).toHaveLength(1);
    expect(diff.hunks[0].lines).toEqual([
      { kind: 'context', text: 'Intro', oldNumber: 1, newNumber: 1 },
      { kind: 'context', text: '', oldNumber: 2, newNumber: 2 },
      { kind: 'removed', text: 'We win on price.', oldNumber: 3, newNumber: null },
      { kind: 'added', text: 'We win on total cost.', oldNumber: null, newNumber: 3 },
      { kind: 'added', text: 'And on support.', oldNumber: null, newNumber: 4 },
    ]);
    const bad = await call(h.app, rep.client, 'GET', api(`assets/${id}/diff?from=0&to=2`));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('from');

    const audit = (await pool().query("select action from audit_log where workspace_id = $1 and target_id = $2 order by created_at", [ws, id])).rows.map((r) => r.action);
    expect(audit).toEqual(['asset.created', 'asset.published', 'asset.updated', 'asset.published']);
  });

  it('status "published" at create publishes version 1 with the review period of the type from the settings', async () => {
    const bad = await call(h.app, pmm.client, 'PUT', api('library/settings'), { body: { reviewDays: { battlecard: 0 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('reviewDays.battlecard');
    expect((await call(h.app, pmm.client, 'PUT', api('library/settings'), { body: { reviewDays: { deck: 731 } } })).statusCode).toBe(400);
    expect((await call(h.app, rep.client, 'PUT', api('library/settings'), { body: { reviewDays: { deck: 30 } } })).statusCode).toBe(403);
    const saved = await ok(pmm.client, 'PUT', 'library/settings', { reviewDays: { case_study: 30 } });
    expect(saved.reviewDays).toMatchObject({ case_study: 30, battlecard: 90, deck: 90 });
    expect((await ok(rep.client, 'GET', 'library/settings')).reviewDays.case_study).toBe(30);

    const made = await create(pmm.client, { type: 'case_study', title: 'Initech rollout', body: 'Story', status: 'published', changeNote: 'New' });
    expect(made.version).toBe(1);
    expect(made.asset).toMatchObject({ status: 'published', currentVersion: 1, reviewDays: 30 });
    expect(made.asset.freshness.reviewBy).toBe(addDays(today, 30));
  });

  it('archives, refuses a second archive, and publishing again brings the same version back', async () => {
    const { asset } = await create(pmm.client, { title: 'Old deck', body: 'x', status: 'published' });
    const archived = await ok(pmm.client, 'POST', `assets/${asset.id}/archive`);
    expect(archived.status).toBe('archived');
    expect((await call(h.app, rep.client, 'GET', api(`assets/${asset.id}`))).statusCode).toBe(404);
    const twice = await call(h.app, pmm.client, 'POST', api(`assets/${asset.id}/archive`));
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'LIBRARY_ALREADY_ARCHIVED']);
    const back = await ok(pmm.client, 'POST', `assets/${asset.id}/publish`, {});
    expect(back).toMatchObject({ version: 1, notified: 0, asset: { status: 'published', versions: 1 } });
  });
});

describe('tags and owner', () => {
  it('checks competitor tags exist in the workspace, names the bad one, and writes tag_text with their names', async () => {
    const [{ id: globex }] = (
      await pool().query("insert into competitors (workspace_id, name) values ($1, 'Globex') returning id", [ws])
    ).rows;
    const unknown = '00000000-0000-4000-8000-000000000001';
    const res = await call(h.app, pmm.client, 'POST', api('assets'), {
      body: { title: 'Tagged', type: 'battlecard', tags: { competitors: [globex, unknown] } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'body.tags.competitors.1', message: `no competitor ${unknown} in this workspace` }]);

    const { asset } = await create(pmm.client, { title: 'Tagged', tags: { competitors: [globex], products: ['Core', 'Core'], personas: ['CFO'] } });
    expect(asset.tags).toEqual({ products: ['Core'], segments: [], personas: ['CFO'], competitors: [{ id: globex, name: 'Globex' }], stages: [], regions: [] });
    const row = async () => (await pool().query('select tag_text from assets where id = $1', [asset.id])).rows[0].tag_text;
    expect(await row()).toBe('Core CFO Globex');
    // A facet given replaces that facet; the others stay.
    const patched = await ok(pmm.client, 'PATCH', `assets/${asset.id}`, { tags: { regions: ['EMEA'] } });
    expect(patched.tags).toMatchObject({ products: ['Core'], regions: ['EMEA'], competitors: [{ id: globex, name: 'Globex' }] });
    expect(await row()).toBe('Core CFO EMEA Globex');
  });

  it('gives the asset an owner who can write the library, never a rep', async () => {
    const { asset } = await create(pmm.client, { title: 'Owned' });
    const bad = await call(h.app, pmm.client, 'PATCH', api(`assets/${asset.id}`), { body: { ownerUserId: rep.userId } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.ownerUserId');
    expect((await ok(pmm.client, 'PATCH', `assets/${asset.id}`, { ownerUserId: adminId })).owner.userId).toBe(adminId);
  });
});

describe('freshness', () => {
  it('an asset past its review date is overdue; verify restarts the clock and records who verified', async () => {
    const { asset } = await create(pmm.client, { title: 'Pricing FAQ', type: 'faq', body: 'Q', status: 'published' });
    await pool().query('update assets set review_by = $1 where id = $2', [addDays(today, -3), asset.id]);
    const overdue = await ok(rep.client, 'GET', `assets/${asset.id}`);
    expect(overdue.freshness).toMatchObject({ state: 'overdue', reviewBy: addDays(today, -3), verifiedAt: null });

    expect((await call(h.app, rep.client, 'POST', api(`assets/${asset.id}/verify`))).statusCode).toBe(403);
    const verified = await ok(pmm.client, 'POST', `assets/${asset.id}/verify`);
    expect(verified.freshness).toMatchObject({ state: 'fresh', reviewBy: addDays(today, 90), verifiedBy: { userId: pmm.userId, name: 'Pia Marketing' } });
    expect(verified.freshness.verifiedAt).not.toBeNull();
    const audit = (await pool().query("select details from audit_log where action = 'asset.verified' and target_id = $1", [asset.id])).rows;
    expect(audit).toEqual([{ details: { reviewByWas: addDays(today, -3), reviewBy: addDays(today, 90) } }]);

    const { asset: draft } = await create(pmm.client, { title: 'Unpublished' });
    const refused = await call(h.app, pmm.client, 'POST', api(`assets/${draft.id}/verify`));
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'LIBRARY_VERIFY_NOT_PUBLISHED']);
  });

  it('the daily job reminds each owner of their overdue assets once a day', async () => {
    // Start clean: everything published so far is fresh.
    await pool().query("update assets set review_by = $1 where workspace_id = $2 and status = 'published'", [addDays(today, 30), ws]);
    const mk = async (title: string, ownerUserId: string, daysAgo: number) => {
      const { asset } = await create(pmm.client, { title, body: title, status: 'published', ownerUserId });
      await pool().query('update assets set review_by = $1 where id = $2', [addDays(today, -daysAgo), asset.id]);
      return asset.id as string;
    };
    const a = await mk('Overdue A', pmm.userId, 10);
    await mk('Overdue B', pmm.userId, 2);
    await mk('Overdue C', adminId, 1);
    const verifiedLater = await mk('Overdue D', adminId, 5);

    expect(await remindOverdueReviews(h.services.deps, today)).toBe(2);
    // Same day again (another worker, a retried job): nobody hears twice.
    expect(await remindOverdueReviews(h.services.deps, today)).toBe(0);
    const events = await eventsOf('asset.review_due');
    expect(events).toHaveLength(2);
    const toPmm = events.find((e) => e.payload.ownerUserId === pmm.userId)!.payload;
    expect(toPmm).toMatchObject({ day: today, total: 2 });
    expect(toPmm.assets.map((x: { assetId: string; daysOverdue: number }) => x.daysOverdue)).toEqual([10, 2]);
    expect(toPmm.assets[0].assetId).toBe(a);

    await dispatchAll();
    const inbox = await inboxOf(pmm.userId, 'asset.review_due');
    expect(inbox).toHaveLength(1);
    expect(inbox[0].title).toBe('2 of your assets are overdue for review');

    // The next day: still overdue, reminded again — except what was verified meanwhile.
    await ok(admin, 'POST', `assets/${verifiedLater}/verify`);
    const tomorrow = addDays(today, 1);
    expect(await remindOverdueReviews(h.services.deps, tomorrow)).toBe(2);
    const toAdmin = (await eventsOf('asset.review_due')).filter((e) => e.payload.ownerUserId === adminId).at(-1)!.payload;
    expect(toAdmin).toMatchObject({ day: tomorrow, total: 1, assets: [{ title: 'Overdue C', daysOverdue: 2 }] });
  });
});

describe('followers', () => {
  it('hear of each new version (not the publisher, not those who stopped following)', async () => {
    const { asset } = await create(pmm.client, { title: 'Talk track', type: 'talk_track', body: 'v1', status: 'published' });
    expect(await ok(rep.client, 'PUT', `assets/${asset.id}/follow`)).toEqual({ following: true, followers: 1 });
    await ok(rep2.client, 'PUT', `assets/${asset.id}/follow`);
    await ok(pmm.client, 'PUT', `assets/${asset.id}/follow`);
    expect(await ok(rep2.client, 'DELETE', `assets/${asset.id}/follow`)).toEqual({ following: false, followers: 2 });
    expect((await ok(rep.client, 'GET', `assets/${asset.id}`)).following).toBe(true);

    await ok(pmm.client, 'PATCH', `assets/${asset.id}`, { body: 'v2' });
    const published = await ok(pmm.client, 'POST', `assets/${asset.id}/publish`, { changeNote: 'New pricing objection' });
    expect(published.notified).toBe(1);
    const event = (await eventsOf('asset.version_published')).at(-1)!;
    expect(event.payload).toMatchObject({ assetId: asset.id, version: 2, changeNote: 'New pricing objection', recipientUserIds: [rep.userId] });

    await dispatchAll();
    const inbox = await inboxOf(rep.userId, 'asset.version_published');
    expect(inbox.at(-1)).toMatchObject({ title: 'Talk track: version 2' });
    expect(inbox.at(-1).body).toContain('New pricing objection');
    expect(await inboxOf(rep2.userId, 'asset.version_published')).toHaveLength(0);
    expect(await inboxOf(pmm.userId, 'asset.version_published')).toHaveLength(0);
  });
});

describe('Markdown', () => {
  it('comes back inert in bodyHtml, whoever reads it', async () => {
    const body = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '[click me](javascript:alert(3))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)',
      '<a href="javascript:alert(5)" onclick="alert(6)">raw</a>',
      '![pic](javascript:alert(7))',
      '**safe** [site](https://example.com)',
    ].join('\n\n');
    const { asset } = await create(pmm.client, { title: 'XSS', body, status: 'published' });
    for (const who of [pmm.client, rep.client]) {
      const html = (await ok(who, 'GET', `assets/${asset.id}`)).bodyHtml as string;
      // Every real tag (escaped text such as &lt;script&gt; is only text) is harmless.
      const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag).not.toMatch(/^<(script|img|iframe)|\son\w+=|(href|src)="(?!https?:)/i);
      expect(html).toContain('&lt;script&gt;');
      expect(html).toContain('<strong>safe</strong>');
      expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">site</a>');
    }
    // The editor's preview renders through the same sanitizer, for writers only.
    const preview = await ok(pmm.client, 'POST', 'assets/preview', { body });
    expect(preview.bodyHtml).toBe((await ok(pmm.client, 'GET', `assets/${asset.id}`)).bodyHtml);
    expect((await call(h.app, rep.client, 'POST', api('assets/preview'), { body: { body } })).statusCode).toBe(403);
  });
});

describe('linked themes', () => {
  it('lists the feedback themes whose links point at the asset', async () => {
    const { asset } = await create(pmm.client, { title: 'Answer to SSO asks', status: 'published' });
    const theme = await call(h.app, pmm.client, 'POST', api('themes'), { body: { name: 'SSO with Okta', itemIds: [] } });
    expect(theme.statusCode, theme.body).toBe(201);
    await pool().query("insert into theme_links (workspace_id, theme_id, kind, title, target_id) values ($1, $2, 'asset', 'Answer', $3)", [
      ws,
      theme.json().id,
      asset.id,
    ]);
    expect((await ok(rep.client, 'GET', `assets/${asset.id}`)).themes).toEqual([{ themeId: theme.json().id, name: 'SSO with Okta', status: 'new' }]);
  });
});

describe('role matrix', () => {
  it('writers create, edit, publish, archive and verify; readers read published material and follow', async () => {
    const { asset } = await create(pmm.client, { title: 'Matrix', status: 'published' });
    const id = asset.id as string;
    for (const who of [rep.client, lead.client]) {
      expect((await call(h.app, who, 'POST', api('assets'), { body: { title: 'x', type: 'faq' } })).statusCode).toBe(403);
      expect((await call(h.app, who, 'PATCH', api(`assets/${id}`), { body: { title: 'x' } })).statusCode).toBe(403);
      expect((await call(h.app, who, 'POST', api(`assets/${id}/publish`), { body: {} })).statusCode).toBe(403);
      expect((await call(h.app, who, 'POST', api(`assets/${id}/archive`))).statusCode).toBe(403);
      expect((await call(h.app, who, 'POST', api(`assets/${id}/verify`))).statusCode).toBe(403);
      expect((await call(h.app, who, 'GET', api(`assets/${id}`))).statusCode).toBe(200);
      expect((await call(h.app, who, 'GET', api(`assets/${id}/versions`))).statusCode).toBe(200);
      expect((await call(h.app, who, 'GET', api(`assets/${id}/diff?from=1&to=1`))).statusCode).toBe(200);
      expect((await call(h.app, who, 'PUT', api(`assets/${id}/follow`))).statusCode).toBe(200);
    }
    const mine = await ok(admin, 'PATCH', `assets/${id}`, { title: 'Matrix (admin)' });
    expect(mine.permissions).toEqual({ edit: true, publish: true, archive: true, verify: true, follow: true });
    expect((await call(h.app, null, 'GET', api(`assets/${id}`))).statusCode).toBe(401);
  });

  it('another workspace sees nothing of this one', async () => {
    const { asset } = await create(pmm.client, { title: 'Secret plan', status: 'published' });
    const cli = { userId: null, name: 'cli', via: 'cli' as const, ip: null, requestId: null };
    const other = await h.services.workspaces.create(cli, { name: 'Other', slug: 'other' }, null);
    await h.services.workspaces.addMember(
      { workspaceId: other.id, slug: 'other', role: 'admin', actor: cli },
      { email: 'olga@other.test', name: 'Olga Other', role: 'admin', password: PASSWORD },
    );
    const olga = await login(h.app, 'olga@other.test', PASSWORD);
    expect((await call(h.app, olga, 'GET', api(`assets/${asset.id}`))).statusCode).toBe(404);
    for (const path of [`assets/${asset.id}`, `assets/${asset.id}/versions`, `assets/${asset.id}/versions/1`]) {
      const res = await call(h.app, olga, 'GET', `/api/v1/workspaces/other/${path}`);
      expect([res.statusCode, res.json().code]).toEqual([404, 'LIBRARY_ASSET_NOT_FOUND']);
    }
    for (const [method, path] of [['POST', 'publish'], ['POST', 'archive'], ['POST', 'verify'], ['PUT', 'follow']] as const) {
      expect((await call(h.app, olga, method, `/api/v1/workspaces/other/assets/${asset.id}/${path}`, { body: {} })).statusCode).toBe(404);
    }
    expect((await call(h.app, olga, 'PATCH', `/api/v1/workspaces/other/assets/${asset.id}`, { body: { title: 'mine' } })).statusCode).toBe(404);
    expect((await ok(pmm.client, 'GET', `assets/${asset.id}`)).title).toBe('Secret plan');
  });
});
