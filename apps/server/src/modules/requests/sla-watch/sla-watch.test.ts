import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRequest, makeWorld, type World } from '../settings/test-fixtures.ts';
import { watchSlas } from './sla-watch.ts';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 120_000);
afterAll(async () => w?.h.close());

const alerts = async (requestId: string) =>
  (
    await w.pool.query<{ payload: { clock: string; state: string; recipientUserIds: string[]; dueAt: string } }>(
      `select payload from events where workspace_id = $1 and type = 'request.sla_alert' and payload->>'requestId' = $2 order by created_at, id`,
      [w.ws, requestId],
    )
  ).rows.map((r) => r.payload);
const activity = async (requestId: string) =>
  (await w.pool.query<{ kind: string; text: string }>(`select kind, text from request_activity where workspace_id = $1 and request_id = $2 order by at, id`, [w.ws, requestId])).rows;

describe('SLA watcher', () => {
  // The default calendar: UTC, Monday to Friday, 09:00–17:00. "customize" targets: first response 4 h, delivery 24 h;
  // due soon in the last quarter (first response: the last 1 h; delivery: the last 6 h).
  // Filed Monday 2 March 2026 09:00 UTC, assigned to Pia; Rae asked (her team East is led by Lee; Roy's team is none).
  let id: string;
  beforeAll(async () => {
    id = await insertRequest(w.pool, w.ws, { type: 'customize', status: 'triaged', createdAt: '2026-03-02T09:00:00Z', assignee: w.ids.pmm, requesters: [w.ids.rep, w.ids.rep2] });
  });

  it('tells nobody while every clock is on track', async () => {
    // 11:00: 2 of 4 business hours gone.
    expect(await watchSlas(w.h.services.deps, new Date('2026-03-02T11:00:00Z'))).toBe(0);
    expect(await alerts(id)).toEqual([]);
  });

  it('tells the assignee and the requesters’ team lead once when the first response turns due soon, with an activity line', async () => {
    // 12:30: 3.5 of 4 business hours gone, 0.5 h left ≤ 1 h → due soon; delivery 21.5 h left of 24 → on track.
    expect(await watchSlas(w.h.services.deps, new Date('2026-03-02T12:30:00Z'))).toBe(1);
    expect(await watchSlas(w.h.services.deps, new Date('2026-03-02T12:35:00Z'))).toBe(0);
    const sent = await alerts(id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ clock: 'first_response', state: 'due_soon', dueAt: '2026-03-02T13:00:00.000Z' });
    expect(new Set(sent[0]!.recipientUserIds)).toEqual(new Set([w.ids.pmm, w.ids.lead]));
    expect(await activity(id)).toEqual([{ kind: 'sla_due_soon', text: 'First response is due soon: by Mon 2 Mar 13:00 (UTC)' }]);
  });

  it('tells once more when it is breached, and never again for that clock and state', async () => {
    expect(await watchSlas(w.h.services.deps, new Date('2026-03-02T13:30:00Z'))).toBe(1);
    expect(await watchSlas(w.h.services.deps, new Date('2026-03-02T16:00:00Z'))).toBe(0);
    const sent = await alerts(id);
    expect(sent.map((a) => `${a.clock}:${a.state}`)).toEqual(['first_response:due_soon', 'first_response:breached']);
    expect((await activity(id)).map((a) => a.kind)).toEqual(['sla_due_soon', 'sla_breached']);
    expect((await activity(id))[1]!.text).toBe('First response is past its SLA: it was due Mon 2 Mar 13:00 (UTC)');
  });

  it('watches the delivery clock after the first response, in business hours (nights and the weekend do not count)', async () => {
    await w.pool.query(`update requests set first_responded_at = '2026-03-02T14:00:00Z' where id = $1`, [id]);
    // Wednesday 4 March 12:00: Mon 8 + Tue 8 + Wed 3 = 19 of 24 h gone, 5 h left ≤ 6 → delivery due soon.
    expect(await watchSlas(w.h.services.deps, new Date('2026-03-04T12:00:00Z'))).toBe(1);
    // Thursday 5 March 09:30: 24.5 h gone → breached, due Wed 4 March 17:00.
    expect(await watchSlas(w.h.services.deps, new Date('2026-03-05T09:30:00Z'))).toBe(1);
    expect(await watchSlas(w.h.services.deps, new Date('2026-03-09T09:30:00Z'))).toBe(0);
    const delivery = (await alerts(id)).filter((a) => a.clock === 'delivery');
    expect(delivery.map((a) => [a.state, a.dueAt])).toEqual([
      ['due_soon', '2026-03-04T17:00:00.000Z'],
      ['breached', '2026-03-04T17:00:00.000Z'],
    ]);
  });

  it('leaves closed requests alone, and reads each workspace’s own calendar', async () => {
    const delivered = await insertRequest(w.pool, w.ws, {
      type: 'deal_support',
      status: 'delivered',
      createdAt: '2026-03-02T09:00:00Z',
      firstRespondedAt: '2026-03-02T09:30:00Z',
      deliveredAt: '2026-03-02T10:00:00Z',
      requesters: [w.ids.rep],
    });
    // A Berlin workspace calendar: 09:00 Berlin is 08:00 UTC in March (CET).
    await w.pool.query(
      `insert into request_settings (workspace_id, calendar) values ($1, '{"timeZone":"Europe/Berlin","workingDays":[1,2,3,4,5],"dayStart":"09:00","dayEnd":"17:00","holidays":[]}')
       on conflict (workspace_id) do update set calendar = excluded.calendar`,
      [w.ws],
    );
    // Filed Monday 9 March 08:00 UTC = 09:00 Berlin; deal support: first response 4 h → due 13:00 Berlin = 12:00 UTC.
    const berlin = await insertRequest(w.pool, w.ws, { type: 'deal_support', createdAt: '2026-03-09T08:00:00Z', requesters: [w.ids.rep2] });
    expect(await watchSlas(w.h.services.deps, new Date('2026-03-09T11:30:00Z'))).toBe(1);
    expect(await alerts(delivered)).toEqual([]);
    const [a] = await alerts(berlin);
    expect(a).toMatchObject({ clock: 'first_response', state: 'due_soon', dueAt: '2026-03-09T12:00:00.000Z' });
    // No assignee and Roy is in no team: nobody to tell in person, but the notice is recorded (and goes to Slack and webhooks).
    expect(a!.recipientUserIds).toEqual([]);
    expect((await activity(berlin))[0]!.text).toBe('First response is due soon: by Mon 9 Mar 13:00 (Europe/Berlin)');
  });
});
