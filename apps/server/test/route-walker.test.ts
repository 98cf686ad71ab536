/**
 * Walks every registered route, so that new routes are covered without new tests:
 * (a) a member of workspace B gets 404 for workspace A's resources and cannot change them;
 * (b) what each role may do is role-matrix.test.ts: a hand-written table of expected outcomes, not this walk;
 * (c) every non-public route answers 401 without credentials;
 * (d) every public route is in the one public list, and that list names only real routes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, DEFAULT_PULSE_QUESTIONS, ROLES, type Role } from '@tandem/contracts';
import type { RouteEntry } from '../src/http/request-context.ts';
import { PUBLIC_ROUTES } from '../src/plugins/public-routes.ts';
import { cliActor } from '../src/lib/context.ts';
import { dealsRepository } from '../src/modules/deals/deals.repository.ts';
import { integrationsRepository } from '../src/modules/notifications/integrations/integrations.repository.ts';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness } from './app-harness.ts';
import { outboxRepository } from '../src/modules/notifications/outbox/outbox.repository.ts';
import { feedbackRepository } from '../src/modules/feedback/items/items.repository.ts';
import { feedbackImportRepository } from '../src/modules/feedback/feedback-import/feedback-import.repository.ts';
import { suggestionsRepository } from '../src/modules/feedback/suggestions/suggestions.repository.ts';
import { pdfOf } from '../src/modules/library/files/fixtures/sample-files.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let h: Harness;
let routes: RouteEntry[];
const A = 'alpha';
const B = 'bravo';
const clients = {} as Record<Role, Client>;
let adminA: Client;
let adminB: Client;
let tokenB: string;
const clientsB: Partial<Record<Role, Client>> = {};
/** A's resources, by the route parameter that names them. */
const fixturesA: Record<string, string> = {};

function fill(url: string, slug: string, ids: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'workspace') return slug;
    const v = ids[name];
    if (!v) throw new Error(`route-walker: no fixture for :${name} in ${url}; add one in beforeAll`);
    return v;
  });
}

const randomIds = new Proxy({} as Record<string, string>, {
  get: (_t, name: string) => (name === 'token' ? 'x'.repeat(20) : randomUUID()),
});

