/**
 * A hand-computed fixture for the metric tests: workspace Acme with a fiscal year starting in February (FY2027 Q1 =
 * 2026-02-01 … 2026-04-30), one person of each role, team East (Lee and Rae), and deals, feedback written straight
 * into the tables so each expected number can be worked out from the comments below.
 */
import type pg from 'pg';
import { cliActor } from '../../../lib/context.ts';
import { addMember, call, createHarness, login, PASSWORD, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';

export interface MetricsWorld {
  h: Harness;
  ws: string;
  wsB: string;
  clients: { admin: Client; marketing: Client; sales_lead: Client; sales: Client; other: Client };
  ids: { rae: string; roy: string; lee: string; pia: string; teamId: string };
  deals: Record<string, string>;
  pool: pg.Pool;
}

interface DealSpec {
  name: string;
  stage: 'open' | 'won' | 'lost';
  account: string | null;
  amount: number | null;
  currency?: string;
  base?: number | null;
  close: string | null;
  created: string | null;
  owner: string | null;
  products?: string[];
  competitors?: string[];
  reason?: string | null;
  category?: string | null;
}

let seq = 0;
export async function insertDeal(pool: pg.Pool, ws: string, d: DealSpec): Promise<string> {
  seq += 1;
  const r = await pool.query(
    `insert into deals (workspace_id, source, external_id, name, account_id, amount, currency, amount_base, stage, stage_category,
       close_date, created_date, owner_user_id, products, competitors, reason, loss_reason_category)
     values ($1, 'test', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) returning id`,
    [
      ws, `t-${seq}`, d.name, d.account, d.amount, d.amount === null ? null : (d.currency ?? 'USD'), d.base === undefined ? d.amount : d.base,
      d.stage === 'open' ? 'Proposal' : d.stage === 'won' ? 'Closed Won' : 'Closed Lost', d.stage, d.close, d.created, d.owner,
      d.products ?? [], d.competitors ?? [], d.reason ?? null, d.category ?? null,
    ],
  );
  return r.rows[0].id as string;
}

export async function makeMetricsWorld(): Promise<MetricsWorld> {
  const h = await createHarness();
  const admin = await setupAdmin(h.app);
  const ws = ((await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json() as { id: string }).id;
  const pool = h.services.deps.database.pool;
  await pool.query(`update workspaces set fiscal_year_start_month = 2 where id = $1`, [ws]);
  const pia = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  const lee = await addMember(h.app, admin, 'acme', 'lee@acme.test', 'sales_lead', 'Lee Lead');
  const rae = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
  const roy = await addMember(h.app, admin, 'acme', 'roy@acme.test', 'sales', 'Roy Rep');
  const b = await h.services.workspaces.create(cliActor(), { name: 'Bravo', slug: 'bravo' }, null);
  await h.services.workspaces.addMember(
    { workspaceId: b.id, slug: 'bravo', role: 'admin', actor: cliActor() },
    { email: 'admin@bravo.test', name: 'Bea Bravo', role: 'admin', password: PASSWORD },
  );
  const other = await login(h.app, 'admin@bravo.test', PASSWORD);
  const teamId = (await pool.query(`insert into teams (workspace_id, name, lead_user_id) values ($1, 'East', $2) returning id`, [ws, lee.userId])).rows[0].id as string;
  await pool.query(`insert into team_members (workspace_id, team_id, user_id) values ($1, $2, $3), ($1, $2, $4)`, [ws, teamId, rae.userId, lee.userId]);
  const account = async (name: string, segment: string) =>
    (await pool.query(`insert into accounts (workspace_id, name, segment) values ($1, $2, $3) returning id`, [ws, name, segment])).rows[0].id as string;
  const ent = await account('Acme Corp', 'Enterprise');
  const smb = await account('Beta LLC', 'SMB');
  const R = rae.userId;
  const Y = roy.userId;
  const deals: Record<string, string> = {};
  // FY2027 Q1 (2026-02-01 … 2026-04-30):
  deals.W1 = await insertDeal(pool, ws, { name: 'W1', stage: 'won', account: ent, amount: 1000, close: '2026-02-10', created: '2026-01-01T10:00:00', owner: R, products: ['Core'], competitors: ['Kestrel'] });
  deals.W2 = await insertDeal(pool, ws, { name: 'W2', stage: 'won', account: smb, amount: 500, currency: 'EUR', base: 550, close: '2026-03-15', created: '2026-03-05T09:00:00', owner: Y, products: ['Core', 'Analytics'] });
  deals.W3 = await insertDeal(pool, ws, { name: 'W3', stage: 'won', account: ent, amount: null, close: '2026-04-20', created: '2026-02-20T09:00:00', owner: R, competitors: ['Kestrel'] });
  deals.L1 = await insertDeal(pool, ws, { name: 'L1', stage: 'lost', account: ent, amount: 2000, close: '2026-02-25', created: '2026-02-01T08:00:00', owner: R, competitors: ['Kestrel'], reason: 'Too expensive', category: 'price' });
  deals.L2 = await insertDeal(pool, ws, { name: 'L2', stage: 'lost', account: smb, amount: 300, currency: 'GBP', base: 390, close: '2026-04-05', created: '2026-03-10T12:00:00', owner: Y, competitors: ['Osprey'], reason: 'Missing SSO', category: 'product_gap' });
  deals.O1 = await insertDeal(pool, ws, { name: 'O1', stage: 'open', account: ent, amount: 800, close: '2026-06-30', created: '2026-03-01T09:00:00', owner: R });
  // FY2026 Q4 (2025-11-01 … 2026-01-31): one loss without an amount or reason.
  deals.L3 = await insertDeal(pool, ws, { name: 'L3', stage: 'lost', account: null, amount: null, close: '2026-01-20', created: '2025-12-01T09:00:00', owner: R });
  // Removed deals and workspace B's deals never count.
  const gone = await insertDeal(pool, ws, { name: 'Gone', stage: 'won', account: ent, amount: 9999, close: '2026-03-01', created: '2026-02-02T09:00:00', owner: R });
  await pool.query(`update deals set removed_at = now() where workspace_id = $1 and id = $2`, [ws, gone]);
  await insertDeal(pool, b.id, { name: 'B1', stage: 'won', account: null, amount: 5000, close: '2026-03-01', created: '2026-02-02T09:00:00', owner: null });
  // Feedback in FY2027 Q1: F1 by Rae on L1, acknowledged after 2 days and answered; F2 by Roy, neither.
  const theme = (await pool.query(`insert into themes (workspace_id, name, status) values ($1, 'Pricing too high', 'addressed') returning id`, [ws])).rows[0].id as string;
  const theme2 = (await pool.query(`insert into themes (workspace_id, name, status) values ($1, 'SSO missing', 'new') returning id`, [ws])).rows[0].id as string;
  await pool.query(
    `insert into feedback_items (workspace_id, kind, text, deal_id, competitor, source, submitted_by_user_id, created_at, observed_at, theme_id, acknowledged_at, responded_at)
     values ($1, 'loss_reason', 'They said we cost twice Kestrel', $2, 'Kestrel', 'call', $3, '2026-02-05T10:00:00Z', '2026-02-05T10:00:00Z', $4, '2026-02-07T10:00:00Z', '2026-02-08T10:00:00Z'),
            ($1, 'loss_reason', 'No SSO, no deal', $5, null, 'call', $6, '2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z', $7, null, null)`,
    [ws, deals.L1, R, theme, deals.L2, Y, theme2],
  );
  return {
    h,
    ws,
    wsB: b.id,
    clients: { admin, marketing: pia.client, sales_lead: lee.client, sales: rae.client, other },
    ids: { rae: R, roy: Y, lee: lee.userId, pia: pia.userId, teamId },
    deals,
    pool,
  };
}
