import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../test/app-harness.ts';
import { DEFAULT_CALENDAR, DEFAULT_WEIGHTS } from '../engine/index.ts';
import { DEFAULT_TYPE_TARGETS, readRequestSettings } from './request-settings.ts';
import { makeWorld, type World } from './test-fixtures.ts';

let w: World;
beforeAll(async () => {
  w = await makeWorld();
}, 120_000);
afterAll(async () => w?.h.close());

const URL = '/api/v1/workspaces/acme/requests/settings';
const CAP = `${URL}/capacity`;
const errorsOf = (res: { json(): unknown }) => (res.json() as { errors: { path: string; message: string }[] }).errors;
const auditOf = async (action: string) =>
  (await w.pool.query<{ details: Record<string, unknown>; target_label: string }>(`select details, target_label from audit_log where workspace_id = $1 and action = $2 order by created_at`, [w.ws, action]))
    .rows;

describe('request settings', () => {
  it('answers the defaults to everyone in the workspace until an admin changes them', async () => {
    const res = await call(w.h.app, w.clients.sales, 'GET', URL);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.types).toHaveLength(6);
    expect(s.types.find((t: { type: string }) => t.type === 'deal_support')).toEqual({ type: 'deal_support', ...DEFAULT_TYPE_TARGETS.deal_support });
    expect(s.weights).toEqual(DEFAULT_WEIGHTS);
    expect(s.calendar).toEqual(DEFAULT_CALENDAR);
    expect(s.dueSoonFraction).toBe(0.25);
    expect(s.currency).toBe('USD');
    expect(s.defaults).toEqual({ types: s.types, weights: DEFAULT_WEIGHTS });
    expect((await call(w.h.app, w.clients.other, 'GET', URL)).statusCode).toBe(404);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const patch = (body: unknown) => call(w.h.app, w.clients.admin, 'PATCH', URL, { body });
    const notNumber = await patch({ weights: { pipeline: 'a lot' } });
    expect(notNumber.statusCode).toBe(400);
    expect(errorsOf(notNumber)).toEqual([{ path: 'body.weights.pipeline', message: 'a weight is a number' }]);
    const zone = await patch({ calendar: { ...DEFAULT_CALENDAR, timeZone: 'Mars/Olympus_Mons' } });
    expect(zone.statusCode).toBe(400);
    expect(errorsOf(zone)[0]).toMatchObject({ path: 'body.calendar.timeZone' });
    expect(errorsOf(zone)[0]!.message).toMatch(/Mars\/Olympus_Mons/);
    const hours = await patch({ calendar: { ...DEFAULT_CALENDAR, dayStart: '17:00', dayEnd: '09:00' } });
    expect(errorsOf(hours).map((e) => e.path)).toEqual(['body.calendar.dayEnd']);
    expect(errorsOf(await patch({ calendar: { ...DEFAULT_CALENDAR, holidays: ['2026-02-30'] } }))[0]!.path).toBe('body.calendar.holidays[0]');
    const twice = await patch({
      types: [
        { type: 'training', firstResponseHours: 8, deliveryHours: 40 },
        { type: 'training', firstResponseHours: 8, deliveryHours: 4 },
      ],
    });
    expect(errorsOf(twice)).toEqual([
      { path: 'body.types.1.type', message: 'training is listed twice (also at types.0)' },
      { path: 'body.types.1.deliveryHours', message: 'the delivery target (4 h) is shorter than the first-response target (8 h)' },
    ]);
    const zero = await patch({ weights: { pipeline: 0, urgency: 0, reach: 0, strategic: 0 } });
    expect(errorsOf(zero)).toEqual([{ path: 'body.weights', message: expect.stringMatching(/at least one weight/) }]);
    expect(errorsOf(await patch({ weights: { reach: -1 } }))[0]!.path).toBe('body.weights.reach');
    // Nothing was saved.
    expect((await call(w.h.app, w.clients.admin, 'GET', URL)).json().weights).toEqual(DEFAULT_WEIGHTS);
  });

  it('lets only admins change settings', async () => {
    for (const who of [w.clients.marketing, w.clients.sales_lead, w.clients.sales]) {
      expect((await call(w.h.app, who, 'PATCH', URL, { body: { dueSoonFraction: 0.5 } })).statusCode).toBe(403);
    }
  });

  it('saves what an admin changes, keeps the rest, and audits the weights with what they were', async () => {
    const calendar = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4], dayStart: '08:30', dayEnd: '16:30', holidays: ['2026-12-24', '2026-12-25'] };
    const res = await call(w.h.app, w.clients.admin, 'PATCH', URL, {
      body: { weights: { pipeline: 0.6, strategic: 0 }, types: [{ type: 'training', firstResponseHours: 24, deliveryHours: 120 }], calendar },
    });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.weights).toEqual({ ...DEFAULT_WEIGHTS, pipeline: 0.6, strategic: 0 });
    expect(s.types.find((t: { type: string }) => t.type === 'training')).toEqual({ type: 'training', firstResponseHours: 24, deliveryHours: 120 });
    expect(s.types.find((t: { type: string }) => t.type === 'customize')).toEqual({ type: 'customize', ...DEFAULT_TYPE_TARGETS.customize });
    expect(s.calendar).toEqual(calendar);
    expect(s.defaults.weights).toEqual(DEFAULT_WEIGHTS);

    // A second change of one part leaves the others as they were.
    const again = await call(w.h.app, w.clients.admin, 'PATCH', URL, { body: { types: [{ type: 'other', firstResponseHours: 2, deliveryHours: 8 }], dueSoonFraction: 0.4 } });
    expect(again.json().types.find((t: { type: string }) => t.type === 'training').deliveryHours).toBe(120);
    expect(again.json().weights.pipeline).toBe(0.6);
    expect(again.json().calendar.timeZone).toBe('Europe/Berlin');
    const read = await w.h.services.deps.database.readTenant(w.ws, (db) => readRequestSettings(db, w.ws));
    expect(read.targets.other).toEqual({ firstResponseHours: 2, deliveryHours: 8 });
    expect(read.dueSoonFraction).toBe(0.4);

    const audits = await auditOf('request.settings_changed');
    expect(audits).toHaveLength(2);
    expect(audits[0]!.details.weights).toEqual({ from: DEFAULT_WEIGHTS, to: { ...DEFAULT_WEIGHTS, pipeline: 0.6, strategic: 0 } });
    expect(audits[0]!.details.types).toEqual([{ type: 'training', from: DEFAULT_TYPE_TARGETS.training, to: { firstResponseHours: 24, deliveryHours: 120 } }]);
    expect(audits[1]!.details).toEqual({
      types: [{ type: 'other', from: DEFAULT_TYPE_TARGETS.other, to: { firstResponseHours: 2, deliveryHours: 8 } }],
      dueSoonFraction: { from: 0.25, to: 0.4 },
    });
    // The same values again change nothing and are not audited.
    await call(w.h.app, w.clients.admin, 'PATCH', URL, { body: { dueSoonFraction: 0.4 } });
    expect(await auditOf('request.settings_changed')).toHaveLength(2);
  });
});