beforeAll(async () => {
  h = await createHarness();
  routes = h.app.routeCatalog;
  adminA = await setupAdmin(h.app, { slug: A, email: 'admin@alpha.test' });
  clients.admin = adminA;
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const m = await addMember(h.app, adminA, A, `${role}@alpha.test`, role);
    clients[role] = m.client;
    if (role === 'sales') fixturesA.userId = m.userId;
  }
  // Workspace B, made as the CLI makes one, with an admin who belongs nowhere else.
  const wsB = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: B }, null);
  await h.services.workspaces.addMember(
    { workspaceId: wsB.id, slug: B, role: 'admin', actor: cliActor() },
    { email: 'admin@bravo.test', name: 'Bea Bravo', role: 'admin', password: PASSWORD },
  );
  adminB = await login(h.app, 'admin@bravo.test', PASSWORD);
  tokenB = (await call(h.app, adminB, 'POST', `/api/v1/workspaces/${B}/tokens`, { body: { name: 'b' } })).json().token;
  // B's people of the other roles: a route only they may use (answering a pulse) is walked as one of them.
  for (const role of ROLES.filter((r) => r !== 'admin')) clientsB[role] = (await addMember(h.app, adminB, B, `${role}@bravo.test`, role)).client;

  const team = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/teams`, {
    body: { name: 'A team', memberUserIds: [fixturesA.userId] },
  });
  fixturesA.teamId = team.json().id;
  const inv = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/invitations`, { body: { email: 'pending@alpha.test', role: 'sales' } });
  fixturesA.id = inv.json().id;
  fixturesA.token = inv.json().url.split('/invite/')[1];
  const tok = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/tokens`, { body: { name: 'a' } });
  fixturesA.tokenId = tok.json().id;
  const wsA = (await call(h.app, adminA, 'GET', `/api/v1/workspaces/${A}`)).json().id as string;
  const { db } = h.services.deps.database;
  const [account] = await dealsRepository.insertAccounts(db, [{ workspaceId: wsA, name: 'A account', segment: 'SMB' }]);
  fixturesA.accountId = account!.id;
  const [deal] = await dealsRepository.insertDeals(db, [
    { workspaceId: wsA, source: 'walker', externalId: 'a1', name: 'A deal', accountId: account!.id, stage: 'Prospecting', stageCategory: 'open' },
  ]);
  fixturesA.dealId = deal!.id;
  const upsert = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/deals/upsert`, {
    body: { source: 'walker', deals: [{ externalId: 'a2', stage: 'Prospecting' }] },
  });
  fixturesA.importId = upsert.json().importId;
  // Inserted directly: the API would resolve hooks.slack.com, and tests do not rely on DNS.
  const sub = await integrationsRepository.insertWebhook(db, { workspaceId: wsA, url: 'https://8.8.8.8/alpha', eventTypes: ['import.completed'], secret: 'whsec_alpha' });
  fixturesA.subscriptionId = sub.id;
  const slack = await integrationsRepository.insertSlackChannel(db, { workspaceId: wsA, name: '#alpha', webhookUrl: 'https://hooks.slack.com/services/T/B/alpha', eventTypes: ['import.completed'] });
  fixturesA.channelId = slack.id;
  const event = await outboxRepository.insertEvent(db, { workspaceId: wsA, type: 'import.completed', version: 1, payload: {} });
  const [delivery] = await outboxRepository.insertDeliveries(db, [
    { workspaceId: wsA, eventId: event.id, eventType: 'import.completed', channel: 'webhook', target: 'https://8.8.8.8/alpha', targetId: sub.id },
  ]);
  fixturesA.deliveryId = delivery!.id;
  const item = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/feedback`, {
    body: { kind: 'objection', text: 'Alpha says the price is too high', dealId: deal!.id },
  });
  fixturesA.itemId = item.json().item.id;
  const theme = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/themes`, { body: { name: 'Alpha pricing', itemIds: [fixturesA.itemId] } });
  fixturesA.themeId = theme.json().id;
  const linked = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/themes/${fixturesA.themeId}/links`, {
    body: { title: 'Alpha talk track', url: 'https://example.com/alpha' },
  });
  fixturesA.linkId = linked.json().links[0].id;
  // A merge into that theme (within no undo window here: the walk only needs its id).
  const other = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/feedback`, { body: { kind: 'objection', text: 'Alpha cannot get budget this year' } });
  const folded = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/themes`, { body: { name: 'Alpha budget', itemIds: [other.json().item.id] } });
  const merged = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/themes/${fixturesA.themeId}/merge`, { body: { sourceThemeIds: [folded.json().id] } });
  fixturesA.mergeId = merged.json().merge.id;
  const [suggestion] = await suggestionsRepository.replacePendingSuggestions(db, wsA, [
    { workspaceId: wsA, label: 'alpha suggestion', keyPhrases: ['alpha'], itemIds: [fixturesA.itemId!], representativeIds: [fixturesA.itemId!] },
  ]);
  fixturesA.suggestionId = suggestion!.id;
  const batch = await feedbackImportRepository.insertImport(db, { workspaceId: wsA, fileName: 'alpha-notes.csv', rows: 1, created: 1, createdByUserId: null });
  await feedbackRepository.insertItems(db, [{ workspaceId: wsA, kind: 'praise', text: 'Alpha imported note', source: 'import', importBatchId: batch.id }]);
  fixturesA.batchId = batch.id;

  // The library: a competitor, a published asset tagged with it, a PDF on it, a share link to it for the deal.
  const competitor = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/competitors`, { body: { name: 'Alpha Rival', aliases: ['ARVL'] } });
  fixturesA.competitorId = competitor.json().id;
  const asset = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/assets`, {
    body: { title: 'Alpha battlecard', type: 'battlecard', body: 'Why Alpha wins', status: 'published', tags: { competitors: [fixturesA.competitorId] } },
  });
  fixturesA.assetId = asset.json().asset.id;
  fixturesA.number = '1';
  const file = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/assets/${fixturesA.assetId}/files`, await pdfUpload('alpha'));
  fixturesA.fileId = file.json().id;
  const share = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/assets/${fixturesA.assetId}/share-links`, { body: { dealId: deal!.id } });
  fixturesA.shareLinkId = share.json().id;
  // A request for the deal, with a comment and a PDF attached.
  const request = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/requests`, {
    body: { type: 'new_asset', title: 'Alpha pricing sheet', description: 'For the A deal', dealIds: [deal!.id] },
  });
  fixturesA.requestId = request.json().request.id;
  await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/requests/${fixturesA.requestId}/comments`, { body: { body: 'Alpha needs it by Friday' } });
  const attached = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/requests/${fixturesA.requestId}/attachments`, await pdfUpload('alpha-brief'));
  if (attached.statusCode !== 201) throw new Error(`route-walker: attachment ${attached.statusCode} ${attached.body}`);
  // A shared goal (the PMM and the rep own it) with a manual key result, a check-in and a comment.
  const marketingId = (await h.services.deps.database.pool.query("select id from users where email = 'marketing@alpha.test'")).rows[0].id as string;
  const goal = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/goals`, {
    body: {
      title: 'Alpha references',
      period: { kind: 'custom', start: '2026-01-01', end: '2026-12-31' },
      ownerIds: [marketingId, fixturesA.userId],
      keyResults: [{ title: 'References', kind: 'manual', baseline: 0, target: 10 }],
    },
  });
  fixturesA.goalId = goal.json().goal.id;
  fixturesA.keyResultId = goal.json().goal.keyResults[0].id;
  await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/goals/${fixturesA.goalId}/key-results/${fixturesA.keyResultId}/check-ins`, { body: { value: 2, note: 'Two so far' } });
  await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/goals/${fixturesA.goalId}/comments`, { body: { body: 'Alpha can do better' } });
  // A decision asking the rep for input, about the theme.
  const decision = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/decisions`, {
    body: { ...decisionBody(), title: 'Alpha pricing call', stakeholderIds: [fixturesA.userId], links: { themeIds: [fixturesA.themeId] } },
  });
  fixturesA.decisionId = decision.json().decision.id;
  fixturesA.metric = 'win-rate'; // a catalogue name, not an id
  // A credit dispute on A's deal.
  fixturesA.disputeId = (await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/attribution/disputes`, { body: { dealId: fixturesA.dealId, target: 'split', reason: 'Alpha dispute' } })).json().dispute.id;
  // A pulse open for A's two teams.
  fixturesA.pulseId = (await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/pulses`, { body: {} })).json().id;
  // A sync series (the rep invited) with a free topic and an action item on its first occurrence.
  const series = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/meetings`, { body: meetingBody() });
  fixturesA.seriesId = series.json().id;
  const topic = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/meetings/${fixturesA.seriesId}/occurrences/1/agenda`, { body: { title: 'Alpha topic' } });
  fixturesA.agendaItemId = topic.json().occurrence.items.at(-1).id;
  const action = await call(h.app, adminA, 'POST', `/api/v1/workspaces/${A}/meetings/${fixturesA.seriesId}/occurrences/1/action-items`, {
    body: { title: 'Alpha action', ownerUserId: fixturesA.userId, dueOn: '2026-12-31' },
  });
  fixturesA.actionItemId = action.json().actionItem.id;
  for (const [name, id] of Object.entries(fixturesA)) if (!id) throw new Error(`route-walker: fixture ${name} was not made`);
});

afterAll(async () => h?.close());

describe('route walker', () => {
  it('sees the routes', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => r.access === 'workspace').length).toBeGreaterThan(10);
  });

  it('(d) marks public exactly the routes in PUBLIC_ROUTES', () => {
    const publicRoutes = routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`).sort();
    expect(publicRoutes).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('(c) every non-public route answers 401 without credentials', async () => {
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const res = await call(h.app, null, r.method as Method, fill(r.url, A, randomIds), { body: r.method === 'GET' ? undefined : {} });
      if (res.statusCode !== 401) failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
      else expect(res.json().code).toBe('AUTH_REQUIRED');
    }
    expect(failures).toEqual([]);
  });

  it("(a) a member of another workspace gets 404 for A's workspace and A's resources, and changes nothing", async () => {
    const before = await snapshotA();
    const failures: string[] = [];
    for (const r of routes.filter((x) => x.access === 'workspace')) {
      const input = await hijackInput(r);
      // B's admin, by session and by token, naming workspace A…
      for (const who of [adminB, { bearer: tokenB }]) {
        const res = await call(h.app, who, r.method as Method, fill(r.url, A, fixturesA), input);
        if (res.statusCode !== 404) failures.push(`B→A ${r.method} ${r.url} → ${res.statusCode}`);
      }
      // …and naming workspace B with A's resource ids.
      // (`:metric` is a catalogue name every workspace shares, not a resource of A.)
      if (/:(?!workspace|metric\b)\w+/.test(r.url)) {
        // B's admin, or where the route's action is not an admin's, a B member whose role has it.
        const holder = !r.action || can('admin', r.action) ? adminB : ROLES.filter((x) => x !== 'admin' && can(x, r.action!)).map((x) => clientsB[x])[0]!;
        const res = await call(h.app, holder, r.method as Method, fill(r.url, B, fixturesA), input);
        if (res.statusCode !== 404) failures.push(`B(A ids) ${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotA()).toEqual(before);
  });

  it('(a) lists in workspace B show none of A', async () => {
    for (const r of routes.filter((x) => x.access === 'workspace' && x.method === 'GET' && !/:(?!workspace)\w+/.test(x.url))) {
      const res = await call(h.app, adminB, 'GET', fill(r.url, B, {}), { query: (await hijackInput(r)).query });
      expect(res.statusCode, `${r.url}`).toBe(200);
      const text = res.body;
      for (const [name, id] of Object.entries(fixturesA)) {
        if (name === 'number' || name === 'metric') continue; // a version number, a catalogue name: not identifiers
        expect(text.includes(id), `${r.url} leaks A's ${name}`).toBe(false);
      }
      expect(text).not.toContain('alpha.test');
    }
  });

  it('a signed-in user of A still works after the walk (nothing was broken)', async () => {
    const again = await login(h.app, 'admin@alpha.test', PASSWORD);
    expect((await call(h.app, again, 'GET', `/api/v1/workspaces/${A}/members`)).json().total).toBe(4);
  });
});

