/**
 * Test fixtures for the requests' settings, capacity, metrics and SLA watcher tests: a workspace with one person of
 * each role (plus a second PMM and a team led by the sales lead), and requests, deals, assets and usage written
 * straight into the tables (plain SQL on the owner's connection), so what is under test depends on nothing but what
 * the test wrote — not on the filing and triage code of items/.
 */
import type pg from 'pg';
import { cliActor } from '../../../lib/context.ts';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';

export interface World {
  h: Harness;
  ws: string;
  wsB: string;
  clients: { admin: Client; marketing: Client; sales_lead: Client; sales: Client; other: Client };
  ids: { admin: string; pmm: string; pmm2: string; lead: string; rep: string; rep2: string; bravoAdmin: string };
  teamId: string;
  pool: pg.Pool;
}

export async function makeWorld(): Promise<World> {
  const h = await createHarness();
  const admin = await setupAdmin(h.app);
  const wsRes = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json() as { id: string };
  const ws = wsRes.id;
  const pool = h.services.deps.database.pool;
  const adminId = (await pool.query(`select id from users where email = 'ada@acme.test'`)).rows[0].id as string;
  const pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  const pmm2 = await addMember(h.app, admin, 'acme', 'max@acme.test', 'marketing', 'Max Marketing');
  const lead = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
  const rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  const rep2 = await addMember(h.app, admin, 'acme', 'roy@acme.test', 'sales', 'Roy Rep');
  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'admin@bravo.test', name: 'Bea Bravo', role: 'admin', password: PASSWORD },
  );
  const other = await login(h.app, 'admin@bravo.test', PASSWORD);
  const bravoAdmin = (await pool.query(`select id from users where email = 'admin@bravo.test'`)).rows[0].id as string;
  // Team East: led by Lee, with Rae in it (Roy is in no team).
  const teamId = (await pool.query(`insert into teams (workspace_id, name, lead_user_id) values ($1, 'East', $2) returning id`, [ws, lead.userId])).rows[0].id as string;
  await pool.query(`insert into team_members (workspace_id, team_id, user_id) values ($1, $2, $3), ($1, $2, $4)`, [ws, teamId, rep.userId, lead.userId]);
  return {
    h,
    ws,
    wsB: b.id,
    clients: { admin, marketing: pmm.client, sales_lead: lead.client, sales: rep.client, other },
    ids: { admin: adminId, pmm: pmm.userId, pmm2: pmm2.userId, lead: lead.userId, rep: rep.userId, rep2: rep2.userId, bravoAdmin },
    teamId,
    pool,
  };
}

export interface RequestSpec {
  type?: string;
  title?: string;
  status?: string;
  createdAt: string;
  firstRespondedAt?: string | null;
  deliveredAt?: string | null;
  assignee?: string | null;
  requesters: string[];
  estimateHours?: number | null;
  neededBy?: string | null;
  deliveryAssetIds?: string[];
  dealIds?: string[];
  boostPoints?: number;
  override?: { kind: 'pin' | 'position'; position?: number; at: string; by: string; reason: string };
}

/** Inserts a request with its requesters and deals; answers its id. */
export async function insertRequest(pool: pg.Pool, ws: string, r: RequestSpec): Promise<string> {
  const n = Number((await pool.query(`select coalesce(max(number), 0) + 1 as n from requests where workspace_id = $1`, [ws])).rows[0].n);
  const row = await pool.query(
    `insert into requests (workspace_id, number, type, title, description, status, needed_by, estimate_hours, assignee_user_id,
       first_responded_at, delivered_at, delivery_asset_ids, boost_points, override_kind, override_position, override_reason,
       override_by_user_id, override_at, created_by_user_id, created_at, updated_at)
     values ($1, $2, $3, $4, 'What I need and why', $5, $6, $7, $8, $9, $10, $11::uuid[], $12, $13, $14, $15, $16, $17, $18, $19, $19)
     returning id`,
    [
      ws,
      n,
      r.type ?? 'customize',
      r.title ?? `Request ${n}`,
      r.status ?? 'new',
      r.neededBy ?? null,
      r.estimateHours ?? null,
      r.assignee ?? null,
      r.firstRespondedAt ?? null,
      r.deliveredAt ?? null,
      r.deliveryAssetIds ?? [],
      r.boostPoints ?? 0,
      r.override?.kind ?? null,
      r.override?.position ?? null,
      r.override?.reason ?? null,
      r.override?.by ?? null,
      r.override?.at ?? null,
      r.requesters[0] ?? null,
      r.createdAt,
    ],
  );
  const id = row.rows[0].id as string;
  for (const [i, u] of r.requesters.entries()) {
    await pool.query(`insert into request_requesters (workspace_id, request_id, user_id, joined_at) values ($1, $2, $3, $4::timestamptz + make_interval(secs => $5))`, [
      ws,
      id,
      u,
      r.createdAt,
      i,
    ]);
  }
  for (const d of r.dealIds ?? []) await pool.query(`insert into request_deals (workspace_id, request_id, deal_id) values ($1, $2, $3)`, [ws, id, d]);
  return id;
}

let seq = 0;
export async function insertDeal(pool: pg.Pool, ws: string, d: { amount: number; probability: number; stage?: 'open' | 'won' | 'lost'; closeDate?: string | null; accountId?: string | null }) {
  seq += 1;
  const r = await pool.query(
    `insert into deals (workspace_id, source, external_id, name, account_id, amount, currency, amount_base, stage, stage_category, probability, close_date)
     values ($1, 'fixture', $2, $3, $4, $5, 'USD', $5, $6, $6, $7, $8) returning id`,
    [ws, `r${seq}`, `Deal ${seq}`, d.accountId ?? null, d.amount, d.stage ?? 'open', d.probability, d.closeDate ?? null],
  );
  return r.rows[0].id as string;
}

export async function insertAsset(pool: pg.Pool, ws: string, title: string): Promise<string> {
  const r = await pool.query(
    `insert into assets (workspace_id, title, type, status, current_version, published_at) values ($1, $2, 'one_pager', 'published', 1, now()) returning id`,
    [ws, title],
  );
  return r.rows[0].id as string;
}

export async function insertUsage(pool: pg.Pool, ws: string, assetId: string, userId: string | null, kind: string, occurredAt: string) {
  await pool.query('insert into asset_usage_events (workspace_id, asset_id, kind, user_id, occurred_at) values ($1, $2, $3, $4, $5)', [ws, assetId, kind, userId, occurredAt]);
}

export const tenant = (w: World, role: 'admin' | 'marketing' | 'sales' = 'admin') => ({
  workspaceId: w.ws,
  slug: 'acme',
  role,
  actor: { userId: role === 'admin' ? w.ids.admin : role === 'marketing' ? w.ids.pmm : w.ids.rep, name: 'Test', via: 'session' as const, ip: null, requestId: null },
});
