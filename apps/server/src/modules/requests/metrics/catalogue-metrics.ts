/**
 * The requests' side of the metric catalogue (goals module) and the scorecard: SLA attainment over deliveries in a
 * period, the open backlog's age, and the open requests past an SLA clock — each with the requests behind it.
 */
import type { RequestType } from '@tandem/contracts';
import type { DbOrTx } from '../../../db/database.ts';
import { slaClock } from '../engine/index.ts';
import { readRequestSettings } from '../settings/request-settings.ts';
import { slaWatchRepository } from '../sla-watch/sla-watch.repository.ts';
import { metricsRepository as repo } from './metrics.repository.ts';
import { periodOf, withinTarget } from './metrics.service.ts';

export interface CatalogueRequest {
  id: string;
  title: string;
  type: string;
  status: string;
  /** When it was filed (backlog) or delivered (SLA attainment). */
  at: Date;
  inNumerator: boolean;
  /** Age in days (backlog); business hours to delivery are not shown. */
  measure: number | null;
}

/** Deliveries in [from, to] (workspace-calendar days) and whether each was within its type's delivery target. */
export async function requestSlaAttainment(db: DbOrTx, workspaceId: string, from: string, to: string, now = new Date()): Promise<CatalogueRequest[]> {
  const settings = await readRequestSettings(db, workspaceId);
  const p = periodOf({ from, to }, settings.calendar, now);
  const rows = await repo.deliveredRows(db, workspaceId, p.start, p.end);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type,
    status: r.status,
    at: r.doneAt,
    inNumerator: withinTarget([r], settings.targets, settings.calendar) === 1,
    measure: null,
  }));
}

/** Requests open now and filed by `asOf`, with their age in days at `asOf`, oldest first. */
export async function requestBacklog(db: DbOrTx, workspaceId: string, asOf: Date): Promise<CatalogueRequest[]> {
  const open = await slaWatchRepository.openRequests(db, workspaceId);
  return open
    .filter((r) => r.createdAt.getTime() <= asOf.getTime())
    .map((r) => ({
      id: r.id,
      title: r.title,
      type: r.type,
      status: 'open',
      at: r.createdAt,
      inNumerator: true,
      measure: Math.round(((asOf.getTime() - r.createdAt.getTime()) / 86_400_000) * 10) / 10,
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Open requests with a first-response or delivery clock past due at `now`, the longest overdue first. */
export async function requestsBreachingSla(db: DbOrTx, workspaceId: string, now = new Date()) {
  const settings = await readRequestSettings(db, workspaceId);
  const open = await slaWatchRepository.openRequests(db, workspaceId);
  const out: { id: string; title: string; type: string; dueAt: Date }[] = [];
  for (const r of open) {
    const c = slaClock({
      createdAt: r.createdAt,
      firstRespondedAt: r.firstRespondedAt,
      deliveredAt: null,
      targets: settings.targets[r.type as RequestType],
      now,
      calendar: settings.calendar,
      dueSoonFraction: settings.dueSoonFraction,
    });
    const due = [c.firstResponse.state === 'breached' && !r.firstRespondedAt ? c.firstResponseDueAt : null, c.delivery.state === 'breached' ? c.deliveryDueAt : null]
      .filter((d): d is Date => d !== null)
      .sort((a, b) => a.getTime() - b.getTime());
    if (due[0]) out.push({ id: r.id, title: r.title, type: r.type, dueAt: due[0] });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