/** A valid call — body, query, multipart file — so that only the workspace scope can stop it. */
async function hijackInput(r: RouteEntry): Promise<{ body?: unknown; query?: Record<string, string>; headers?: Record<string, string> }> {
  if (r.url.endsWith('/assets/:assetId/diff')) return { query: { from: '1', to: '1' } };
  if (r.url.endsWith('/assets/:assetId/files') && r.method === 'POST') return pdfUpload('hijacked');
  if (r.url.endsWith('/requests/:requestId/attachments') && r.method === 'POST') return pdfUpload('hijacked');
  if (r.url.endsWith('/requests/similar')) return { query: { text: 'alpha pricing sheet' } };
  if (r.url.endsWith('/meetings/metrics')) return { query: { from: '2026-01-01', to: '2026-12-31' } };
  if (r.url.endsWith('/attribution/report')) return { query: { from: '2026-01-01', to: '2026-12-31' } };
  return { body: hijackBody(r) };
}

/** A valid new meeting series (the rep invited). */
function meetingBody() {
  return { title: 'hijacked', cadence: 'weekly', startsOn: '2026-01-06', startTime: '09:30', timeZone: 'UTC', durationMinutes: 30, attendeeIds: [fixturesA.userId] };
}

/** A valid new decision (its input closes in two days). */
function decisionBody() {
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000);
  return { title: 'hijacked', context: 'Why', kind: 'pricing_packaging', options: ['Up', 'Down'], inputClosesAt: inDays(2).toISOString(), decideBy: inDays(3).toISOString().slice(0, 10) };
}

