/**
 * The requests' part of the demo story: two quarters of what Northwind's reps asked product marketing for — a
 * realistic mix of types, most delivered and accepted, some declined or merged, some late (breached clocks), the
 * newest still in the queue with one pinned, one placed against the score and one boosted — delivered partly as the
 * demo library's assets. The calendar is New York's working week with its public holidays, and the three PMMs' hours
 * are tight enough that the capacity view draws a line. Deterministic for a seed; dates relative to `now`.
 */
import { randomUUID } from 'node:crypto';
import type { RequestStatus } from '@tandem/contracts';
import type { Db } from '../../db/database.ts';
import type { Random } from '../../lib/random.ts';
import { workspaceMembers } from '../workspaces/index.ts';
import { addBusinessHours, localDate, slaClock, type WorkCalendar } from './engine/index.ts';
import {
  DEMO_BOOST_REASON,
  DEMO_COMMENTS,
  DEMO_DECLINE_REASONS,
  DEMO_DELIVERY_NOTES,
  DEMO_PIN_REASON,
  DEMO_POSITION_REASON,
  DEMO_REQUEST_KINDS,
  type DemoRequestKind,
} from './requests.demo-corpus.ts';
import { requestsDemoRepository as repo } from './requests.demo.repository.ts';
import { effectiveSettings } from './settings/request-settings.ts';
import { noticeText } from './sla-watch/sla-watch.ts';
import type { requestActivity, requestComments, requests } from './tables.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Two quarters. */
const SPAN_DAYS = 182;
const COMPETITORS = ['Snowflake', 'Databricks', 'BigQuery', 'Redshift'];
/** Weekly hours the demo PMMs give to requests: tight, so the queue has a line. */
export const DEMO_CAPACITY: Record<string, number> = { priya: 10, leo: 24, hannah: 16 };

/** US federal holidays (observed) of a year: the demo calendar's holidays. */
export function usHolidays(year: number): string[] {
  const iso = (m: number, d: number) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const weekday = (m: number, d: number) => new Date(Date.UTC(year, m - 1, d)).getUTCDay();
  const nth = (m: number, dow: number, n: number) => {
    const first = 1 + ((dow - weekday(m, 1) + 7) % 7);
    return iso(m, first + 7 * (n - 1));
  };
  const last = (m: number, dow: number) => {
    const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
    return iso(m, days - ((weekday(m, days) - dow + 7) % 7));
  };
  const observed = (m: number, d: number) => {
    const w = weekday(m, d);
    const t = Date.UTC(year, m - 1, d) + (w === 6 ? -DAY : w === 0 ? DAY : 0);
    return new Date(t).toISOString().slice(0, 10);
  };
  return [observed(1, 1), nth(1, 1, 3), nth(2, 1, 3), last(5, 1), observed(6, 19), observed(7, 4), nth(9, 1, 1), nth(11, 4, 4), observed(12, 25)];
}

export function demoCalendar(now: Date): WorkCalendar {
  const y = now.getUTCFullYear();
  return { timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00', holidays: [y - 1, y, y + 1].flatMap(usHolidays) };
}

/**
 * The kinds of `count` requests in a shuffled order, each kind as many times as its weight says (largest remainders
 * round): the mix is the same whatever else the demo draws, so "customizing for a prospect is the most common ask"
 * holds on every day the demo is seeded.
 */
function dealKinds(rnd: Random, count: number): DemoRequestKind[] {
  const total = DEMO_REQUEST_KINDS.reduce((t, k) => t + k.weight, 0);
  const exact = DEMO_REQUEST_KINDS.map((k) => (k.weight / total) * count);
  const n = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0]);
  const short = count - n.reduce((t, x) => t + x, 0);
  for (let j = 0; j < short; j++) n[order[j]![1]]! += 1;
  const kinds = DEMO_REQUEST_KINDS.flatMap((k, i) => Array.from({ length: n[i]! }, () => k));
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  return kinds;
}

