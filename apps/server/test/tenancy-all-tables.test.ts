/**
 * Row-level security on every tenant table: each table with a `workspace_id` column (found in
 * information_schema, so a new table is covered the day it is added) holds rows of workspace A — the demo story
 * plus what the demo does not make — and workspace B's application role, with no filter in its queries, sees none
 * of them, cannot change or delete them, cannot write a row into A, and cannot move its own rows into A.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo.ts';
import { cliActor } from '../src/lib/context.ts';
import { integrationsRepository } from '../src/modules/notifications/integrations/integrations.repository.ts';
import { importsRepository } from '../src/modules/imports/imports.repository.ts';
import { summaryRepository } from '../src/modules/notifications/delivery/summary.repository.ts';
import { inboxRepository } from '../src/modules/notifications/inbox/inbox.repository.ts';
import { outboxRepository } from '../src/modules/notifications/outbox/outbox.repository.ts';
import { call, createHarness, login, type Client, type Harness } from './app-harness.ts';

let h: Harness;
let a: string;
let b: string;
let tables: string[];
let tmp: string;
const DEMO_PASSWORD = 'tandem-demo-2026';

/** Quoted, for the table names read from the catalogue. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** What a workspace's own people do through the API beyond the demo story: tokens, integrations, imports… */
async function useWorkspace(slug: string, admin: Client, workspaceId: string) {
  const post = async (p: string, body: unknown) => {
    const res = await call(h.app, admin, 'POST', `/api/v1/workspaces/${slug}/${p}`, { body });
    if (res.statusCode >= 300) throw new Error(`${p}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  await post('tokens', { name: 'script' });
  await post('invitations', { email: `pending@${slug}.test`, role: 'sales' });
  await post('teams', { name: `${slug} team` });
  const upserted = await post('deals/upsert', { source: 'sync', deals: [{ externalId: `${slug}-1`, stage: 'Prospecting', name: `${slug} deal`, account: `${slug} account` }] });
  const item = await post('feedback', { kind: 'objection', text: `${slug}: the price is too high` });
  const pricing = await post('themes', { name: `${slug} pricing`, itemIds: [item.item.id] });
  // A merge of themes (its record is kept so it can be undone).
  const other = await post('feedback', { kind: 'objection', text: `${slug}: costs more than the old tool` });
  const cost = await post('themes', { name: `${slug} cost`, itemIds: [other.item.id] });
  await post(`themes/${pricing.id}/merge`, { sourceThemeIds: [cost.id] });
  await post('notifications/read', { all: true });
  const put = async (p: string, body: unknown) => {
    const res = await call(h.app, admin, 'PUT', `/api/v1/workspaces/${slug}/${p}`, { body });
    if (res.statusCode >= 300) throw new Error(`${p}: ${res.statusCode} ${res.body}`);
  };
  const get = async (p: string) => (await call(h.app, admin, 'GET', `/api/v1/workspaces/${slug}/${p}`)).json();
  await put('deal-settings/stages', { items: [{ stage: 'Custom stage', category: 'open' }] });
  const prefs = (await get('notification-preferences')).items as { type: string; channels: string[] }[];
  await put('notification-preferences', { items: prefs.slice(0, 1).map((p) => ({ type: p.type, channels: p.channels })) });
  const others = ((await get('members')).items as { userId?: string; id?: string; role: string }[]).filter((m) => m.role !== 'admin');
  if (others[0]) await post(`members/${others[0].userId ?? others[0].id}/password-reset`, undefined);
  // A feedback import (a multipart upload), and a deal import with a mapping, a change and a rejected row.
  const form = new FormData();
  form.append('mapping', JSON.stringify({ Notes: 'text' }));
  form.append('file', new Blob(['Notes\nImported note\n'], { type: 'text/csv' }), 'notes.csv');
  const req = new Request('http://tandem.test', { method: 'POST', body: form });
  const res = await call(h.app, admin, 'POST', `/api/v1/workspaces/${slug}/feedback/import`, {
    body: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type')! },
  });
  if (res.statusCode >= 300) throw new Error(`feedback import: ${res.statusCode} ${res.body}`);
  const file = path.join(tmp, `${slug}.csv`);
  await fs.writeFile(file, 'Id,Deal,Phase,Value\nM-1,Mapped deal,Prospecting,100\nM-2,No stage,,5\n');
  await h.services.imports.runFile({ workspaceId, actor: cliActor('tenancy') }, file, {
    kind: 'deals',
    format: 'csv',
    source: 'mapped',
    mapping: { fields: { externalId: 'Id', name: 'Deal', stage: 'Phase', amount: 'Value' } },
  });
  // Again with a new amount: the import records the deal's state before (undo puts it back).
  await fs.writeFile(file, 'Id,Deal,Phase,Value\nM-1,Mapped deal,Prospecting,200\n');
  await h.services.imports.runFile({ workspaceId, actor: cliActor('tenancy') }, file, {
    kind: 'deals',
    format: 'csv',
    source: 'mapped',
    mapping: { fields: { externalId: 'Id', name: 'Deal', stage: 'Phase', amount: 'Value' } },
  });
  const { db } = h.services.deps.database;
  // The mapping an upload remembers for the next one (saved when an uploaded import starts).
  await importsRepository.saveMapping(db, { workspaceId, kind: 'deals', source: 'mapped', format: 'csv', mapping: null });
  const me = (await call(h.app, admin, 'GET', '/api/v1/auth/session')).json().user.id as string;
  const sub = await integrationsRepository.insertWebhook(db, { workspaceId, url: 'https://8.8.8.8/hook', eventTypes: ['import.completed'], secret: 'whsec_x' });
  await integrationsRepository.insertSlackChannel(db, { workspaceId, name: '#x', webhookUrl: 'https://hooks.slack.com/services/T/B/x', eventTypes: ['import.completed'] });
  const event = await outboxRepository.insertEvent(db, { workspaceId, type: 'import.completed', version: 1, payload: {} });
  const [delivery] = await outboxRepository.insertDeliveries(db, [
    { workspaceId, eventId: event.id, eventType: 'import.completed', channel: 'webhook', target: 'https://8.8.8.8/hook', targetId: sub.id },
  ]);
  await outboxRepository.insertAttempt(db, { workspaceId, deliveryId: delivery!.id, attempt: 1, at: new Date(), statusCode: 500, error: 'HTTP 500' });
  // The day's summary of untriaged feedback for marketing (normally the daily job's claim).
  await summaryRepository.claimDay(db, workspaceId, '2026-01-15', 3);
  await inboxRepository.insertInboxItems(db, [{ workspaceId, userId: me, eventId: event.id, type: 'import.completed', title: 'Import finished', body: 'x' }]);
  // A request for the deal (requesters, deals, activity), a comment, a file; the settings, a PMM's hours; an SLA notice.
  const filed = await post('requests', { type: 'new_asset', title: `${slug} pricing sheet`, description: 'For the deal', dealIds: [upserted.results[0].dealId] });
  await post(`requests/${filed.request.id}/comments`, { body: 'By Friday, please' });
  const pdf = new FormData();
  pdf.append('file', new Blob(['%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n']), 'brief.pdf');
  const pdfReq = new Request('http://tandem.test', { method: 'POST', body: pdf });
  const attached = await call(h.app, admin, 'POST', `/api/v1/workspaces/${slug}/requests/${filed.request.id}/attachments`, {
    body: Buffer.from(await pdfReq.arrayBuffer()),
    headers: { 'content-type': pdfReq.headers.get('content-type')! },
  });
  if (attached.statusCode >= 300) throw new Error(`request attachment: ${attached.statusCode} ${attached.body}`);
  const patched = await call(h.app, admin, 'PATCH', `/api/v1/workspaces/${slug}/requests/settings`, { body: { weights: { pipeline: 0.5 } } });
  if (patched.statusCode >= 300) throw new Error(`request settings: ${patched.statusCode} ${patched.body}`);
  await put('requests/settings/capacity', { items: [{ userId: me, weeklyHours: 10 }] });
  await h.services.deps.database.pool.query(
    "insert into request_sla_notices (workspace_id, request_id, clock, state) values ($1, $2, 'first_response', 'due_soon')",
    [workspaceId, filed.request.id],
  );
  // A decision with a stakeholder, an input, an outcome and a link to the theme (one statement: the API would need a second member).
  await h.services.deps.database.pool.query(
    `with d as (insert into decisions (workspace_id, title, context, kind, options, owner_user_id, status, input_opened_at, input_closes_at, decide_by)
                values ($1, 'Pricing call', 'Why', 'pricing_packaging', '{A,B}', $2, 'decided', now(), now() + interval '1 day', current_date + 2) returning id),
          s as (insert into decision_stakeholders (workspace_id, decision_id, user_id, via) select $1, id, $2, 'person' from d),
          i as (insert into decision_inputs (workspace_id, decision_id, round, user_id, stance) select $1, id, 1, $2, 'support' from d),
          o as (insert into decision_outcomes (workspace_id, decision_id, round, chosen_option, rationale, decided_at) select $1, id, 1, 'A', 'Because', now() from d)
     insert into decision_links (workspace_id, decision_id, target_type, target_id) select $1, id, 'theme', $3 from d`,
    [workspaceId, me, pricing.id],
  );
  // Attribution: a touchpoint on the deal (which marks it for the next recompute), a dispute of its split, a model of record.
  const dealId = upserted.results[0].dealId;
  await post('touchpoints/upsert', { touchpoints: [{ source: 'tenancy', externalId: `${slug}-tp-1`, dealId, occurredAt: '2026-01-10T10:00:00Z', team: 'marketing', kind: 'webinar', campaign: 'Spring webinar' }] });
  await post('attribution/disputes', { dealId, target: 'split', reason: `${slug}: sales ran this deal` });
  await post('attribution/model-of-record', { model: 'w_shaped', rationale: 'Both teams agreed on W-shaped', effectiveFrom: '2026-01-01' });
  // Single sign-on: a provider (the API saves one only once its discovery answers, so inserted here) and a linked subject.
  await h.services.deps.database.pool.query(
    `insert into sso_settings (workspace_id, provider, display_name, issuer_url, client_id, client_secret_sealed, allowed_domains, default_role)
     values ($1, 'okta', 'Okta', 'https://idp.example.com', 'tandem', 'v1.a.b.c', '{example.com}', 'sales')`,
    [workspaceId],
  );
  await h.services.deps.database.pool.query("insert into sso_identities (workspace_id, issuer, subject, user_id) values ($1, 'https://idp.example.com', 'sub-1', $2)", [
    workspaceId,
    me,
  ]);
}

beforeAll(async () => {
  h = await createHarness();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-tenancy-'));
  const demo = await seedDemo(h.services, pino({ level: 'silent' }), { scale: 0.1 });
  a = (await h.services.workspaces.resolve(demo.slug))!.id;
  const dana = await login(h.app, demo.logins[0]!.email, DEMO_PASSWORD);
  await useWorkspace(demo.slug, dana, a);

  b = (await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null)).id;
  await h.services.workspaces.addMember(
    { workspaceId: b, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'admin@bravo.test', name: 'Bea Bravo', role: 'admin', password: DEMO_PASSWORD },
  );
  await useWorkspace('bravo', await login(h.app, 'admin@bravo.test', DEMO_PASSWORD), b);

  const { rows } = await h.services.deps.database.pool.query<{ table_name: string }>(`
    select c.table_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = 'public' and c.column_name = 'workspace_id' and t.table_type = 'BASE TABLE' order by 1`);
  tables = rows.map((r) => r.table_name);
}, 120_000);
afterAll(async () => {
  await h?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** Rows of a table in a workspace, counted by the owner (no row-level security). */
async function ownerCount(table: string, workspaceId: string) {
  const r = await h.services.deps.database.pool.query(`select count(*)::int as n from ${ident(table)} where workspace_id = $1`, [workspaceId]);
  return r.rows[0].n as number;
}

/** Runs as workspace B's application role; a failed statement rolls back only its savepoint. */
async function asB<T>(statement: ReturnType<typeof sql.raw>): Promise<{ rows: T[]; rowCount: number } | { error: string }> {
  return h.services.deps.database.withTenant(b, async (tx) => {
    try {
      return await tx.transaction(async (sp) => {
        const r = await sp.execute(statement);
        return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
      });
    } catch (e) {
      const err = e as { code?: string; cause?: { code?: string } };
      return { error: err.cause?.code ?? err.code ?? String(e) };
    }
  });
}

describe('row-level security on every tenant table', () => {
  it('finds the tenant tables, and every one holds rows of workspace A to hide (seed one here for a new table)', async () => {
    expect(tables.length).toBeGreaterThan(20);
    const empty = [];
    for (const t of tables) if ((await ownerCount(t, a)) === 0) empty.push(t);
    expect(empty, 'tenant tables with no row of workspace A: add one in useWorkspace()').toEqual([]);
  });

  it("B sees none of A's rows, even with no filter in the query", async () => {
    const leaks: string[] = [];
    for (const t of tables) {
      const r = await asB<{ n: number; others: number }>(
        sql.raw(`select count(*)::int as n, count(*) filter (where workspace_id <> '${b}')::int as others from ${ident(t)}`),
      );
      if ('error' in r) leaks.push(`${t}: ${r.error}`);
      else if (r.rows[0]!.others !== 0) leaks.push(`${t}: ${r.rows[0]!.others} rows of another workspace`);
    }
    expect(leaks).toEqual([]);
  });

  it("B can neither change nor delete A's rows", async () => {
    const changed: string[] = [];
    const before = new Map<string, number>();
    for (const t of tables) before.set(t, await ownerCount(t, a));
    for (const t of tables) {
      const upd = await asB(sql.raw(`update ${ident(t)} set workspace_id = workspace_id where workspace_id = '${a}'`));
      if ('error' in upd || upd.rowCount !== 0) changed.push(`update ${t}: ${JSON.stringify(upd)}`);
      const del = await asB(sql.raw(`delete from ${ident(t)} where workspace_id = '${a}'`));
      if ('error' in del || del.rowCount !== 0) changed.push(`delete ${t}: ${JSON.stringify(del)}`);
    }
    expect(changed).toEqual([]);
    for (const t of tables) expect(await ownerCount(t, a), t).toBe(before.get(t));
  });

  it('B can neither write a row into A nor move its own rows there', async () => {
    const wrote: string[] = [];
    for (const t of tables) {
      // A copy of one of A's rows, as the owner reads it: the policy's check refuses it before any key or constraint.
      const { rows } = await h.services.deps.database.pool.query(`select row_to_json(x)::text as j from ${ident(t)} x where workspace_id = $1 limit 1`, [a]);
      if (!rows[0]) continue; // no row to copy: the first test names the table
      const json = (rows[0] as { j: string }).j.replace(/'/g, "''");
      // Every column but generated ones (assets.search_vector), which no insert may name.
      const columns = await h.services.deps.database.pool.query<{ c: string }>(
        `select column_name as c from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
        [t],
      );
      const list = columns.rows.map((r) => ident(r.c)).join(', ');
      const ins = await asB(sql.raw(`insert into ${ident(t)} (${list}) select ${list} from json_populate_record(null::${ident(t)}, '${json}'::json)`));
      if (!('error' in ins) || ins.error !== '42501') wrote.push(`insert ${t}: ${JSON.stringify(ins)}`);
      if ((await ownerCount(t, b)) > 0) {
        const move = await asB(sql.raw(`update ${ident(t)} set workspace_id = '${a}' where workspace_id = '${b}'`));
        if (!('error' in move) || move.error !== '42501') wrote.push(`move ${t}: ${JSON.stringify(move)}`);
      }
    }
    expect(wrote).toEqual([]);
  });
});
