/**
 * The role matrix, checked against the running app: every registered route, called by each of six callers
 * (admin, marketing, sales lead, sales of workspace A; a signed-in admin of workspace B only; nobody) with a valid
 * call, must let through exactly the callers `role-matrix.ts` lists — a 2xx, the handler ran — and refuse every
 * other (403 a member, 404 the non-member, 401 signed out). Any 5xx fails. The expectations are the hand-written
 * table, never the permission table the auth plugin enforces, so a route given the wrong action fails here.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PULSE_QUESTIONS, ROLES, type Role } from '@tandem/contracts';
import { cliActor } from '../src/lib/context.ts';
import { dealsRepository } from '../src/modules/deals/deals.repository.ts';
import { feedbackImportRepository } from '../src/modules/feedback/feedback-import/feedback-import.repository.ts';
import { feedbackRepository } from '../src/modules/feedback/items/items.repository.ts';
import { suggestionsRepository } from '../src/modules/feedback/suggestions/suggestions.repository.ts';
import { integrationsRepository } from '../src/modules/notifications/integrations/integrations.repository.ts';
import { pdfOf } from '../src/modules/library/files/fixtures/sample-files.ts';
import { outboxRepository } from '../src/modules/notifications/outbox/outbox.repository.ts';
import { signUnsubscribe } from '../src/modules/notifications/unsubscribe/unsubscribe-link.ts';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type CallOptions, type Client, type Harness } from './app-harness.ts';
import { CALLERS, ROLE_MATRIX, type Caller } from './role-matrix.ts';
import { startTestProvider, type TestProvider } from './oidc-test-provider.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

let h: Harness;
let receiver: WebhookReceiver;
/** A real OpenID provider on loopback, started by the first single sign-on row that needs one. */
let idp: TestProvider | undefined;
let tmp: string;
let wsA: string;
const A = 'alpha';
const email = (who: Caller) => (who === 'non_member' ? 'admin@bravo.test' : `${who}@alpha.test`);
const clients = {} as Record<Exclude<Caller, 'signed_out'>, Client>;
const userIds = {} as Record<Role, string>;
/** Shared resources of workspace A, by the route parameter that names them. */
const shared: Record<string, string> = {};
let seq = 0;
const unique = (prefix: string) => `${prefix} ${++seq}`;

/** What one call sends: path parameters (beyond :workspace), body, query; optionally who sends it and a tidy-up. */
interface Input extends CallOptions {
  params?: Record<string, string>;
  /** Another session of the same caller (e.g. for logging out). */
  client?: Client | null;
  /** The status an allowed call answers when it is not a 2xx (stated, with the reason, in the entry). */
  allowedStatus?: number;
  after?: () => Promise<void>;
}

