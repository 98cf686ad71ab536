/**
 * Test fixtures for the competitors and influence tests: accounts, deals, assets, usage events and feedback written
 * straight into the tables (plain SQL on the owner's connection), so the numbers under test depend on nothing but
 * what the test wrote.
 */
import type pg from 'pg';
import { cliActor } from '../../../lib/context.ts';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';

export interface World {
  h: Harness;
  ws: string;
  wsB: string;
  clients: { admin: Client; marketing: Client; sales_lead: Client; sales: Client; other: Client };
  repId: string;
  pool: pg.Pool;
}

export async function makeWorld(): Promise<World> {
  const h = await createHarness();
  const admin = await setupAdmin(h.app);
  const ws = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id as string;
  const marketing = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  const lead = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
  const rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'admin@bravo.test', name: 'Bea Bravo', role: 'admin', password: PASSWORD },
  );
  const other = await login(h.app, 'admin@bravo.test', PASSWORD);
  return {
    h,
    ws,
    wsB: b.id,
    clients: { admin, marketing: marketing.client, sales_lead: lead.client, sales: rep.client, other },
    repId: rep.userId,
    pool: h.services.deps.database.pool,
  };
}

let seq = 0;

export async function account(w: World, name: string, segment: string | null): Promise<string> {
  const r = await w.pool.query('insert into accounts (workspace_id, name, segment) values ($1, $2, $3) returning id', [w.ws, name, segment]);
  return r.rows[0].id;
}

export interface DealSpec {
  accountId?: string | null;
  status: 'open' | 'won' | 'lost';
  closeDate?: string | null;
  amount?: string | null;
  competitors?: string[];
  removed?: boolean;
}

export async function deal(w: World, d: DealSpec): Promise<string> {
  seq += 1;
  const r = await w.pool.query(
    `insert into deals (workspace_id, source, external_id, name, account_id, amount, currency, amount_base, stage, stage_category, close_date, competitors, removed_at)
     values ($1, 'fixture', $2, $3, $4, $5, $6, $5, $7, $7, $8, $9, $10) returning id`,
    [
      w.ws,
      `f${seq}`,
      `Deal ${seq}`,
      d.accountId ?? null,
      d.amount ?? null,
      d.amount ? 'USD' : null,
      d.status,
      d.closeDate ?? null,
      d.competitors ?? [],
      d.removed ? new Date() : null,
    ],
  );
  return r.rows[0].id;
}

export async function asset(w: World, title: string, opts: { type?: string; status?: string; competitorIds?: string[]; reviewBy?: string | null } = {}): Promise<string> {
  const r = await w.pool.query(
    `insert into assets (workspace_id, title, type, status, competitor_ids, review_by, current_version, published_at)
     values ($1, $2, $3, $4, $5::uuid[], $6, case when $4 = 'published' then 1 end, case when $4 = 'published' then now() end) returning id`,
    [w.ws, title, opts.type ?? 'one_pager', opts.status ?? 'published', opts.competitorIds ?? [], opts.reviewBy ?? null],
  );
  return r.rows[0].id;
}

export async function usage(w: World, assetId: string, dealId: string | null, kind: string, occurredAt: string) {
  await w.pool.query('insert into asset_usage_events (workspace_id, asset_id, kind, deal_id, occurred_at) values ($1, $2, $3, $4, $5)', [w.ws, assetId, kind, dealId, occurredAt]);
}

export async function feedback(w: World, f: { kind?: string; text: string; competitor?: string | null; dealId?: string | null; themeId?: string | null; observedAt?: string }) {
  const r = await w.pool.query(
    `insert into feedback_items (workspace_id, kind, text, competitor, source, submitted_by_user_id, deal_id, theme_id, observed_at)
     values ($1, $2, $3, $4, 'call', $5, $6, $7, coalesce($8::timestamptz, now())) returning id`,
    [w.ws, f.kind ?? 'objection', f.text, f.competitor ?? null, w.repId, f.dealId ?? null, f.themeId ?? null, f.observedAt ?? null],
  );
  return r.rows[0].id as string;
}

export async function theme(w: World, name: string, status = 'new'): Promise<string> {
  const r = await w.pool.query('insert into themes (workspace_id, name, status) values ($1, $2, $3) returning id', [w.ws, name, status]);
  return r.rows[0].id;
}
