/**
 * The library's part of the demo story: Northwind's competitors and ~60 assets with their versions, review clocks,
 * followers and votes, and a year of use by the sales team linked to the demo deals. Which closed deals an asset
 * touched is chosen from their outcome, so influence and competitor pages have something true to show: the strong
 * Snowflake battlecard is associated with more wins than comparable untouched deals, the stale Databricks card is not.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { Random } from '../../lib/random.ts';
import { workspaceMembers } from '../workspaces/index.ts';
import { matchKeysOf } from './competitor-keys.ts';
import { DEMO_ASSETS, DEMO_LIBRARY_COMPETITORS, type DemoAsset, type DemoAssetType } from './library.demo-corpus.ts';
import { libraryDemoRepository as repo } from './library.demo.repository.ts';
import type { assets, assetUsageEvents, assetVersions, shareLinks, shareOpens } from './tables.ts';
import { tagTextOf } from './tag-text.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Review periods the demo workspace set (days); other types use the default of 90. */
export const DEMO_REVIEW_DAYS: Partial<Record<DemoAssetType, number>> = { battlecard: 60, case_study: 180, positioning: 180 };
const reviewDaysOf = (type: DemoAssetType) => DEMO_REVIEW_DAYS[type] ?? 90;
const SHAREABLE = new Set<DemoAssetType>(['case_study', 'one_pager', 'deck', 'pricing_sheet', 'other']);
const COPYABLE = new Set<DemoAssetType>(['email_template', 'talk_track', 'battlecard', 'faq']);
/** One share link of these assets is the revoked one, and one the expired one. */
const REVOKED_ON = 'ps-2026';
const EXPIRED_ON = 'cs-contoso';

type DemoDeal = Awaited<ReturnType<typeof repo.deals>>[number];
type Usage = typeof assetUsageEvents.$inferInsert;

const dateOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const hex = (rnd: Random, bytes: number) => {
  let s = '';
  for (let i = 0; i < bytes / 4; i++) s += Math.floor(rnd.next() * 2 ** 32).toString(16).padStart(8, '0');
  return s;
};
const between = (rnd: Random, from: number, to: number) => Math.floor(from + rnd.next() * (to - from));