describe('PMM capacity', () => {
  it('lists every member who may triage, 0 hours until set', async () => {
    const res = await call(w.h.app, w.clients.sales, 'GET', CAP);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { user: { userId: w.ids.admin, name: 'Ada Admin' }, weeklyHours: 0 },
      { user: { userId: w.ids.pmm2, name: 'Max Marketing' }, weeklyHours: 0 },
      { user: { userId: w.ids.pmm, name: 'Pia Marketing' }, weeklyHours: 0 },
    ]);
  });

  it('takes hours for PMMs and admins only, naming the item that is not one', async () => {
    const put = (who = w.clients.marketing, items: unknown) => call(w.h.app, who, 'PUT', CAP, { body: { items } });
    const rep = await put(w.clients.marketing, [
      { userId: w.ids.pmm, weeklyHours: 20 },
      { userId: w.ids.rep, weeklyHours: 10 },
    ]);
    expect(rep.statusCode).toBe(400);
    expect(errorsOf(rep)).toEqual([{ path: 'body.items.1.userId', message: `${w.ids.rep} is not an active member who may triage requests (admin or marketing)` }]);
    const foreign = await put(w.clients.marketing, [{ userId: w.ids.bravoAdmin, weeklyHours: 10 }]);
    expect(errorsOf(foreign)[0]!.path).toBe('body.items.0.userId');
    const twice = await put(w.clients.marketing, [
      { userId: w.ids.pmm, weeklyHours: 20 },
      { userId: w.ids.pmm, weeklyHours: 10 },
    ]);
    expect(errorsOf(twice)[0]!.path).toBe('body.items.1.userId');
    expect(errorsOf(await put(w.clients.marketing, [{ userId: w.ids.pmm, weeklyHours: 'lots' }]))[0]!.path).toBe('body.items[0].weeklyHours');
    // More than 80 hours a week (or fewer than 0) is refused, naming the field — never clamped to 80 behind the person's back.
    for (const weeklyHours of [81, 168, -1]) {
      const res = await put(w.clients.marketing, [{ userId: w.ids.pmm, weeklyHours }]);
      expect(res.statusCode).toBe(400);
      expect(errorsOf(res)[0]).toMatchObject({ path: 'body.items[0].weeklyHours', message: weeklyHours < 0 ? 'weeklyHours is at least 0' : 'weeklyHours is at most 80' });
    }
    expect((await put(w.clients.sales_lead, [{ userId: w.ids.pmm, weeklyHours: 20 }])).statusCode).toBe(403);
    expect((await call(w.h.app, w.clients.admin, 'GET', CAP)).json().items.every((i: { weeklyHours: number }) => i.weeklyHours === 0)).toBe(true);
  });

  it('saves hours, keeps the people left out, and audits the change', async () => {
    expect((await call(w.h.app, w.clients.marketing, 'PUT', CAP, { body: { items: [{ userId: w.ids.pmm, weeklyHours: 20 }, { userId: w.ids.pmm2, weeklyHours: 12.5 }] } })).statusCode).toBe(200);
    const res = await call(w.h.app, w.clients.admin, 'PUT', CAP, { body: { items: [{ userId: w.ids.pmm2, weeklyHours: 8 }] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { user: { userId: w.ids.admin, name: 'Ada Admin' }, weeklyHours: 0 },
      { user: { userId: w.ids.pmm2, name: 'Max Marketing' }, weeklyHours: 8 },
      { user: { userId: w.ids.pmm, name: 'Pia Marketing' }, weeklyHours: 20 },
    ]);
    const audits = await auditOf('request.capacity_changed');
    expect(audits.map((a) => a.details.changes)).toEqual([
      [
        { userId: w.ids.pmm, name: 'Pia Marketing', from: 0, to: 20 },
        { userId: w.ids.pmm2, name: 'Max Marketing', from: 0, to: 12.5 },
      ],
      [{ userId: w.ids.pmm2, name: 'Max Marketing', from: 12.5, to: 8 }],
    ]);
    expect(audits[1]!.target_label).toBe('Max Marketing: 12.5 → 8 h/week');
  });
});