/** The status a request filed `ageDays` ago has by now. */
function statusByAge(rnd: Random, ageDays: number): RequestStatus {
  const r = rnd.next();
  // A team that works its queue: past two months only a few asks are still open (stale, and late).
  const table: [RequestStatus, number][] =
    ageDays > 60
      ? [['accepted', 0.75], ['delivered', 0.03], ['declined', 0.1], ['merged', 0.06], ['in_progress', 0.04], ['triaged', 0.02]]
      : ageDays > 30
        ? [['accepted', 0.64], ['delivered', 0.06], ['declined', 0.1], ['merged', 0.05], ['in_progress', 0.1], ['triaged', 0.05]]
        : ageDays > 10
          ? [['accepted', 0.25], ['delivered', 0.15], ['in_progress', 0.3], ['triaged', 0.2], ['declined', 0.05], ['new', 0.05]]
          : [['new', 0.3], ['triaged', 0.4], ['in_progress', 0.25], ['delivered', 0.05]];
  let acc = 0;
  for (const [s, p] of table) if (r < (acc += p)) return s;
  return table[0]![0];
}

const OPEN = new Set<RequestStatus>(['new', 'triaged', 'in_progress']);

/**
 * Seeds the request settings (calendar, targets), PMM capacity and two quarters of requests with their requesters,
 * deals, comments, activity and the SLA notices of the open ones' late clocks (already told: the watcher does not
 * repeat them). Run after the workspace, deals and library demos.
 */