function shuffled<T>(rnd: Random, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The body of each published version, oldest first: earlier ones lack the last sections and carry the old wording. */
export function versionBodies(a: Pick<DemoAsset, 'body' | 'notes' | 'was'>): string[] {
  const sections = a.body.split(/\n(?=## )/);
  const n = a.notes.length;
  const bodies: string[] = [];
  for (let k = n; k >= 1; k--) {
    const keep = Math.max(Math.min(2, sections.length), sections.length - (n - k));
    let body = sections.slice(0, keep).join('\n');
    if (k < n) for (const [now, before] of a.was ?? []) body = body.replaceAll(now, before);
    while (bodies.includes(body)) {
      // Nothing else changed: the earlier version lacked the last line.
      const lines = body.split('\n');
      body = lines.length > 1 ? lines.slice(0, -1).join('\n') : `${body} (first draft)`;
    }
    bodies.unshift(body);
  }
  return bodies;
}

/** The deals an asset is written for: its competitor's, else those of its segments, products and region. */
function inAudience(a: DemoAsset, d: DemoDeal) {
  if (a.competitors?.length) return a.competitors.some((c) => d.competitors.includes(c));
  if (a.segments?.length && d.segment && !a.segments.includes(d.segment)) return false;
  if (a.products?.length && !a.products.some((p) => d.products.includes(p))) return false;
  if (a.regions?.length === 1 && d.region && d.region !== a.regions[0]) return false;
  return true;
}

async function demoPeople(db: Db, workspaceId: string) {
  const of = async (role: 'sales' | 'sales_lead' | 'marketing') => (await workspaceMembers(db, workspaceId, { role, active: true, limit: 1000 })).rows;
  const marketing = await of('marketing');
  const pmm = (who: string) => marketing.find((m) => m.email.startsWith(`${who}@`))?.userId ?? marketing[0]?.userId;
  return {
    owners: { priya: pmm('priya'), leo: pmm('leo'), hannah: pmm('hannah') },
    pmms: marketing.map((m) => m.userId),
    reps: [...(await of('sales')), ...(await of('sales_lead'))].map((m) => m.userId),
  };
}

/**
 * Seeds competitors, assets, versions, followers, votes, share links with their opens and a year of usage events.
 * Dates are relative to `now`; `scale` multiplies the usage that is not tied to a deal.
 */
export async function seedLibraryDemo(db: Db, workspaceId: string, rnd: Random, scale: number, now = new Date()) {
  const people = await demoPeople(db, workspaceId);
  const allDeals = await repo.deals(db, workspaceId);
  if (!people.pmms.length || !people.reps.length || !allDeals.length) throw new Error('library demo: seed the workspace, its people and deals first');
  const ownerOf = (a: DemoAsset) => people.owners[a.owner]!;
  const t0 = now.getTime();
  const closeOf = (d: DemoDeal) => (d.closeDate ? Date.parse(`${d.closeDate}T00:00:00Z`) : Infinity);
  const createdOf = (d: DemoDeal) => (d.createdDate ? Date.parse(`${d.createdDate.replace(' ', 'T')}Z`) : t0 - 365 * DAY);
  const closed = allDeals.filter((d) => d.stageCategory !== 'open' && d.closeDate);
  const baseRate = closed.filter((d) => d.stageCategory === 'won').length / Math.max(1, closed.length);

  return db.transaction(async (tx) => {
    await repo.insertSettings(tx, { workspaceId, reviewDays: DEMO_REVIEW_DAYS, updatedAt: new Date(t0 - 400 * DAY) });
    const comps = await repo.insertCompetitors(
      tx,
      DEMO_LIBRARY_COMPETITORS.map((c) => ({
        workspaceId,
        name: c.name,
        aliases: c.aliases,
        matchKeys: matchKeysOf(c.name, c.aliases),
        website: c.website,
        description: c.description,
        createdByUserId: people.owners.hannah,
        createdAt: new Date(t0 - 420 * DAY),
        updatedAt: new Date(t0 - 420 * DAY),
      })),
    );
    const compId = new Map(comps.map((c) => [c.name, c.id]));

    // Assets and their history: when each was first published, last published and last verified.
    const plans = DEMO_ASSETS.map((a) => {
      const status = a.status ?? 'published';
      const first = t0 - a.age * DAY + rnd.int(9, 17) * HOUR;
      const owner = ownerOf(a);
      const rd = reviewDaysOf(a.type);
      const bodies = versionBodies(a);
      const n = bodies.length;
      let lastVersionAt = first;
      let verifiedAt: number | null = null;
      let archivedAt: number | null = null;
      if (status === 'archived') {
        lastVersionAt = first + (n > 1 ? rnd.int(40, 100) * DAY : 0);
        archivedAt = first + 130 * DAY;
      } else if (status === 'published') {
        const lastTouch =
          a.review === 'overdue'
            ? t0 - (rd + rnd.int(10, 45)) * DAY
            : a.review === 'due_soon'
              ? t0 - (rd - rnd.int(3, 12)) * DAY
              : t0 - rnd.int(3, Math.max(3, Math.min(rd - 25, a.age))) * DAY;
        const touch = Math.max(first, lastTouch);
        lastVersionAt = n > 1 ? Math.max(first + (n - 1) * 7 * DAY, touch - (rnd.next() < 0.5 ? 0 : rnd.int(5, 40) * DAY)) : first;
        if (touch > lastVersionAt) verifiedAt = touch;
      }
      const versionTimes = bodies.map((_, k) => (n > 1 ? Math.round(first + ((lastVersionAt - first) * k) / (n - 1)) : first));
      const clock = Math.max(lastVersionAt, verifiedAt ?? 0);
      const created = status === 'draft' ? first - 9 * HOUR : first - rnd.int(1, 6) * DAY;
      const updated = status === 'draft' ? t0 - rnd.int(0, Math.floor(a.age / 2)) * DAY - rnd.int(1, 8) * HOUR : Math.max(clock, archivedAt ?? 0);
      const tags = {
        products: a.products ?? [],
        segments: a.segments ?? [],
        personas: a.personas ?? [],
        stages: a.stages ?? [],
        regions: a.regions ?? [],
      };
      const row: typeof assets.$inferInsert = {
        workspaceId,
        title: a.title,
        type: a.type,
        status,
        body: a.body,
        ownerUserId: owner,
        ...tags,
        competitorIds: (a.competitors ?? []).map((c) => compId.get(c)!),
        tagText: tagTextOf(tags, a.competitors ?? []),
        currentVersion: status === 'draft' ? null : n,
        publishedAt: status === 'draft' ? null : new Date(lastVersionAt),
        reviewBy: status === 'published' ? dateOf(clock + rd * DAY) : null,
        verifiedAt: verifiedAt ? new Date(verifiedAt) : null,
        verifiedByUserId: verifiedAt ? owner : null,
        archivedAt: archivedAt ? new Date(archivedAt) : null,
        createdByUserId: owner,
        createdAt: new Date(created),
        updatedAt: new Date(updated),
      };
      // Use happens while the asset is live; a "quiet" one has not been used for months.
      const liveFrom = first + HOUR;
      const liveTo = Math.min(archivedAt ?? t0, a.quiet ? t0 - rnd.int(100, 150) * DAY : t0) - HOUR;
      return { a, status, owner, bodies, versionTimes, row, liveFrom, liveTo };
    });
    const ids = (await repo.insertAssets(tx, plans.map((p) => p.row))).map((r) => r.id);

    const versions: (typeof assetVersions.$inferInsert)[] = [];
    const followers = new Map<string, { workspaceId: string; assetId: string; userId: string; createdAt: Date }>();
    const votes: { workspaceId: string; assetId: string; userId: string; helpful: boolean; comment: string | null; createdAt: Date; updatedAt: Date }[] = [];
    const links: (typeof shareLinks.$inferInsert)[] = [];
    const opens: (typeof shareOpens.$inferInsert)[] = [];
    const usage: Usage[] = [];
    const special = { revoked: false, expired: false };
    const follow = (assetId: string, userId: string, at: number) =>
      followers.set(`${assetId}:${userId}`, { workspaceId, assetId, userId, createdAt: new Date(at) });

    plans.forEach((p, i) => {
      const assetId = ids[i]!;
      const { a } = p;
      p.bodies.forEach((body, k) =>
        versions.push({
          workspaceId,
          assetId,
          number: k + 1,
          title: a.title,
          body,
          changeNote: a.notes[k] ?? null,
          publishedByUserId: p.owner,
          publishedAt: new Date(p.versionTimes[k]!),
        }),
      );
      follow(assetId, p.owner, p.row.createdAt!.getTime());
      if (p.status === 'draft' || p.liveTo <= p.liveFrom) return;
      const span = p.liveTo - p.liveFrom;
      const at = () => p.liveFrom + Math.floor(Math.pow(rnd.next(), 0.75) * span);

      // Browsing the library: more of it lately, as adoption grew.
      const browse = Math.round(0.35 * a.views * scale * Math.min(1, span / (365 * DAY)));
      for (let v = 0; v < browse; v++) {
        const r = rnd.next();
        const kind = COPYABLE.has(a.type) && r < 0.25 ? 'copied' : SHAREABLE.has(a.type) && r < 0.15 ? 'downloaded' : 'viewed';
        usage.push({ workspaceId, id: randomUUID(), assetId, kind, userId: rnd.pick(people.reps), occurredAt: new Date(at()) });
      }
      for (const rep of shuffled(rnd, people.reps).slice(0, rnd.int(0, Math.min(6, Math.ceil(a.views / 40))))) follow(assetId, rep, at());
      (a.votes ?? []).forEach(([helpful, comment], v) => {
        const when = at();
        votes.push({ workspaceId, assetId, userId: people.reps[(i * 7 + v * 3) % people.reps.length]!, helpful, comment, createdAt: new Date(when), updatedAt: new Date(when) });
      });

      // Deals it touched: closed ones chosen by outcome (the story's lift), open ones at the same rate.
      if (!a.touch) return;
      const window = (d: DemoDeal) => ({ from: Math.max(p.liveFrom, createdOf(d)), to: Math.min(p.liveTo, closeOf(d) - HOUR) });
      const eligible = allDeals.filter((d) => inAudience(a, d) && window(d).to - window(d).from > DAY);
      const won = shuffled(rnd, eligible.filter((d) => d.stageCategory === 'won'));
      const lost = shuffled(rnd, eligible.filter((d) => d.stageCategory === 'lost'));
      const open = shuffled(rnd, eligible.filter((d) => d.stageCategory === 'open'));
      const target = Math.min(0.95, Math.max(0.02, baseRate + a.touch.lift));
      // An asset written for everyone reaches a smaller share of its (much larger) audience than a competitive one.
      const share = a.touch.share * (a.competitors?.length ? 1 : 0.4);
      const n = Math.round(share * (won.length + lost.length));
      let nWon = Math.round(n * target);
      let nLost = n - nWon;
      if (nWon > won.length) [nWon, nLost] = [won.length, Math.round((nLost * won.length) / nWon)];
      if (nLost > lost.length) [nWon, nLost] = [Math.round((nWon * lost.length) / nLost), lost.length];
      const touched = [...won.slice(0, nWon), ...lost.slice(0, nLost), ...open.slice(0, Math.round(share * open.length))];
      for (const d of touched) {
        const w = window(d);
        const rep = d.ownerUserId && people.reps.includes(d.ownerUserId) ? d.ownerUserId : rnd.pick(people.reps);
        const when = () => between(rnd, w.from, w.to);
        const event = (kind: Usage['kind'], extra: Partial<Usage> = {}) =>
          usage.push({ workspaceId, id: randomUUID(), assetId, kind, userId: rep, dealId: d.id, occurredAt: new Date(when()), ...extra });
        for (let v = rnd.int(1, 2); v > 0; v--) event('viewed');
        if (COPYABLE.has(a.type) && rnd.next() < 0.4) event('copied');
        if (SHAREABLE.has(a.type) && rnd.next() < 0.3) event('downloaded');
        if (rnd.next() < 0.5) event('attached');
        if (!SHAREABLE.has(a.type) || rnd.next() >= 0.25) continue;

        // Shared with the prospect: a link, its opens before the deal closed (or the link stopped working).
        const linkId = randomUUID();
        const created = between(rnd, w.from, w.from + (w.to - w.from) * 0.6);
        const revoked = a.key === REVOKED_ON && !special.revoked ? created + rnd.int(2, 6) * DAY : null;
        const expired = a.key === EXPIRED_ON && !special.expired && created + 15 * DAY < t0;
        const expires = expired ? created + 14 * DAY : d.stageCategory === 'open' && rnd.next() < 0.3 ? t0 + 30 * DAY : null;
        special.revoked ||= revoked !== null;
        special.expired ||= expired;
        const openUntil = Math.min(w.to, revoked ?? Infinity, expires ?? Infinity);
        links.push({
          workspaceId,
          id: linkId,
          assetId,
          dealId: d.id,
          tokenHash: hex(rnd, 32),
          createdByUserId: rep,
          createdAt: new Date(created),
          expiresAt: expires ? new Date(expires) : null,
          revokedAt: revoked ? new Date(revoked) : null,
          revokedByUserId: revoked ? p.owner : null,
        });
        usage.push({ workspaceId, id: randomUUID(), assetId, kind: 'shared', userId: rep, dealId: d.id, shareLinkId: linkId, occurredAt: new Date(created) });
        const visitors = Array.from({ length: rnd.int(1, 3) }, () => hex(rnd, 8));
        for (let o = rnd.int(0, 5); o > 0 && openUntil - created > HOUR; o--) {
          const openedAt = new Date(between(rnd, created + HOUR, openUntil));
          opens.push({ workspaceId, shareLinkId: linkId, visitorHash: rnd.pick(visitors), openedAt });
          usage.push({ workspaceId, id: randomUUID(), assetId, kind: 'share_opened', dealId: d.id, shareLinkId: linkId, occurredAt: openedAt });
        }
      }
    });

    // One attach per asset and deal (the table allows no more).
    const attached = new Set<string>();
    const events = usage.filter((u) => u.kind !== 'attached' || (!attached.has(`${u.assetId}:${u.dealId}`) && !!attached.add(`${u.assetId}:${u.dealId}`)));
    await repo.insertVersions(tx, versions);
    await repo.insertFollowers(tx, [...followers.values()]);
    await repo.insertVotes(tx, votes);
    await repo.insertShareLinks(tx, links);
    await repo.insertShareOpens(tx, opens);
    await repo.insertUsage(tx, events);
    return { competitors: comps.length, assets: ids.length, assetVersions: versions.length, usageEvents: events.length, shareLinks: links.length };
  });
}
