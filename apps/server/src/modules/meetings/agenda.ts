/**
 * What an occurrence's agenda is generated from, read live for the window [since, until) — since = the previous
 * occurrence's start, until = the earlier of now and this occurrence's start. Each candidate names its source and why
 * it qualified:
 * - feedback themes still open that are new in the window, or got at least two new items in it (rising), by revenue
 *   at stake (open pipeline + lost revenue of the deals behind them: feedback's own measure);
 * - requests past an SLA clock at `until` (those late since `since` first), or below the capacity line in the queue's
 *   plan;
 * - decisions whose input window is open at `until`;
 * - goals at risk or off track whose period overlaps the window;
 * - action items of this series agreed in an earlier meeting (occurrence) and not done.
 * Each source but action items gives at most `PER_SOURCE` items, its most pressing first (an agenda of forty requests
 * is not discussed); every open action item is carried until done.
 */
import { DateTime } from 'luxon';
import type { AgendaItemKind } from '@tandem/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { decisionsOpenForInput } from '../decisions/index.ts';
import { feedbackMetrics, openThemesNewOrRising } from '../feedback/index.ts';
import { goalsAtRiskBetween } from '../goals/index.ts';
import { openQueue, requestsBreachingSla } from '../requests/index.ts';
import { meetingsRepository as repo } from './meetings.repository.ts';

export interface AgendaCandidate {
  kind: Exclude<AgendaItemKind, 'free'>;
  sourceId: string;
  title: string;
  why: string;
}

export const RISING_ITEMS = 2;
export const PER_SOURCE = 5;
/** "$22M" in the workspace's base currency (compact: an agenda line is read aloud, not audited). */
function moneyIn(currency: string) {
  try {
    const f = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    return (x: number) => f.format(x);
  } catch {
    return (x: number) => `${currency} ${Math.round(x).toLocaleString('en-US')}`;
  }
}
/** "Wed 2 Dec 15:38 EST": a time as the series' attendees read it, in its time zone. */
const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('ccc d LLL HH:mm ZZZZ');
/** "Fri 5 Feb 2027": a calendar day (a goal's period end, an action item's due day), read as the times beside it are. */
export const localDay = (isoDay: string) => DateTime.fromISO(isoDay, { zone: 'utc' }).toFormat('ccc d LLL yyyy');
const day = (d: Date) => d.toISOString().slice(0, 10);

export async function agendaCandidates(
  db: DbOrTx,
  workspaceId: string,
  w: { seriesId: string; seq: number; since: Date; until: Date; timeZone: string },
): Promise<AgendaCandidate[]> {
  const out: AgendaCandidate[] = [];
  const queue = await openQueue(db, workspaceId, w.until);
  const n = moneyIn(queue.context.currency);

  const themes = await openThemesNewOrRising(db, workspaceId, w.since, w.until, RISING_ITEMS);
  if (themes.length) {
    const ids = new Set(themes.map((t) => t.id));
    const byRevenue = (await feedbackMetrics.topThemesByRevenue(db, workspaceId, 100_000)).filter((t) => ids.has(t.id));
    const facts = new Map(themes.map((t) => [t.id, t]));
    for (const t of byRevenue.slice(0, PER_SOURCE)) {
      const f = facts.get(t.id)!;
      const how = f.isNew ? 'New since the last sync' : `Rising: ${f.newItems} new items since the last sync`;
      const stake = t.atStake > 0 ? `${n(t.atStake)} at stake (open pipeline ${n(Number(t.openPipeline))}, lost ${n(Number(t.lostRevenue))})` : 'no revenue at stake yet';
      out.push({ kind: 'theme', sourceId: t.id, title: t.name, why: `${how}; ${stake}` });
    }
  }

  // Most pressing first: what fell past its SLA since the last sync (the week's news), then what was already late,
  // then what sits below the capacity line — each in queue order (the team's own priority: pipeline at stake,
  // urgency). Longest overdue first let a request left late for months hold its place on every agenda.
  const place = new Map(queue.entries.map((e, i) => [e.row.id, i]));
  const isNews = (r: { dueAt: Date }) => r.dueAt >= w.since;
  const late = (await requestsBreachingSla(db, workspaceId, w.until)).sort(
    (a, b) => Number(isNews(b)) - Number(isNews(a)) || (place.get(a.id) ?? place.size) - (place.get(b.id) ?? place.size),
  );
  const breaching = new Set(late.map((r) => r.id));
  const requests: AgendaCandidate[] = [];
  for (const b of late) {
    const e = queue.byId.get(b.id);
    const since = isNews(b) ? ', since the last sync' : ', still open';
    const why = [`Past its SLA (due ${local(b.dueAt, w.timeZone)}${since})`, e?.plan?.belowLine ? `below the capacity line: ${e.plan.reason}` : ''].filter(Boolean).join('; ');
    requests.push({ kind: 'request', sourceId: b.id, title: e ? `#${e.row.number} ${e.row.title}` : b.title, why });
  }
  for (const e of queue.entries) {
    if (breaching.has(e.row.id) || !e.plan?.belowLine) continue;
    requests.push({ kind: 'request', sourceId: e.row.id, title: `#${e.row.number} ${e.row.title}`, why: `Below the capacity line: ${e.plan.reason}` });
  }
  out.push(...requests.slice(0, PER_SOURCE));

  for (const d of (await decisionsOpenForInput(db, workspaceId, w.until)).slice(0, PER_SOURCE)) {
    out.push({ kind: 'decision', sourceId: d.id, title: d.title, why: `Input open until ${local(d.inputClosesAt, w.timeZone)}` });
  }

  for (const g of (await goalsAtRiskBetween(db, workspaceId, day(w.since), day(w.until))).slice(0, PER_SOURCE)) {
    out.push({ kind: 'goal', sourceId: g.id, title: g.title, why: `${g.status === 'off_track' ? 'Off track' : 'At risk'}; the period ends ${localDay(g.periodEnd)}` });
  }

  for (const a of await repo.openActionItems(db, workspaceId, w.seriesId, w.seq, w.until)) {
    const overdue = a.due_on < day(w.until) ? ', overdue' : '';
    out.push({ kind: 'action_item', sourceId: a.id, title: a.title, why: `Open action item for ${a.owner_name}, due ${localDay(a.due_on)}${overdue} (agreed in meeting ${a.seq})` });
  }
  return out;
}