/** A one-page PDF as the multipart upload of an asset file. */
async function pdfUpload(name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pdfOf(name))], { type: 'application/pdf' }), `${name}.pdf`);
  const req = new Request('http://tandem.test', { method: 'POST', body: form });
  return { body: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } };
}

/** A body that passes validation, so that only the workspace scope can stop the change. */
function hijackBody(r: RouteEntry): unknown {
  if (r.method === 'GET' || r.method === 'DELETE') return undefined;
  if (r.url.endsWith('/touchpoints/upsert')) return { touchpoints: [{ source: 'walk', externalId: 'hijack', dealId: fixturesA.dealId, occurredAt: '2026-01-05T10:00:00Z', team: 'sales' }] };
  if (r.url.endsWith('/attribution/model-of-record')) return { model: 'linear', rationale: 'hijacked rationale', effectiveFrom: '2026-01-01' };
  if (r.url.endsWith('/attribution/disputes')) return { dealId: fixturesA.dealId, target: 'split', reason: 'hijacked' };
  if (r.url.endsWith('/attribution/disputes/:disputeId/resolve')) return { decision: 'reject', reason: 'hijacked' };
  if (r.url.endsWith('/members/:userId')) return { role: 'admin', active: false };
  if (r.url.endsWith('/people/:userId/erase')) return { email: 'someone@alpha.test' };
  if (r.url.endsWith('/teams/:teamId')) return { name: 'hijacked', memberUserIds: [] };
  if (r.url.endsWith('/invitations')) return { email: 'x@bravo.test', role: 'admin' };
  if (r.url.endsWith('/teams')) return { name: 'hijacked' };
  if (r.url.endsWith('/tokens')) return { name: 'hijacked' };
  if (r.url.endsWith('/:workspace')) return { name: 'hijacked' };
  if (r.url.endsWith('/deal-settings/stages')) return { items: [{ stage: 'Prospecting', category: 'won' }] };
  if (r.url.endsWith('/deals/upsert')) return { source: 'walker', deals: [{ externalId: 'a1', stage: 'Closed Won', name: 'hijacked' }] };
  if (r.url.endsWith('/webhooks')) return { url: 'https://8.8.8.8/hijacked', eventTypes: ['import.completed'] };
  if (r.url.endsWith('/webhooks/:subscriptionId')) return { description: 'hijacked', enabled: false };
  if (r.url.endsWith('/slack-channels')) return { name: 'hijacked', webhookUrl: 'https://hooks.slack.com/services/T/B/hijacked', eventTypes: ['import.completed'] };
  if (r.url.endsWith('/slack-channels/:channelId')) return { name: 'hijacked' };
  if (r.url.endsWith('/feedback') || r.url.endsWith('/feedback/similar')) return { kind: 'objection', text: 'hijacked' };
  if (r.url.endsWith('/feedback/:itemId')) return { text: 'hijacked' };
  if (r.url.endsWith('/feedback/move')) return { itemIds: [fixturesA.itemId], themeId: null };
  if (r.url.endsWith('/themes')) return { name: 'hijacked', itemIds: [fixturesA.itemId] };
  if (r.url.endsWith('/themes/:themeId')) return { name: 'hijacked' };
  if (r.url.endsWith('/themes/:themeId/status')) return { status: 'addressed', message: 'hijacked' };
  if (r.url.endsWith('/themes/:themeId/status/undo')) return { changeId: randomUUID() };
  if (r.url.endsWith('/themes/:themeId/links')) return { title: 'hijacked', url: 'https://example.com/hijacked' };
  if (r.url.endsWith('/themes/:themeId/merge')) return { sourceThemeIds: [fixturesA.themeId] };
  if (r.url.endsWith('/themes/:themeId/split')) return { name: 'hijacked', itemIds: [fixturesA.itemId] };
  if (r.url.endsWith('/accept')) return { name: 'hijacked' };
  if (r.url.endsWith('/deal-settings/exchange-rates')) return { items: [{ currency: 'EUR', effectiveFrom: '2025-01-01', rate: '9' }] };
  if (r.url.endsWith('/assets')) return { title: 'hijacked', type: 'battlecard', status: 'published' };
  if (r.url.endsWith('/assets/preview')) return { body: 'hijacked' };
  if (r.url.endsWith('/assets/:assetId')) return { title: 'hijacked', body: 'hijacked' };
  if (r.url.endsWith('/assets/:assetId/publish')) return { changeNote: 'hijacked' };
  if (r.url.endsWith('/library/settings')) return { reviewDays: { battlecard: 1 } };
  if (r.url.endsWith('/assets/:assetId/share-links')) return { dealId: fixturesA.dealId };
  if (r.url.endsWith('/assets/:assetId/usage')) return { kind: 'viewed' };
  if (r.url.endsWith('/assets/:assetId/deals')) return { dealId: fixturesA.dealId };
  if (r.url.endsWith('/assets/:assetId/vote')) return { helpful: false, comment: 'hijacked' };
  if (r.url.endsWith('/competitors') || r.url.endsWith('/competitors/:competitorId')) return { name: 'hijacked', aliases: ['Alpha Rival'] };
  if (r.url.endsWith('/requests')) return { type: 'other', title: 'hijacked', description: 'hijacked' };
  if (r.url.endsWith('/requests/:requestId')) return { title: 'hijacked' };
  if (r.url.endsWith('/requests/:requestId/triage')) return { estimateHours: 1, assigneeUserId: fixturesA.userId };
  if (r.url.endsWith('/requests/:requestId/deliver')) return { note: 'hijacked' };
  if (r.url.endsWith('/requests/:requestId/reopen') || r.url.endsWith('/requests/:requestId/decline')) return { reason: 'hijacked' };
  if (r.url.endsWith('/requests/:requestId/merge')) return { intoRequestId: fixturesA.requestId };
  if (r.url.endsWith('/requests/:requestId/override')) return { kind: 'pin', reason: 'hijacked' };
  if (r.url.endsWith('/requests/:requestId/boost')) return { points: 50, reason: 'hijacked' };
  if (r.url.endsWith('/requests/:requestId/comments')) return { body: 'hijacked' };
  if (r.url.endsWith('/requests/settings')) return { weights: { pipeline: 9 } };
  if (r.url.endsWith('/requests/settings/capacity')) return { items: [] };
  if (r.url.endsWith('/goals')) return { title: 'hijacked', period: { kind: 'custom', start: '2026-01-01', end: '2026-12-31' }, ownerIds: [fixturesA.userId] };
  if (r.url.endsWith('/goals/:goalId') || r.url.endsWith('/key-results/:keyResultId')) return { title: 'hijacked' };
  if (r.url.endsWith('/key-results')) return { title: 'hijacked', kind: 'manual', baseline: 0, target: 1 };
  if (r.url.endsWith('/check-ins')) return { value: 99, note: 'hijacked' };
  if (r.url.endsWith('/goals/:goalId/comments')) return { body: 'hijacked' };
  if (r.url.endsWith('/decisions')) return { ...decisionBody(), stakeholderIds: [fixturesA.userId] };
  if (r.url.endsWith('/pulses/:pulseId/answers')) return { answers: Object.fromEntries(DEFAULT_PULSE_QUESTIONS.map((q) => [q.id, 1])), comment: 'hijacked' };
  if (r.url.endsWith('/alignment/settings')) return { minGroupSize: 3, cadence: 'monthly' };
  if (r.url.endsWith('/decisions/:decisionId/inputs')) return { stance: 'object', comment: 'hijacked' };
  if (r.url.endsWith('/decisions/:decisionId/decide')) return { chosenOption: 'Up', rationale: 'hijacked', whatChanged: 'hijacked' };
  if (r.url.endsWith('/decisions/:decisionId/reopen')) return { reason: 'hijacked', inputClosesAt: decisionBody().inputClosesAt, decideBy: decisionBody().decideBy };
  if (r.url.endsWith('/meetings')) return meetingBody();
  if (r.url.endsWith('/occurrences/:number/agenda')) return r.method === 'PUT' ? { order: [fixturesA.agendaItemId] } : { title: 'hijacked' };
  if (r.url.endsWith('/agenda/:agendaItemId')) return { notes: 'hijacked' };
  if (r.url.endsWith('/occurrences/:number/attendance')) return { presentUserIds: [] };
  if (r.url.endsWith('/occurrences/:number/action-items')) return { title: 'hijacked', ownerUserId: fixturesA.userId, dueOn: '2026-12-31' };
  if (r.url.endsWith('/action-items/:actionItemId')) return { done: true };
  return {};
}