export async function seedRequestsDemo(db: Db, workspaceId: string, rnd: Random, scale: number, now = new Date()) {
  const members = (await workspaceMembers(db, workspaceId, { active: true, limit: 1000 })).rows;
  const byPrefix = (p: string) => members.find((m) => m.email.startsWith(`${p}@`));
  const pmms = Object.fromEntries(['priya', 'leo', 'hannah'].map((p) => [p, byPrefix(p)])) as Record<string, (typeof members)[number] | undefined>;
  const dana = byPrefix('dana') ?? members.find((m) => m.role === 'admin');
  const reps = members.filter((m) => m.role === 'sales' || m.role === 'sales_lead');
  const allDeals = await repo.deals(db, workspaceId);
  const library = await repo.publishedAssets(db, workspaceId);
  if (!pmms.priya || !pmms.leo || !pmms.hannah || !dana || !reps.length) throw new Error('requests demo: seed the workspace and its people first');
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));

  const calendar = demoCalendar(now);
  const settingsRow = {
    workspaceId,
    // Deal support is on a live deal's clock: first answer within 2 business hours.
    types: [{ type: 'deal_support', firstResponseHours: 2, deliveryHours: 16 }],
    calendar: { ...calendar },
    updatedAt: new Date(now.getTime() - 200 * DAY),
  };
  const settings = effectiveSettings(settingsRow);
  const t0 = now.getTime();
  const count = Math.round(140 * scale);

  type Row = typeof requests.$inferInsert & { id: string; createdAt: Date };
  const rows: Row[] = [];
  const requesters: { workspaceId: string; requestId: string; userId: string; joinedAt: Date }[] = [];
  const links: { workspaceId: string; requestId: string; dealId: string; addedByUserId: string; addedAt: Date }[] = [];
  const comments: (typeof requestComments.$inferInsert)[] = [];
  const activity: (typeof requestActivity.$inferInsert)[] = [];
  const line = (requestId: string, kind: string, actorUserId: string | null, at: Date, text: string, data: Record<string, unknown> = {}) =>
    activity.push({ workspaceId, requestId, kind, actorUserId, at, text, data });
  const who = (id: string | null | undefined) => (id ? (nameOf.get(id) ?? 'Someone') : 'Someone');

  // Filing times: spread over two quarters, a little denser lately, always in working hours.
  const filed = Array.from({ length: count }, () => {
    const raw = new Date(t0 - Math.pow(rnd.next(), 1.15) * SPAN_DAYS * DAY);
    const at = addBusinessHours(raw, rnd.next() * 7, calendar);
    return at.getTime() < t0 - HOUR ? at : new Date(t0 - HOUR - rnd.int(1, 48) * HOUR);
  }).sort((a, b) => a.getTime() - b.getTime());

  const kinds = dealKinds(rnd, count);
  for (const [i, createdAt] of filed.entries()) {
    const id = randomUUID();
    const kind = kinds[i]!;
    const rep = rnd.pick(reps);
    const ageDays = (t0 - createdAt.getTime()) / DAY;
    let status = statusByAge(rnd, ageDays);
    const targets = settings.targets[kind.type];
    const mine = allDeals.filter((d) => d.ownerUserId === rep.userId && (OPEN.has(status) ? d.stageCategory === 'open' : true));
    const dealsOf = kind.type === 'new_asset' || kind.type === 'training' ? [] : Array.from(new Set(Array.from({ length: rnd.int(1, 2) }, () => mine.length && rnd.pick(mine)).filter((d) => !!d)));
    const account = dealsOf[0]?.accountName ?? rnd.pick(['Globex', 'Initech', 'Umbrella Health', 'Stark Retail']);
    const competitor = dealsOf[0]?.competitors[0] ?? rnd.pick(COMPETITORS);
    const fill = (s: string) => s.replaceAll('{account}', account).replaceAll('{competitor}', competitor);
    const owner = pmms[rnd.pick(kind.owners)]!;
    const neededBy = rnd.next() < 0.7 ? localDate(new Date(createdAt.getTime() + rnd.int(4, 28) * DAY), calendar) : null;

    // The clocks: answered and delivered after a share of the target (above 1: late).
    const at = (hours: number) => addBusinessHours(createdAt, hours, calendar);
    let firstRespondedAt: Date | null = status === 'new' ? null : at(targets.firstResponseHours * (0.15 + rnd.next() * (rnd.next() < 0.2 ? 1.6 : 0.8)));
    if (firstRespondedAt && firstRespondedAt.getTime() >= t0) [status, firstRespondedAt] = ['new', null];
    let deliveredAt: Date | null = status === 'delivered' || status === 'accepted' ? at(targets.deliveryHours * (0.3 + rnd.next() * (rnd.next() < 0.25 ? 1.3 : 0.6))) : null;
    if (deliveredAt && deliveredAt.getTime() >= t0) [status, deliveredAt] = ['in_progress', null];
    let acceptedAt: Date | null = status === 'accepted' ? addBusinessHours(deliveredAt!, rnd.int(2, 30), calendar) : null;
    if (acceptedAt && acceptedAt.getTime() >= t0) [status, acceptedAt] = ['delivered', null];
    const estimate = status === 'new' ? null : Math.round(kind.hours[0] + rnd.next() * (kind.hours[1] - kind.hours[0]));
    const assignee = status === 'new' || (status === 'declined' && rnd.next() < 0.5) ? null : owner.userId;
    const assets = deliveredAt && kind.assetTypes.length && rnd.next() < 0.85 ? library.filter((a) => kind.assetTypes.includes(a.type)) : [];
    const delivered = assets.length ? [rnd.pick(assets)] : [];
    // Merged into an earlier open-or-done request of its type; with none to merge into, declined (with its reason).
    const mergeTarget = status === 'merged' ? [...rows].reverse().find((r) => r.type === kind.type && r.status !== 'merged' && r.status !== 'declined') : undefined;
    if (status === 'merged' && !mergeTarget) status = 'declined';
    const declinedReason = status === 'declined' ? rnd.pick(DEMO_DECLINE_REASONS) : null;
    const closedAt = acceptedAt ?? (status === 'declined' || status === 'merged' ? new Date(Math.min(t0 - HOUR, (firstRespondedAt ?? createdAt).getTime() + rnd.int(1, 48) * HOUR)) : null);
    const stamps = [createdAt, firstRespondedAt, deliveredAt, closedAt].filter((d): d is Date => !!d);
    rows.push({
      workspaceId,
      id,
      number: i + 1,
      type: kind.type,
      title: fill(rnd.pick(kind.titles)),
      description: fill(rnd.pick(kind.descriptions)),
      status,
      neededBy,
      estimateHours: estimate === null ? null : String(estimate),
      assigneeUserId: assignee,
      firstRespondedAt,
      deliveredAt,
      deliveredByUserId: deliveredAt ? owner.userId : null,
      deliveryNote: deliveredAt && (!delivered.length || rnd.next() < 0.5) ? rnd.pick(DEMO_DELIVERY_NOTES) : null,
      deliveryAssetIds: delivered.map((a) => a.id),
      acceptedAt,
      declinedReason,
      mergedIntoId: mergeTarget?.id ?? null,
      createdByUserId: rep.userId,
      createdAt,
      updatedAt: new Date(Math.max(...stamps.map((d) => d.getTime()))),
    });

    // Who asked, with which deals; a few colleagues +1 it before it closes.
    requesters.push({ workspaceId, requestId: id, userId: rep.userId, joinedAt: createdAt });
    for (const d of dealsOf) links.push({ workspaceId, requestId: id, dealId: d.id, addedByUserId: rep.userId, addedAt: createdAt });
    line(id, 'filed', rep.userId, createdAt, `${rep.name} filed it${dealsOf.length ? ` with ${dealsOf.length} ${dealsOf.length === 1 ? 'deal' : 'deals'}` : ''}${neededBy ? `, needed by ${neededBy}` : ''}`);
    const until = (closedAt ?? deliveredAt ?? now).getTime();
    if (rnd.next() < 0.22) {
      for (const other of reps.filter((r) => r.userId !== rep.userId && rnd.next() < 0.12).slice(0, 2)) {
        const joinedAt = new Date(createdAt.getTime() + rnd.next() * (until - createdAt.getTime()) * 0.8);
        requesters.push({ workspaceId, requestId: id, userId: other.userId, joinedAt });
        line(id, 'plus_one', other.userId, joinedAt, `${other.name} needs it too (+1)`);
      }
    }
    if (firstRespondedAt && status !== 'declined' && estimate !== null) {
      line(id, 'triaged', owner.userId, firstRespondedAt, `${owner.name} triaged it: ${estimate} h, assigned to ${who(assignee)}`);
      if (status !== 'triaged') line(id, 'started', owner.userId, new Date(firstRespondedAt.getTime() + rnd.int(1, 20) * HOUR), `${owner.name} started work on it`);
    }
    if (deliveredAt) {
      const what = delivered.length ? `“${delivered[0]!.title}”` : 'a note';
      line(id, 'delivered', owner.userId, deliveredAt, `${owner.name} delivered ${what}: please accept it or reopen it`, { assetIds: delivered.map((a) => a.id) });
    }
    if (acceptedAt) line(id, 'accepted', rep.userId, acceptedAt, `${rep.name} accepted the delivery`);
    if (status === 'declined') line(id, 'declined', owner.userId, closedAt!, `${owner.name} declined it: ${declinedReason}`, { reason: declinedReason });
    if (mergeTarget) {
      line(id, 'merged', owner.userId, closedAt!, `${owner.name} merged it into #${mergeTarget.number} “${mergeTarget.title}”; its requesters and deals moved there`);
      line(mergeTarget.id, 'merged_in', owner.userId, closedAt!, `${owner.name} merged #${i + 1} into it: 1 more requester`);
      requesters.push({ workspaceId, requestId: mergeTarget.id, userId: rep.userId, joinedAt: closedAt! });
      for (const d of dealsOf) links.push({ workspaceId, requestId: mergeTarget.id, dealId: d.id, addedByUserId: rep.userId, addedAt: closedAt! });
    }
    // A conversation on some of them.
    if (firstRespondedAt && rnd.next() < 0.4) {
      let t = firstRespondedAt.getTime();
      for (let c = rnd.int(1, 3), k = 0; k < c; k++) {
        t += rnd.int(1, 20) * HOUR;
        if (t >= until) break;
        const pmmTurn = k % 2 === 0;
        const author = pmmTurn ? owner : rep;
        comments.push({ workspaceId, requestId: id, authorUserId: author.userId, body: rnd.pick(pmmTurn ? DEMO_COMMENTS.pmm : DEMO_COMMENTS.rep), createdAt: new Date(t) });
        line(id, 'commented', author.userId, new Date(t), `${author.name} commented`);
      }
    }
  }

  // Against the score: the CRO's escalation pinned, an analyst briefing placed at #3, a strategic account boosted.
  const open = rows.filter((r) => OPEN.has(r.status as RequestStatus) && r.estimateHours !== null);
  const [pinned, placed, boosted] = [open.at(-2), open.find((r) => r.type === 'new_asset') ?? open.at(-4), open.find((r) => r.type === 'customize') ?? open.at(-5)];
  const placeAt = (r: Row | undefined, patch: Partial<Row>, actor: string, text: string, kind: string) => {
    if (!r) return;
    Object.assign(r, patch);
    line(r.id, kind, actor, (patch.overrideAt ?? patch.boostAt)!, text);
  };
  const lately = (h: number) => new Date(t0 - h * HOUR);
  placeAt(pinned, { overrideKind: 'pin', overrideReason: DEMO_PIN_REASON, overrideByUserId: pmms.priya.userId, overrideAt: lately(20) }, pmms.priya.userId, `${pmms.priya.name} pinned it to the top: ${DEMO_PIN_REASON}`, 'overridden');
  if (placed !== pinned) {
    placeAt(placed, { overrideKind: 'position', overridePosition: 3, overrideReason: DEMO_POSITION_REASON, overrideByUserId: pmms.leo.userId, overrideAt: lately(30) }, pmms.leo.userId, `${pmms.leo.name} placed it at #3 in the queue: ${DEMO_POSITION_REASON}`, 'overridden');
  }
  if (boosted && boosted !== pinned && boosted !== placed) {
    placeAt(boosted, { boostPoints: 40, boostReason: DEMO_BOOST_REASON, boostByUserId: dana.userId, boostAt: lately(50) }, dana.userId, `${dana.name} gave it a strategic boost of 40 points: ${DEMO_BOOST_REASON}`, 'boosted');
  }

  // Clocks of open requests already due soon or late: told before today (the watcher does not repeat them).
  const notices: { workspaceId: string; requestId: string; clock: 'first_response' | 'delivery'; state: 'due_soon' | 'breached'; sentAt: Date }[] = [];
  for (const r of rows.filter((x) => OPEN.has(x.status as RequestStatus))) {
    const c = slaClock({ createdAt: r.createdAt, firstRespondedAt: r.firstRespondedAt ?? null, deliveredAt: null, targets: settings.targets[r.type], now, calendar, dueSoonFraction: settings.dueSoonFraction });
    const told = (clock: 'first_response' | 'delivery', state: 'due_soon' | 'breached', dueAt: Date) => {
      const sentAt = new Date(Math.min(t0 - HOUR, Math.max(r.createdAt.getTime() + HOUR, dueAt.getTime() + (state === 'breached' ? 5 * 60_000 : -HOUR))));
      notices.push({ workspaceId, requestId: r.id, clock, state, sentAt });
      line(r.id, state === 'breached' ? 'sla_breached' : 'sla_due_soon', null, sentAt, noticeText(clock, state, dueAt, calendar), { clock, state });
    };
    if (!r.firstRespondedAt && (c.firstResponse.state === 'due_soon' || c.firstResponse.state === 'breached')) told('first_response', c.firstResponse.state, c.firstResponseDueAt);
    if (c.delivery.state === 'due_soon' || c.delivery.state === 'breached') told('delivery', c.delivery.state, c.deliveryDueAt);
  }

  return db.transaction(async (tx) => {
    await repo.insertSettings(tx, settingsRow);
    await repo.insertCapacity(
      tx,
      Object.entries(DEMO_CAPACITY).map(([p, weeklyHours]) => ({ workspaceId, userId: pmms[p]!.userId, weeklyHours, updatedAt: new Date(t0 - 150 * DAY) })),
    );
    await repo.insertRequests(tx, rows);
    await repo.insertRequesters(tx, requesters);
    await repo.insertDealLinks(tx, links);
    await repo.insertComments(tx, comments);
    await repo.insertActivity(tx, activity);
    await repo.insertNotices(tx, notices);
    const by = (s: string) => rows.filter((r) => r.status === s).length;
    return {
      requests: rows.length,
      openRequests: rows.filter((r) => OPEN.has(r.status as RequestStatus)).length,
      requestsDeliveredWithAssets: rows.filter((r) => r.deliveryAssetIds?.length).length,
      requestsDeclined: by('declined'),
      requestsMerged: by('merged'),
      requestSlaNotices: notices.length,
    };
  });
}
