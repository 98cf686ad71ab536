/**
 * The attribution part of the demo story: Northwind's won and open deals carry the touchpoints both teams claim —
 * campaign responses and webinars from marketing, demos, meetings and proposals from sales, a few partner
 * introductions — between each deal's creation and its close; then the ledger is computed once.
 */
import type { Deps } from '../../lib/deps.ts';
import type { Random } from '../../lib/random.ts';
import { attributionRepository as repo, type TouchpointInsert } from './attribution.repository.ts';
import { createLedgerService } from './ledger/ledger.service.ts';
import { demoDeals } from './attribution.demo.repository.ts';

const DAY = 86_400_000;
const CAMPAIGNS = ['Q3 Webinar: Cloud cost control', 'Paid search — migration', 'Gartner report syndication', 'Field event: Chicago summit', 'Partner co-marketing'];
const STEPS: { team: TouchpointInsert['team']; kind: TouchpointInsert['kind']; campaign: boolean }[] = [
  { team: 'marketing', kind: 'campaign_response', campaign: true },
  { team: 'marketing', kind: 'webinar', campaign: true },
  { team: 'sales', kind: 'meeting', campaign: false },
  { team: 'sales', kind: 'demo', campaign: false },
  { team: 'partner', kind: 'meeting', campaign: false },
  { team: 'marketing', kind: 'content_shared', campaign: true },
  { team: 'sales', kind: 'proposal', campaign: false },
];

export async function seedAttributionDemo(deps: Deps, workspaceId: string, rnd: Random) {
  const { db } = deps.database;
  const deals = await demoDeals(db, workspaceId, 600);
  const rows: TouchpointInsert[] = [];
  const now = Date.now();
  for (const d of deals) {
    if (rnd.next() < 0.08) continue; // some deals stay unattributed: listed, not dropped
    const start = d.createdAt ?? now - 120 * DAY;
    const end = Math.min(d.closeAt ?? now, now);
    const n = 1 + Math.floor(rnd.next() * 6);
    for (let i = 0; i < n; i++) {
      const step = STEPS[Math.min(STEPS.length - 1, Math.floor((i / n) * STEPS.length + rnd.next() * 2))]!;
      const at = start + ((end - start) * (i + rnd.next() * 0.9)) / n;
      rows.push({
        workspaceId,
        source: 'demo',
        externalId: `${d.id}-${i}`,
        dealId: d.id,
        occurredAt: new Date(Math.floor(at)),
        team: step.team,
        kind: step.kind,
        campaign: step.campaign ? CAMPAIGNS[Math.floor(rnd.next() * CAMPAIGNS.length)]! : null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await repo.upsertTouchpoints(db, rows.slice(i, i + 1000));
  const ledger = await createLedgerService(deps).recomputeFull(workspaceId);
  return { touchpoints: rows.length, attributedDeals: ledger.deals };
}