const withoutClocks = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'sla' ? undefined : v))) as unknown;

async function snapshotA() {
  const get = async (url: string) => (await call(h.app, adminA, 'GET', url)).json();
  return {
    workspace: await get(`/api/v1/workspaces/${A}`),
    members: await get(`/api/v1/workspaces/${A}/members`),
    teams: await get(`/api/v1/workspaces/${A}/teams`),
    invitations: await get(`/api/v1/workspaces/${A}/invitations`),
    tokens: await get(`/api/v1/workspaces/${A}/tokens`),
    deals: await get(`/api/v1/workspaces/${A}/deals`),
    stages: await get(`/api/v1/workspaces/${A}/deal-settings/stages`),
    exchangeRates: await get(`/api/v1/workspaces/${A}/deal-settings/exchange-rates`),
    imports: await get(`/api/v1/workspaces/${A}/imports`),
    webhooks: await get(`/api/v1/workspaces/${A}/webhooks`),
    slackChannels: await get(`/api/v1/workspaces/${A}/slack-channels`),
    feedback: await get(`/api/v1/workspaces/${A}/feedback`),
    themes: await get(`/api/v1/workspaces/${A}/themes`),
    theme: await get(`/api/v1/workspaces/${A}/themes/${fixturesA.themeId}`),
    meeting: await get(`/api/v1/workspaces/${A}/meetings/${fixturesA.seriesId}/occurrences/1`),
    suggestions: await get(`/api/v1/workspaces/${A}/theme-suggestions`),
    assets: await get(`/api/v1/workspaces/${A}/assets?status=draft&status=published&status=archived`),
    asset: await get(`/api/v1/workspaces/${A}/assets/${fixturesA.assetId}`),
    versions: await get(`/api/v1/workspaces/${A}/assets/${fixturesA.assetId}/versions`),
    files: await get(`/api/v1/workspaces/${A}/assets/${fixturesA.assetId}/files`),
    shareLinks: await get(`/api/v1/workspaces/${A}/assets/${fixturesA.assetId}/share-links`),
    usage: await get(`/api/v1/workspaces/${A}/assets/${fixturesA.assetId}/usage`),
    attachedDeals: await get(`/api/v1/workspaces/${A}/assets/${fixturesA.assetId}/deals`),
    librarySettings: await get(`/api/v1/workspaces/${A}/library/settings`),
    competitors: await get(`/api/v1/workspaces/${A}/competitors`),
    competitor: await get(`/api/v1/workspaces/${A}/competitors/${fixturesA.competitorId}`),
    // Without the SLA clocks: their business hours left move with the clock, not with any change.
    requests: withoutClocks(await get(`/api/v1/workspaces/${A}/requests?status=new,triaged,in_progress,delivered,accepted,declined,merged`)),
    request: withoutClocks(await get(`/api/v1/workspaces/${A}/requests/${fixturesA.requestId}`)),
    requestComments: await get(`/api/v1/workspaces/${A}/requests/${fixturesA.requestId}/comments`),
    requestActivity: await get(`/api/v1/workspaces/${A}/requests/${fixturesA.requestId}/activity`),
    requestSettings: await get(`/api/v1/workspaces/${A}/requests/settings`),
    requestCapacity: await get(`/api/v1/workspaces/${A}/requests/settings/capacity`),
    decisions: await get(`/api/v1/workspaces/${A}/decisions`),
    decision: await get(`/api/v1/workspaces/${A}/decisions/${fixturesA.decisionId}`),
    pulses: await get(`/api/v1/workspaces/${A}/pulses`),
    alignmentSettings: await get(`/api/v1/workspaces/${A}/alignment/settings`),
    goals: await get(`/api/v1/workspaces/${A}/goals`),
    goal: await get(`/api/v1/workspaces/${A}/goals/${fixturesA.goalId}`),
    goalComments: await get(`/api/v1/workspaces/${A}/goals/${fixturesA.goalId}/comments`),
    checkins: await get(`/api/v1/workspaces/${A}/goals/${fixturesA.goalId}/key-results/${fixturesA.keyResultId}/check-ins`),
  };
}