const api = (p: string) => `/api/v1/workspaces/${A}/${p}`;
const memberOf = (who: Caller): Role => (ROLES.includes(who as Role) ? (who as Role) : 'admin');
const asAdmin = (method: Method, p: string, opts: CallOptions = {}) => call(h.app, clients.admin, method, api(p), opts);
async function ok<T = Record<string, unknown>>(res: Promise<{ statusCode: number; body: string; json(): unknown }>): Promise<T> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`fixture call failed: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.json() as T;
}

async function multipart(fields: Record<string, string>, file: string | Buffer, name: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)], { type: 'application/octet-stream' }), name);
  const req = new Request('http://tandem.test', { method: 'POST', body: form });
  return { body: Buffer.from(await req.arrayBuffer()), headers: { 'content-type': req.headers.get('content-type')! } };
}

const SF_CSV = (id: string) =>
  '"Opportunity ID","Opportunity Name","Account Name","Amount","Close Date","Stage"\n' + `"${id}","Matrix deal","Matrix Co","$100.00","1/31/2026","Prospecting"\n`;

// ---- Fresh resources, for the calls that use one up --------------------------------------------------------
const fresh = {
  /** A feedback item logged by `who` (an admin's for callers outside the workspace). */
  item: async (who: Caller) =>
    (await ok<{ item: { id: string } }>(call(h.app, clients[memberOf(who)], 'POST', api('feedback'), { body: { kind: 'objection', text: unique('Matrix objection') } }))).item.id,
  theme: async () => (await fresh.themeWith(1)).id,
  themeWith: async (items: number) => {
    const itemIds = [];
    for (let i = 0; i < items; i++) itemIds.push(await fresh.item('admin'));
    return { id: (await ok<{ id: string }>(asAdmin('POST', 'themes', { body: { name: unique('Matrix theme'), itemIds } }))).id, itemIds };
  },
  /** An item in no theme (new items may be placed in a similar theme on their own). */
  untriagedItem: async () => {
    const id = await fresh.item('admin');
    await ok(asAdmin('POST', 'feedback/move', { body: { itemIds: [id], themeId: null } }));
    return id;
  },
  pendingUpload: async () => {
    const { body, headers } = await multipart({ kind: 'deals', format: 'salesforce', source: unique('matrix').replace(' ', '-') }, SF_CSV(`006M${++seq}`), 'matrix.csv');
    return (await ok<{ id: string }>(asAdmin('POST', 'imports', { body, headers }))).id;
  },
  /** A finished file import, the latest of its own source, so it can be undone. */
  completedImport: async () => {
    const file = path.join(tmp, `import-${++seq}.csv`);
    await fs.writeFile(file, SF_CSV(`006Done${seq}`));
    const r = await h.services.imports.runFile({ workspaceId: wsA, actor: cliActor('matrix') }, file, { kind: 'deals', format: 'salesforce', source: `matrix-${seq}` });
    return r.importId;
  },
  deadDelivery: async () => {
    const { db } = h.services.deps.database;
    const event = await outboxRepository.insertEvent(db, { workspaceId: wsA, type: 'import.completed', version: 1, payload: {} });
    const [d] = await outboxRepository.insertDeliveries(db, [
      { workspaceId: wsA, eventId: event.id, eventType: 'import.completed', channel: 'webhook', target: `${receiver.url}/matrix`, targetId: shared.subscriptionId! },
    ]);
    await outboxRepository.updateDelivery(db, wsA, d!.id, { status: 'dead', nextAttemptAt: null });
    return d!.id;
  },
  invitation: async () => {
    const inv = await ok<{ id: string; url: string }>(asAdmin('POST', 'invitations', { body: { email: `${unique('invitee').replace(' ', '')}@alpha.test`, role: 'sales' } }));
    return { id: inv.id, token: inv.url.split('/invite/')[1]! };
  },
  /** The link a person who asked to change their email gets at the new address (a person of their own: it is used). */
  emailChangeToken: async () => {
    const who = unique('mover').replace(' ', '');
    const m = await addMember(h.app, clients.admin, A, `${who}@alpha.test`, 'sales');
    await ok(call(h.app, m.client, 'POST', '/api/v1/me/email', { body: { email: `${who}@new.test`, currentPassword: PASSWORD } }));
    const { rows } = await h.services.deps.database.pool.query("select private from events where payload->>'newEmail' = $1 and private->>'url' is not null", [`${who}@new.test`]);
    return (rows[0] as { private: { url: string } }).private.url.split('/confirm-email/')[1]!;
  },
  /** A library asset of the admin's, published (version 1) unless `draft`. */
  asset: async (draft = false) =>
    (await ok<{ asset: { id: string } }>(asAdmin('POST', 'assets', { body: { title: unique('Matrix asset'), type: 'one_pager', body: 'Why we win', status: draft ? 'draft' : 'published' } })))
      .asset.id,
  assetFile: async () => (await ok<{ id: string }>(asAdmin('POST', `assets/${shared.assetId}/files`, await multipart({}, pdfOf('Matrix file'), 'matrix.pdf')))).id,
  competitor: async () => (await ok<{ id: string }>(asAdmin('POST', 'competitors', { body: { name: unique('Matrix rival') } }))).id,
  /** A request filed by `who` (an admin's for callers outside the workspace), triaged to marketing and delivered if asked. */
  request: async (who: Caller, stage: 'new' | 'triaged' | 'delivered' = 'new') => {
    const id = (
      await ok<{ request: { id: string } }>(
        call(h.app, clients[memberOf(who)], 'POST', api('requests'), { body: { type: 'new_asset', title: unique('Matrix request'), description: 'For a deal' } }),
      )
    ).request.id;
    if (stage !== 'new') await ok(asAdmin('POST', `requests/${id}/triage`, { body: { estimateHours: 2, assigneeUserId: userIds.marketing } }));
    if (stage === 'delivered') await ok(asAdmin('POST', `requests/${id}/deliver`, { body: { note: 'Here it is' } }));
    return id;
  },
  /** A PDF attached to the shared request by `who` (an admin's for callers outside the workspace). */
  requestFile: async (who: Caller) =>
    (
      await ok<{ fileId: string }>(
        call(h.app, clients[memberOf(who)], 'POST', api(`requests/${shared.requestId}/attachments`), await multipart({}, pdfOf('Matrix brief'), 'brief.pdf')),
      )
    ).fileId,
  resetToken: async () => (await ok<{ url: string }>(asAdmin('POST', `members/${shared.spareUserId}/password-reset`))).url.split('/reset/')[1]!,
  /** A decision owned by `ownerUserId`, asking every role of workspace A (but the owner) for input; decided if asked. */
  decision: async (ownerUserId: string, decided = false) => {
    const body = { ...decisionDraft(), ownerUserId, stakeholderRoles: ROLES };
    const id = (await ok<{ decision: { id: string } }>(asAdmin('POST', 'decisions', { body }))).decision.id;
    if (decided) await ok(asAdmin('POST', `decisions/${id}/decide`, { body: { chosenOption: 'Ship', rationale: 'Matrix' } }));
    return id;
  },
  /** A pulse open now (any earlier open one closed first: one runs at a time). */
  pulse: async () => {
    const list = await ok<{ items: { id: string; status: string }[] }>(asAdmin('GET', 'pulses'));
    for (const p of list.items) if (p.status !== 'closed') await ok(asAdmin('POST', `pulses/${p.id}/close`));
    return (await ok<{ id: string }>(asAdmin('POST', 'pulses', { body: {} }))).id;
  },
  /** The PMM's weekly sync, every role of workspace A invited (made once). */
  series: async () =>
    (shared.seriesId ??= (
      await ok<{ id: string }>(
        call(h.app, clients.marketing, 'POST', api('meetings'), {
          body: { title: 'Matrix sync', cadence: 'weekly', startsOn: '2026-01-06', startTime: '09:30', timeZone: 'Europe/Berlin', durationMinutes: 30, attendeeIds: ROLES.map((r) => userIds[r]) },
        }),
      )
    ).id),
  /** A free topic on the fixture series' first agenda. */
  agendaItem: async () => {
    const s = await fresh.series();
    const r = await ok<{ occurrence: { items: { id: string }[] } }>(call(h.app, clients.marketing, 'POST', api(`meetings/${s}/occurrences/1/agenda`), { body: { title: unique('Matrix topic') } }));
    return r.occurrence.items.at(-1)!.id;
  },
  /** An action item owned by `who` (the admin's for callers outside the workspace). */
  actionItem: async (who: Caller) => {
    const s = await fresh.series();
    const body = { title: unique('Matrix action'), ownerUserId: userIds[memberOf(who)], dueOn: '2026-12-31' };
    return (await ok<{ actionItem: { id: string } }>(call(h.app, clients.marketing, 'POST', api(`meetings/${s}/occurrences/1/action-items`), { body }))).actionItem.id;
  },
  /** A second PMM who owns decisions the four callers give input on (the owner is not asked). */
  decider: async () => (shared.deciderUserId ??= (await addMember(h.app, clients.admin, A, 'decider@alpha.test', 'marketing')).userId),
  /** A shared goal owned by workspace A's PMM and rep, with one manual key result. */
  goal: async () =>
    (
      await ok<{ goal: { id: string; keyResults: { id: string }[] } }>(
        asAdmin('POST', 'goals', {
          body: {
            title: unique('Matrix goal'),
            period: { kind: 'custom', start: '2026-01-01', end: '2026-12-31' },
            ownerIds: [userIds.marketing, userIds.sales],
            keyResults: [{ title: 'References', kind: 'manual', baseline: 0, target: 10 }],
          },
        }),
      )
    ).goal,
};

/**
 * A valid call of each route that needs more than the shared fixtures and an empty body. Keyed as in ROLE_MATRIX;
 * `who` is the caller, for resources that must be the caller's own.
 */
const INPUTS: Record<string, (who: Caller) => Promise<Input> | Input> = {
  'POST /api/v1/setup': () => ({
    body: { name: 'Late', email: 'late@alpha.test', password: PASSWORD, workspaceName: 'Late', workspaceSlug: 'late' },
    allowedStatus: 409, // set up already: refused alike for everyone, by the handler, not by access
  }),
  'POST /api/v1/auth/login': () => ({ body: { email: 'spare@alpha.test', password: PASSWORD } }),
  'GET /api/v1/invitations/:token': async () => ({ params: { token: (await fresh.invitation()).token } }),
  'POST /api/v1/invitations/:token/accept': async () => ({ params: { token: (await fresh.invitation()).token }, body: { name: 'New Person', password: PASSWORD } }),
  'GET /api/v1/password-resets/:token': async () => ({ params: { token: await fresh.resetToken() } }),
  'POST /api/v1/password-resets/:token': async () => ({ params: { token: await fresh.resetToken() }, body: { password: PASSWORD } }),
  'POST /api/v1/email-changes/:token': async () => ({ params: { token: await fresh.emailChangeToken() } }),
  'POST /api/v1/me/email': () => ({ body: { email: `${unique('renamed').replace(' ', '')}@new.test`, currentPassword: PASSWORD } }),
  'GET /api/v1/unsubscribe': () => ({ query: { token: unsubscribeToken() } }),
  'POST /api/v1/unsubscribe': () => ({ query: { token: unsubscribeToken() } }),
  // A second session, so the caller's own stays signed in for the rest of the walk.
  'POST /api/v1/auth/logout': async (who) => ({ client: who === 'signed_out' ? null : await login(h.app, email(who), PASSWORD) }),
  'PATCH /api/v1/me': () => ({ body: { name: 'Same Person' } }),
  'POST /api/v1/me/password': (who) => ({
    body: { currentPassword: PASSWORD, newPassword: 'matrix horse battery' },
    // Back to the shared password, from the same session (changing it ends only the person's other sessions).
    after: async () => {
      if (who === 'signed_out') return;
      await ok(call(h.app, clients[who], 'POST', '/api/v1/me/password', { body: { currentPassword: 'matrix horse battery', newPassword: PASSWORD } }));
    },
  }),
  'POST /api/v1/workspaces': () => ({ body: { name: 'Another', slug: unique('another').replace(' ', '-') } }),

  'PATCH /api/v1/workspaces/:workspace': () => ({ body: { name: 'Alpha' } }),
  'PUT /api/v1/workspaces/:workspace/sso': async () => ({ body: await ssoSettings() }),
  'GET /api/v1/sso/:slug': async () => {
    await ok(asAdmin('PUT', 'sso', { body: await ssoSettings() }));
    return { params: { slug: A } };
  },
  // Redirects: to the provider, or (a callback without its start) back to the sign-in page.
  'GET /api/v1/sso/:slug/start': async () => {
    await ok(asAdmin('PUT', 'sso', { body: await ssoSettings() }));
    return { params: { slug: A }, allowedStatus: 303 };
  },
  'GET /api/v1/sso/callback': () => ({ query: { code: 'x', state: 'y' }, allowedStatus: 303 }),
  'GET /api/v1/workspaces/:workspace/people/:userId/data': () => ({ params: { userId: shared.spareUserId! } }),
  'POST /api/v1/workspaces/:workspace/people/:userId/erase': async () => {
    const address = `${unique('erased').replace(' ', '')}@alpha.test`;
    return { params: { userId: (await addMember(h.app, clients.admin, A, address, 'sales')).userId }, body: { email: address } };
  },
  'PATCH /api/v1/workspaces/:workspace/members/:userId': () => ({ params: { userId: shared.spareUserId! }, body: { role: 'sales' } }),
  'POST /api/v1/workspaces/:workspace/members/:userId/password-reset': () => ({ params: { userId: shared.spareUserId! } }),
  'POST /api/v1/workspaces/:workspace/invitations': () => ({ body: { email: `${unique('invited').replace(' ', '')}@alpha.test`, role: 'sales' } }),
  'DELETE /api/v1/workspaces/:workspace/invitations/:id': async () => ({ params: { id: (await fresh.invitation()).id } }),
  'POST /api/v1/workspaces/:workspace/teams': () => ({ body: { name: unique('Matrix team') } }),
  'PATCH /api/v1/workspaces/:workspace/teams/:teamId': () => ({ body: { name: unique('Renamed team') } }),
  'DELETE /api/v1/workspaces/:workspace/teams/:teamId': async () => ({ params: { teamId: (await ok<{ id: string }>(asAdmin('POST', 'teams', { body: { name: unique('Doomed team') } }))).id } }),
  'POST /api/v1/workspaces/:workspace/tokens': () => ({ body: { name: unique('matrix token') } }),
  'DELETE /api/v1/workspaces/:workspace/tokens/:tokenId': async (who) => ({
    params: { tokenId: (await ok<{ id: string }>(call(h.app, clients[memberOf(who)], 'POST', api('tokens'), { body: { name: unique('own token') } }))).id },
  }),

  'PUT /api/v1/workspaces/:workspace/deal-settings/stages': () => ({ body: { items: [{ stage: 'Matrix Stage', category: 'open' }] } }),
  'PUT /api/v1/workspaces/:workspace/deal-settings/exchange-rates': () => ({ body: { items: [{ currency: 'EUR', effectiveFrom: '2025-01-01', rate: '1.1' }] } }),
  'POST /api/v1/workspaces/:workspace/deals/upsert': () => ({ body: { source: 'matrix-sync', deals: [{ externalId: unique('ext').replace(' ', '-'), stage: 'Prospecting' }] } }),

  'POST /api/v1/workspaces/:workspace/imports': async () => ({
    ...(await multipart({ kind: 'deals', format: 'salesforce', source: unique('upload').replace(' ', '-') }, SF_CSV(`006Up${++seq}`), 'upload.csv')),
  }),
  'POST /api/v1/workspaces/:workspace/imports/:importId/preview': async () => ({ params: { importId: await fresh.pendingUpload() }, body: {} }),
  'POST /api/v1/workspaces/:workspace/imports/:importId/start': async () => ({ params: { importId: await fresh.pendingUpload() }, body: { dryRun: true } }),
  'POST /api/v1/workspaces/:workspace/imports/:importId/undo': async () => ({ params: { importId: await fresh.completedImport() } }),
  'DELETE /api/v1/workspaces/:workspace/imports/:importId': async () => ({ params: { importId: await fresh.pendingUpload() } }),

  'POST /api/v1/workspaces/:workspace/feedback': () => ({ body: { kind: 'praise', text: unique('Matrix praise') } }),
  'POST /api/v1/workspaces/:workspace/feedback/similar': () => ({ body: { text: 'the price is too high' } }),
  'POST /api/v1/workspaces/:workspace/feedback/move': async () => ({ body: { itemIds: [await fresh.item('admin')], themeId: shared.themeId } }),
  'PATCH /api/v1/workspaces/:workspace/feedback/:itemId': async (who) => ({ params: { itemId: await fresh.item(who) }, body: { text: unique('Edited') } }),
  'DELETE /api/v1/workspaces/:workspace/feedback/:itemId': async (who) => ({ params: { itemId: await fresh.item(who) } }),
  'POST /api/v1/workspaces/:workspace/feedback/import/preview': () => multipart({}, 'Notes\nMatrix note\n', 'notes.csv'),
  'POST /api/v1/workspaces/:workspace/attribution/import/preview': () => multipart({}, 'Touchpoint ID,Deal,Date\nM-1,Nothing,2026-01-05\n', 'touchpoints.csv'),
  'POST /api/v1/workspaces/:workspace/attribution/import': () =>
    multipart({ mapping: JSON.stringify({ 'Touchpoint ID': 'externalId', Deal: 'deal', Date: 'occurredAt' }) }, 'Touchpoint ID,Deal,Date\nM-1,Nothing,2026-01-05\n', 'touchpoints.csv'),
  'POST /api/v1/workspaces/:workspace/feedback/import': () => multipart({ mapping: JSON.stringify({ Notes: 'text' }) }, `Notes\n${unique('Imported note')}\n`, 'notes.csv'),
  'DELETE /api/v1/workspaces/:workspace/feedback/import/:batchId': async (who) => {
    const { db } = h.services.deps.database;
    const batch = await feedbackImportRepository.insertImport(db, { workspaceId: wsA, fileName: 'own.csv', rows: 1, created: 1, createdByUserId: userIds[memberOf(who)] });
    await feedbackRepository.insertItems(db, [{ workspaceId: wsA, kind: 'praise', text: unique('Batch note'), source: 'import', importBatchId: batch.id }]);
    return { params: { batchId: batch.id } };
  },

  'POST /api/v1/workspaces/:workspace/themes': async () => ({ body: { name: unique('New theme'), itemIds: [await fresh.item('admin')] } }),
  'PATCH /api/v1/workspaces/:workspace/themes/:themeId': () => ({ body: { name: unique('Renamed theme') } }),
  'POST /api/v1/workspaces/:workspace/themes/:themeId/status': async () => ({ params: { themeId: await fresh.theme() }, body: { status: 'acknowledged', message: 'Seen it' } }),
  'POST /api/v1/workspaces/:workspace/themes/:themeId/status/undo': async () => {
    const themeId = await fresh.theme();
    const changed = await ok<{ history: { id: string; undoUntil: string | null }[] }>(
      asAdmin('POST', `themes/${themeId}/status`, { body: { status: 'acknowledged', message: 'Seen it' } }),
    );
    const changeId = changed.history[0]!.id; // the newest, still within its undo window
    return { params: { themeId }, body: { changeId } };
  },
  'POST /api/v1/workspaces/:workspace/themes/:themeId/links': () => ({ body: { title: unique('Talk track'), url: 'https://example.com/track' } }),
  'DELETE /api/v1/workspaces/:workspace/themes/:themeId/links/:linkId': async () => {
    const t = await ok<{ links: { id: string }[] }>(asAdmin('POST', `themes/${shared.themeId}/links`, { body: { title: unique('Doomed link'), url: 'https://example.com/x' } }));
    return { params: { linkId: t.links.at(-1)!.id } };
  },
  'POST /api/v1/workspaces/:workspace/themes/:themeId/merge': async () => ({ params: { themeId: await fresh.theme() }, body: { sourceThemeIds: [await fresh.theme()] } }),
  'POST /api/v1/workspaces/:workspace/themes/:themeId/merges/:mergeId/undo': async () => {
    const themeId = await fresh.theme();
    const merged = await ok<{ merge: { id: string } }>(asAdmin('POST', `themes/${themeId}/merge`, { body: { sourceThemeIds: [await fresh.theme()] } }));
    return { params: { themeId, mergeId: merged.merge.id } }; // within its undo window (TANDEM_UNDO_SECONDS=300 here)
  },
  'POST /api/v1/workspaces/:workspace/themes/:themeId/split': async () => {
    const theme = await fresh.themeWith(2);
    return { params: { themeId: theme.id }, body: { name: unique('Split theme'), itemIds: [theme.itemIds[0]!] } };
  },
  'POST /api/v1/workspaces/:workspace/theme-suggestions/:suggestionId/accept': async () => ({ params: { suggestionId: await freshSuggestion() }, body: {} }),
  'POST /api/v1/workspaces/:workspace/theme-suggestions/:suggestionId/undo': async () => {
    const suggestionId = await freshSuggestion();
    await ok(asAdmin('POST', `theme-suggestions/${suggestionId}/accept`, { body: {} }));
    return { params: { suggestionId } };
  },
  'POST /api/v1/workspaces/:workspace/theme-suggestions/:suggestionId/discard': async () => ({ params: { suggestionId: await freshSuggestion() } }),

  'POST /api/v1/workspaces/:workspace/assets': () => ({ body: { title: unique('New asset'), type: 'faq', body: 'Answers' } }),
  'POST /api/v1/workspaces/:workspace/assets/preview': () => ({ body: { body: '**Why** we win' } }),
  'PATCH /api/v1/workspaces/:workspace/assets/:assetId': () => ({ body: { body: unique('Edited body') } }),
  // A draft each time: a publish needs something new to publish.
  'POST /api/v1/workspaces/:workspace/assets/:assetId/publish': async () => ({ params: { assetId: await fresh.asset(true) }, body: { changeNote: 'First version' } }),
  'POST /api/v1/workspaces/:workspace/assets/:assetId/archive': async () => ({ params: { assetId: await fresh.asset() } }),
  'GET /api/v1/workspaces/:workspace/assets/:assetId/diff': () => ({ query: { from: '1', to: '1' } }),
  'PUT /api/v1/workspaces/:workspace/library/settings': () => ({ body: { reviewDays: { deck: 60 } } }),
  'POST /api/v1/workspaces/:workspace/assets/:assetId/files': () => multipart({}, pdfOf('Uploaded'), 'uploaded.pdf'),
  'DELETE /api/v1/workspaces/:workspace/assets/:assetId/files/:fileId': async () => ({ params: { fileId: await fresh.assetFile() } }),
  'POST /api/v1/workspaces/:workspace/assets/:assetId/share-links': () => ({ body: { dealId: shared.dealId } }),
  'POST /api/v1/workspaces/:workspace/assets/:assetId/share-links/:shareLinkId/revoke': async (who) => {
    const link = await ok<{ id: string }>(call(h.app, clients[memberOf(who)], 'POST', api(`assets/${shared.assetId}/share-links`), { body: {} }));
    return { params: { shareLinkId: link.id } };
  },
  'POST /api/v1/workspaces/:workspace/assets/:assetId/usage': () => ({ body: { kind: 'viewed' } }),
  'POST /api/v1/workspaces/:workspace/assets/:assetId/deals': () => ({ body: { dealId: shared.dealId } }),
  'PUT /api/v1/workspaces/:workspace/assets/:assetId/vote': () => ({ body: { helpful: true, comment: 'Useful on calls' } }),
  'POST /api/v1/workspaces/:workspace/competitors': () => ({ body: { name: unique('New rival') } }),
  'PATCH /api/v1/workspaces/:workspace/competitors/:competitorId': () => ({ body: { description: unique('Sells on price') } }),
  // One no asset is tagged with (a tagged competitor cannot be deleted: competitors.test.ts).
  'DELETE /api/v1/workspaces/:workspace/competitors/:competitorId': async () => ({ params: { competitorId: await fresh.competitor() } }),

  'POST /api/v1/workspaces/:workspace/notifications/read': () => ({ body: { all: true } }),
  'PUT /api/v1/workspaces/:workspace/notification-preferences': async (who) => {
    // What the caller may set: their own preferences, sent back unchanged.
    const mine = await ok<{ items: { type: string; channels: string[] }[] }>(call(h.app, clients[memberOf(who)], 'GET', api('notification-preferences')));
    return { body: { items: mine.items.slice(0, 1).map((p) => ({ type: p.type, channels: p.channels })) } };
  },
  'POST /api/v1/workspaces/:workspace/requests': () => ({ body: { type: 'deal_support', title: unique('Join a call'), description: 'Thursday with the CFO' } }),
  'GET /api/v1/workspaces/:workspace/requests/similar': () => ({ query: { text: 'matrix request for a deal' } }),
  'PATCH /api/v1/workspaces/:workspace/requests/:requestId': async (who) => ({ params: { requestId: await fresh.request(who) }, body: { title: unique('Edited request') } }),
  'POST /api/v1/workspaces/:workspace/requests/:requestId/triage': async () => ({
    params: { requestId: await fresh.request('admin') },
    body: { estimateHours: 3, assigneeUserId: userIds.marketing },
  }),
  'POST /api/v1/workspaces/:workspace/requests/:requestId/start': async () => ({ params: { requestId: await fresh.request('admin', 'triaged') } }),
  'POST /api/v1/workspaces/:workspace/requests/:requestId/deliver': async () => ({ params: { requestId: await fresh.request('admin', 'triaged') }, body: { note: 'Done' } }),
  'POST /api/v1/workspaces/:workspace/requests/:requestId/accept': async (who) => ({ params: { requestId: await fresh.request(who, 'delivered') } }),
  'POST /api/v1/workspaces/:workspace/requests/:requestId/reopen': async (who) => ({ params: { requestId: await fresh.request(who, 'delivered') }, body: { reason: 'Wrong numbers' } }),
  'POST /api/v1/workspaces/:workspace/requests/:requestId/decline': async () => ({ params: { requestId: await fresh.request('admin') }, body: { reason: 'Out of scope' } }),
  // Someone else's request: the spare member's.
  'POST /api/v1/workspaces/:workspace/requests/:requestId/plus-one': async () => {
    const spare = await login(h.app, 'spare@alpha.test', PASSWORD);
    const r = await ok<{ request: { id: string } }>(
      call(h.app, spare, 'POST', api('requests'), { body: { type: 'other', title: unique('Spare request'), description: 'Anyone else?' } }),
    );
    return { params: { requestId: r.request.id }, body: { dealIds: [shared.dealId] } };
  },
  'POST /api/v1/workspaces/:workspace/requests/:requestId/merge': async () => ({
    params: { requestId: await fresh.request('admin') },
    body: { intoRequestId: await fresh.request('admin') },
  }),
  'POST /api/v1/workspaces/:workspace/requests/:requestId/override': () => ({ body: { kind: 'pin', reason: 'Board meeting' } }),
  'POST /api/v1/workspaces/:workspace/requests/:requestId/boost': () => ({ body: { points: 10, reason: 'Strategic logo' } }),
  'POST /api/v1/workspaces/:workspace/requests/:requestId/comments': () => ({ body: { body: unique('Matrix comment') } }),
  'POST /api/v1/workspaces/:workspace/requests/:requestId/attachments': () => multipart({}, pdfOf('Matrix attachment'), 'attachment.pdf'),
  'GET /api/v1/workspaces/:workspace/requests/:requestId/attachments/:fileId': () => ({ params: { fileId: shared.requestFileId! } }),
  'DELETE /api/v1/workspaces/:workspace/requests/:requestId/attachments/:fileId': async (who) => ({ params: { fileId: await fresh.requestFile(who) } }),
  'POST /api/v1/workspaces/:workspace/goals': () => ({
    body: { title: unique('Matrix goal'), period: { kind: 'custom', start: '2026-01-01', end: '2026-12-31' }, ownerIds: [userIds.marketing, userIds.sales_lead] },
  }),
  'PATCH /api/v1/workspaces/:workspace/goals/:goalId': () => ({ body: { title: unique('Edited goal') } }),
  'DELETE /api/v1/workspaces/:workspace/goals/:goalId': async () => ({ params: { goalId: (await fresh.goal()).id } }),
  'GET /api/v1/workspaces/:workspace/metrics/:metric': () => ({ params: { metric: 'win-rate' } }),
  'GET /api/v1/workspaces/:workspace/metrics/:metric/records': () => ({ params: { metric: 'win-rate' } }),
  'POST /api/v1/workspaces/:workspace/goals/:goalId/key-results': () => ({ body: { title: unique('Matrix result'), kind: 'manual', baseline: 1, target: 2 } }),
  'PATCH /api/v1/workspaces/:workspace/goals/:goalId/key-results/:keyResultId': () => ({ body: { title: unique('Edited result') } }),
  'DELETE /api/v1/workspaces/:workspace/goals/:goalId/key-results/:keyResultId': async () => {
    const goal = await fresh.goal();
    return { params: { goalId: goal.id, keyResultId: goal.keyResults[0]!.id } };
  },
  'POST /api/v1/workspaces/:workspace/goals/:goalId/key-results/:keyResultId/check-ins': () => ({ body: { value: 3, note: unique('Matrix check-in') } }),
  'POST /api/v1/workspaces/:workspace/goals/:goalId/comments': () => ({ body: { body: unique('Matrix goal comment') } }),
  'PATCH /api/v1/workspaces/:workspace/requests/settings': () => ({ body: { weights: { pipeline: 0.4 } } }),
  'PUT /api/v1/workspaces/:workspace/requests/settings/capacity': () => ({ body: { items: [{ userId: userIds.marketing, weeklyHours: 20 }] } }),
  'POST /api/v1/workspaces/:workspace/pulses': async () => {
    const list = await ok<{ items: { id: string; status: string }[] }>(asAdmin('GET', 'pulses'));
    for (const p of list.items) if (p.status !== 'closed') await ok(asAdmin('POST', `pulses/${p.id}/close`));
    return { body: {} };
  },
  'GET /api/v1/workspaces/:workspace/pulses/:pulseId': async () => ({ params: { pulseId: (shared.pulseId ??= await fresh.pulse()) } }),
  'GET /api/v1/workspaces/:workspace/pulses/:pulseId/results': async () => ({ params: { pulseId: (shared.pulseId ??= await fresh.pulse()) } }),
  'POST /api/v1/workspaces/:workspace/pulses/:pulseId/close': async () => ({ params: { pulseId: await fresh.pulse() } }),
  'POST /api/v1/workspaces/:workspace/pulses/:pulseId/answers': async () => ({
    params: { pulseId: await fresh.pulse() },
    body: { answers: Object.fromEntries(DEFAULT_PULSE_QUESTIONS.map((q) => [q.id, 4])) },
  }),
  'POST /api/v1/workspaces/:workspace/decisions': () => ({ body: { ...decisionDraft(), stakeholderRoles: ['sales'] } }),
  'GET /api/v1/workspaces/:workspace/decisions/:decisionId': async () => ({ params: { decisionId: (shared.decisionId ??= await fresh.decision(userIds.admin)) } }),
  'POST /api/v1/workspaces/:workspace/decisions/:decisionId/inputs': async () => ({
    params: { decisionId: await fresh.decision(await fresh.decider()) },
    body: { stance: 'support' },
  }),
  'POST /api/v1/workspaces/:workspace/decisions/:decisionId/decide': async (who) => ({
    params: { decisionId: await fresh.decision(userIds[who === 'marketing' ? 'marketing' : 'admin']) },
    body: { chosenOption: 'Ship', rationale: 'Matrix' },
  }),
  'POST /api/v1/workspaces/:workspace/decisions/:decisionId/reopen': async (who) => ({
    params: { decisionId: await fresh.decision(userIds[who === 'marketing' ? 'marketing' : 'admin'], true) },
    body: { reason: 'New facts', inputClosesAt: decisionDraft().inputClosesAt, decideBy: decisionDraft().decideBy },
  }),
  'PUT /api/v1/workspaces/:workspace/decisions/:decisionId/links': async (who) => ({
    params: { decisionId: await fresh.decision(userIds[who === 'marketing' ? 'marketing' : 'admin']) },
    body: {},
  }),
  'POST /api/v1/workspaces/:workspace/touchpoints/upsert': () => ({
    body: { touchpoints: [{ source: 'matrix', externalId: unique('tp'), dealId: shared.dealId, occurredAt: '2026-01-05T10:00:00Z', team: 'sales' }] },
  }),
  'GET /api/v1/workspaces/:workspace/attribution/report': () => ({ query: { from: '2026-01-01', to: '2026-03-31' } }),
  'POST /api/v1/workspaces/:workspace/attribution/model-of-record': () => ({ body: { model: 'linear', rationale: 'The matrix picks linear', effectiveFrom: '2026-01-01' } }),
  'POST /api/v1/workspaces/:workspace/attribution/disputes': () => ({ body: { dealId: shared.dealId, target: 'split', reason: 'Matrix dispute' } }),
  'POST /api/v1/workspaces/:workspace/attribution/disputes/:disputeId/resolve': async () => ({
    params: { disputeId: (await ok<{ dispute: { id: string } }>(asAdmin('POST', 'attribution/disputes', { body: { dealId: shared.dealId, target: 'split', reason: 'Matrix dispute' } }))).dispute.id },
    body: { decision: 'reject', reason: 'Matrix says no' },
  }),
  'POST /api/v1/workspaces/:workspace/meetings': () => ({ body: { title: unique('Matrix series'), cadence: 'monthly', startsOn: '2026-01-06', startTime: '09:30', timeZone: 'UTC', durationMinutes: 30, attendeeIds: [userIds.sales] } }),
  'GET /api/v1/workspaces/:workspace/meetings/metrics': () => ({ query: { from: '2026-01-01', to: '2026-03-31' } }),
  'GET /api/v1/workspaces/:workspace/meetings/:seriesId': async () => ({ params: { seriesId: await fresh.series() } }),
  'GET /api/v1/workspaces/:workspace/meetings/:seriesId/occurrences/:number': async () => ({ params: { seriesId: await fresh.series(), number: '1' } }),
  'POST /api/v1/workspaces/:workspace/meetings/:seriesId/occurrences/:number/agenda': async () => ({ params: { seriesId: await fresh.series(), number: '1' }, body: { title: unique('Matrix topic') } }),
  'PUT /api/v1/workspaces/:workspace/meetings/:seriesId/occurrences/:number/agenda': async () => ({ params: { seriesId: await fresh.series(), number: '1' }, body: { order: [await fresh.agendaItem()] } }),
  'PATCH /api/v1/workspaces/:workspace/meetings/:seriesId/occurrences/:number/agenda/:agendaItemId': async () => ({
    params: { seriesId: await fresh.series(), number: '1', agendaItemId: await fresh.agendaItem() },
    body: { notes: unique('Matrix note') },
  }),
  'POST /api/v1/workspaces/:workspace/meetings/:seriesId/occurrences/:number/publish': async () => ({ params: { seriesId: await fresh.series(), number: '2' } }),
  'PUT /api/v1/workspaces/:workspace/meetings/:seriesId/occurrences/:number/attendance': async () => ({ params: { seriesId: await fresh.series(), number: '1' }, body: { presentUserIds: [userIds.marketing] } }),
  'POST /api/v1/workspaces/:workspace/meetings/:seriesId/occurrences/:number/action-items': async () => ({
    params: { seriesId: await fresh.series(), number: '1' },
    body: { title: unique('Matrix action'), ownerUserId: userIds.sales, dueOn: '2026-12-31' },
  }),
  'PATCH /api/v1/workspaces/:workspace/meetings/action-items/:actionItemId': async (who) => ({ params: { actionItemId: await fresh.actionItem(who) }, body: { done: true } }),
  'GET /api/v1/workspaces/:workspace/meetings/:seriesId/occurrences/:number/invite.ics': async () => ({ params: { seriesId: await fresh.series(), number: '1' } }),
  'GET /api/v1/workspaces/:workspace/meetings/:seriesId/occurrences/:number/export.md': async () => ({ params: { seriesId: await fresh.series(), number: '1' }, query: { part: 'minutes' } }),
  'POST /api/v1/workspaces/:workspace/deliveries/:deliveryId/retry': async () => ({ params: { deliveryId: await fresh.deadDelivery() } }),
  'POST /api/v1/workspaces/:workspace/deliveries/:deliveryId/discard': async () => ({ params: { deliveryId: await fresh.deadDelivery() } }),
  'POST /api/v1/workspaces/:workspace/webhooks': () => ({ body: { url: 'https://8.8.8.8/matrix', eventTypes: ['import.completed'] } }),
  'PATCH /api/v1/workspaces/:workspace/webhooks/:subscriptionId': () => ({ body: { description: unique('matrix hook') } }),
  'DELETE /api/v1/workspaces/:workspace/webhooks/:subscriptionId': async () => ({
    params: { subscriptionId: (await integrationsRepository.insertWebhook(h.services.deps.database.db, { workspaceId: wsA, url: 'https://8.8.8.8/doomed', eventTypes: ['import.completed'], secret: 'whsec_doomed' })).id },
  }),
  'POST /api/v1/workspaces/:workspace/slack-channels': () => ({ body: { name: unique('#matrix'), webhookUrl: `${receiver.url}/services/T/B/${++seq}`, eventTypes: ['import.completed'] } }),
  'PATCH /api/v1/workspaces/:workspace/slack-channels/:channelId': () => ({ body: { name: unique('#renamed') } }),
  'DELETE /api/v1/workspaces/:workspace/slack-channels/:channelId': async () => ({
    params: { channelId: (await integrationsRepository.insertSlackChannel(h.services.deps.database.db, { workspaceId: wsA, name: unique('#doomed'), webhookUrl: `${receiver.url}/services/T/B/doomed`, eventTypes: ['import.completed'] })).id },
  }),
};

/** A valid new decision: input closes in two days, decided a day later. */
function decisionDraft() {
  const at = (days: number) => new Date(Date.now() + days * 86_400_000);
  return { title: unique('Matrix decision'), context: 'Which way', kind: 'other', options: ['Ship', 'Wait'], inputClosesAt: at(2).toISOString(), decideBy: at(3).toISOString().slice(0, 10) };
}

function unsubscribeToken() {
  return signUnsubscribe(h.services.deps.secret, { workspaceId: wsA, userId: shared.spareUserId!, eventType: 'import.completed' });
}

async function freshSuggestion() {
  const itemId = await fresh.untriagedItem();
  const [s] = await suggestionsRepository.replacePendingSuggestions(h.services.deps.database.db, wsA, [
    { workspaceId: wsA, label: unique('suggested'), keyPhrases: ['matrix'], itemIds: [itemId], representativeIds: [itemId] },
  ]);
  return s!.id;
}

function fill(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'workspace') return A;
    const v = params[name] ?? shared[name];
    if (!v) throw new Error(`role matrix: no value for :${name} in ${url}; add a shared fixture or an INPUTS entry`);
    return v;
  });
}

/** Workspace A's single sign-on settings, against the loopback provider. */
async function ssoSettings() {
  idp ??= await startTestProvider({ redirectUri: 'http://tandem.test/api/v1/sso/callback' });
  return { enabled: true, provider: 'okta', issuerUrl: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, allowedDomains: ['alpha.test'], defaultRole: 'sales', ssoOnly: false };
}

/** How the caller was answered: through (the handler ran), refused by access, or something else. */
function outcome(who: Caller, status: number, allowedStatus: number | undefined): 'allowed' | 'refused' | `unexpected ${number}` {
  if (status < 300 || status === allowedStatus) return 'allowed';
  const refusal = who === 'signed_out' ? 401 : who === 'non_member' ? 404 : 403;
  if (status === refusal) return 'refused';
  return `unexpected ${status}`;
}

beforeAll(async () => {
  [h, receiver] = await Promise.all([createHarness({ TANDEM_WEBHOOK_ALLOW_PRIVATE: '1', TANDEM_UNDO_SECONDS: '300' }), startWebhookReceiver()]);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-matrix-'));
  clients.admin = await setupAdmin(h.app, { slug: A, email: 'admin@alpha.test', password: PASSWORD });
  wsA = (await ok<{ id: string }>(call(h.app, clients.admin, 'GET', api('').slice(0, -1)))).id;
  const session = await ok<{ user: { id: string } }>(call(h.app, clients.admin, 'GET', '/api/v1/auth/session'));
  userIds.admin = session.user.id;
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const m = await addMember(h.app, clients.admin, A, `${role}@alpha.test`, role);
    clients[role] = m.client;
    userIds[role] = m.userId;
  }
  shared.spareUserId = (await addMember(h.app, clients.admin, A, 'spare@alpha.test', 'sales')).userId;
  shared.userId = shared.spareUserId;
  // Workspace B, made as the CLI makes one, with an admin who belongs nowhere else.
  const wsB = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: wsB.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'admin@bravo.test', name: 'Bea Bravo', role: 'admin', password: PASSWORD },
  );
  clients.non_member = await login(h.app, 'admin@bravo.test', PASSWORD);

  shared.teamId = (await ok<{ id: string }>(asAdmin('POST', 'teams', { body: { name: 'Shared team' } }))).id;
  shared.id = (await fresh.invitation()).id;
  shared.tokenId = (await ok<{ id: string }>(asAdmin('POST', 'tokens', { body: { name: 'shared' } }))).id;
  const upsert = await ok<{ importId: string }>(asAdmin('POST', 'deals/upsert', { body: { source: 'shared', deals: [{ externalId: 's1', stage: 'Prospecting', name: 'Shared deal' }] } }));
  shared.importId = upsert.importId;
  const deals = await ok<{ items: { id: string; accountId: string | null }[] }>(asAdmin('GET', 'deals'));
  shared.dealId = deals.items[0]!.id;
  const [account] = await dealsRepository.insertAccounts(h.services.deps.database.db, [{ workspaceId: wsA, name: 'Shared account', segment: 'SMB' }]);
  shared.accountId = account!.id;
  const itemId = await fresh.item('admin');
  shared.itemId = itemId;
  shared.themeId = (await ok<{ id: string }>(asAdmin('POST', 'themes', { body: { name: 'Shared theme', itemIds: [itemId] } }))).id;
  shared.subscriptionId = (await ok<{ id: string }>(asAdmin('POST', 'webhooks', { body: { url: `${receiver.url}/shared`, eventTypes: ['import.completed'] } }))).id;
  shared.channelId = (await ok<{ id: string }>(asAdmin('POST', 'slack-channels', { body: { name: '#shared', webhookUrl: `${receiver.url}/services/T/B/shared`, eventTypes: ['import.completed'] } }))).id;
  shared.deliveryId = await fresh.deadDelivery();
  shared.competitorId = await fresh.competitor();
  shared.assetId = await fresh.asset();
  shared.number = '1';
  shared.fileId = await fresh.assetFile();
  shared.shareLinkId = (await ok<{ id: string }>(asAdmin('POST', `assets/${shared.assetId}/share-links`, { body: { dealId: shared.dealId } }))).id;
  shared.requestId = await fresh.request('admin');
  shared.requestFileId = await fresh.requestFile('admin');
  const goal = await fresh.goal();
  shared.goalId = goal.id;
  shared.keyResultId = goal.keyResults[0]!.id;
});

afterAll(async () => {
  await receiver?.close();
  await idp?.close();
  await h?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

describe('role matrix', () => {
  it('has one row for every route, and no row without a route', () => {
    const registered = h.app.routeCatalog.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((key) => !(key in ROLE_MATRIX)), 'routes without a row in test/role-matrix.ts').toEqual([]);
    expect(Object.keys(ROLE_MATRIX).filter((key) => !registered.includes(key)), 'rows naming no route').toEqual([]);
  });

  // One test per row (the row check above makes sure the rows are exactly the registered routes).
  describe('lets through exactly the callers the row names, refuses every other, and never answers 5xx', () => {
    for (const [key, expected] of Object.entries(ROLE_MATRIX)) {
      it(key, { timeout: 60_000 }, async () => {
        const [method, url] = key.split(' ') as [Method, string];
        const failures: string[] = [];
        for (const who of CALLERS) {
          const input = (await INPUTS[key]?.(who)) ?? {};
          const client = 'client' in input ? input.client! : who === 'signed_out' ? null : clients[who];
          const body = input.body ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
          const res = await call(h.app, client, method, fill(url, input.params ?? {}), { body, query: input.query, headers: input.headers });
          const want = expected.includes(who) ? 'allowed' : 'refused';
          const got = res.statusCode >= 500 ? `unexpected ${res.statusCode}` : outcome(who, res.statusCode, input.allowedStatus);
          if (got !== want) failures.push(`${who}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (got === 'allowed' && input.after) await input.after();
        }
        expect(failures).toEqual([]);
      });
    }
  });
});
