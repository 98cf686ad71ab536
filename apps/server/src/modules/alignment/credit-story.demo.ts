/**
 * The demo's territory-and-credit story, told through the attribution module's own services on their clock: the CRO
 * chose a model of record seven months ago (before that, nobody had agreed on credit), and reps disputed the credit
 * of a won deal about once a month — slowly answered at first, within days lately, the two latest still open. The
 * index's weekly snapshots then read credit agreed and disputes resolved as they stood each week.
 */
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import { createAttributionServices } from '../attribution/index.ts';
import { createDealsServices } from '../deals/index.ts';

const DAY = 86_400_000;

/** Raised N days ago; answered D days later (null: still open); accepted with a split or rejected. */
const DISPUTES: { raised: number; after: number | null; accept: boolean; reason: string; answer: string }[] = [
  { raised: 330, after: 45, accept: false, reason: 'The webinar came after the first call: this deal was sourced by sales', answer: 'The webinar registration predates the first call in the CRM' },
  { raised: 295, after: 38, accept: true, reason: 'The partner introduced this account, not the campaign', answer: 'Agreed: the partner intro is the first touch; split adjusted' },
  { raised: 250, after: 30, accept: false, reason: 'Marketing credit on a renewal the rep ran alone', answer: 'The PMM deal support was delivered in the evaluation' },
  { raised: 205, after: 14, accept: true, reason: 'Two campaign responses from the same person counted twice', answer: 'Agreed: the duplicate response is excluded by the new split' },
  { raised: 160, after: 9, accept: false, reason: 'The proposal did the work, not the content share', answer: 'Under the W-shaped model of record both count; no change' },
  { raised: 120, after: 6, accept: true, reason: 'The partner co-sold this deal and gets no credit', answer: 'Agreed: partner share set to 20 %' },
  { raised: 85, after: 4, accept: false, reason: 'Credit for a field event the buyer never attended', answer: 'The badge scan shows attendance; no change' },
  { raised: 50, after: 3, accept: true, reason: 'The demo was run by the SE, count it for sales', answer: 'Agreed: split moved towards sales' },
  { raised: 28, after: 2, accept: false, reason: 'Webinar touch after the verbal yes', answer: 'It is before the close in the CRM; no change' },
  { raised: 16, after: null, accept: false, reason: 'The account was in my territory before the campaign', answer: '' },
  { raised: 5, after: null, accept: false, reason: 'Content shared after the contract was sent', answer: '' },
];

interface People {
  admin: { userId: string; name: string };
  reps: { userId: string; name: string }[];
}

export async function seedCreditStory(deps: Deps, ws: { workspaceId: string; slug: string }, people: People, now: Date) {
  let at = now;
  // The story happened in the past: nobody is told of it now (no outbox events); the audit log keeps it.
  const quiet: Deps = { ...deps, emit: async () => ({ id: '' }) };
  const { attribution } = createAttributionServices(quiet, { now: () => at });
  const as = (p: { userId: string; name: string }, role: TenantContext['role']): TenantContext => ({
    workspaceId: ws.workspaceId,
    slug: ws.slug,
    role,
    actor: { userId: p.userId, name: p.name, via: 'cli', ip: null, requestId: null },
  });
  const admin = as(people.admin, 'admin');
  const day = (d: Date) => d.toISOString().slice(0, 10);

  at = new Date(now.getTime() - 210 * DAY);
  await attribution.setModelOfRecord(admin, {
    model: 'w_shaped',
    rationale: 'W-shaped: first touch, lead and opportunity creation each count; agreed with the sales leads at the H1 planning',
    effectiveFrom: day(at),
  });

  const won = await createDealsServices(deps).deals.list(admin, { status: 'won', closeFrom: day(new Date(now.getTime() - 400 * DAY)), closeTo: day(now), sort: '-closeDate', limit: 200 });
  const used = new Set<string>();
  let disputes = 0;
  for (const [i, d] of DISPUTES.entries()) {
    const raisedAt = new Date(now.getTime() - d.raised * DAY);
    // A deal closed before the dispute (the newest such one not disputed yet).
    const deal = won.items.find((x) => x.closeDate && x.closeDate < day(raisedAt) && !used.has(x.id));
    if (!deal || !people.reps.length) continue;
    used.add(deal.id);
    at = raisedAt;
    const rep = people.reps[i % people.reps.length]!;
    const raised = await attribution.createDispute(as(rep, 'sales'), { dealId: deal.id, target: 'split', reason: d.reason });
    disputes += 1;
    if (d.after === null) continue;
    at = new Date(raisedAt.getTime() + d.after * DAY);
    await attribution.resolveDispute(admin, raised.dispute.id, {
      decision: d.accept ? 'accept' : 'reject',
      reason: d.answer,
      excludeTouchpointIds: [],
      teamSplitPercent: d.accept ? { marketing: 40, sales: 45, partner: 15 } : null,
    });
  }
  return { creditDisputes: disputes };
}
