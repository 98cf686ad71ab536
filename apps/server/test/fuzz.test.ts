/**
 * Bounded, seeded fuzzing of every operation in the OpenAPI document, signed in as an admin of the demo
 * workspace: wrong types, huge and negative numbers, impossible dates, overlong strings, unicode and NUL,
 * deep nesting, missing and extra fields, bad ids and path parameters, wrong content types and empty
 * bodies — in the body, the query and the path. No answer may be a 5xx, and nothing may be logged as an
 * error (a stack trace in the log). The same seed sends the same requests on every run; each operation
 * gets at most CASES_PER_OPERATION of them, so the whole run stays well under a minute.
 *
 * The named cases the outside probe reported (impossible dates, amounts, nesting, multipart without a
 * boundary) are asserted one by one below, with the field each 400 must name.
 */
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { DEMO_LOGINS, DEMO_SLUG, seedDemo } from '../src/demo.ts';
import { seededRandom } from '../src/lib/random.ts';
import { createHarness, login, type Client, type Harness, type TestApp } from './app-harness.ts';

const SEED = 12;
const CASES_PER_OPERATION = 26;
const DEMO_PASSWORD = 'tandem-demo-2026';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: Json[];
  const?: Json;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  default?: Json;
  $ref?: string;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Case {
  what: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
}

let h: Harness;
let app: TestApp;
let admin: Client;
/** A second session of the same admin, for the cases after fuzzing (which ends with signing out). */
let spare: Client;
let adminEmail: string;
/** Error-level log lines (an unhandled error logs its stack trace there). */
const errorLogs: string[] = [];
let doc: { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };
const fixtures: Record<string, string> = {};

beforeAll(async () => {
  const t0 = performance.now();
  h = await createHarness();
  await seedDemo(h.services, pino({ level: 'silent' }), { scale: 0.05, seed: 7 });
  console.info(`[fuzz] harness and demo seeded in ${Math.round(performance.now() - t0)} ms`);
  const sink = new Writable({
    write(chunk, _enc, done) {
      errorLogs.push(String(chunk));
      done();
    },
  });
  app = await buildApp({ services: h.services, logger: pino({ level: 'error' }, sink), webDist: false });
  await app.ready();
  adminEmail = DEMO_LOGINS.find((l) => l.role === 'admin')!.email;
  admin = await login(app, adminEmail, DEMO_PASSWORD);
  spare = await login(app, adminEmail, DEMO_PASSWORD);
  doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();

  const { pool } = h.services.deps.database;
  const ws = (await pool.query('select id from workspaces where slug = $1', [DEMO_SLUG])).rows[0].id as string;
  const one = async (sql: string) => ((await pool.query(sql, [ws])).rows[0]?.id as string | undefined) ?? '2b1e3c4d-5f60-4a7b-8c9d-0e1f2a3b4c5d';
  Object.assign(fixtures, {
    workspace: DEMO_SLUG,
    dealId: await one('select id from deals where workspace_id = $1 limit 1'),
    accountId: await one('select id from accounts where workspace_id = $1 limit 1'),
    itemId: await one('select id from feedback_items where workspace_id = $1 limit 1'),
    themeId: await one('select id from themes where workspace_id = $1 limit 1'),
    linkId: await one('select id from theme_links where workspace_id = $1 limit 1'),
    suggestionId: await one('select id from theme_suggestions where workspace_id = $1 limit 1'),
    batchId: await one('select id from feedback_imports where workspace_id = $1 limit 1'),
    importId: await one('select id from imports where workspace_id = $1 limit 1'),
    deliveryId: await one('select id from deliveries where workspace_id = $1 limit 1'),
    subscriptionId: await one('select id from webhook_subscriptions where workspace_id = $1 limit 1'),
    channelId: await one('select id from slack_channels where workspace_id = $1 limit 1'),
    // Another member, so that a valid-looking change never demotes the admin who fuzzes.
    userId: await one("select m.user_id as id from memberships m join users u on u.id = m.user_id where m.workspace_id = $1 and m.role = 'sales' limit 1"),
    id: await one('select id from invitations where workspace_id = $1 limit 1'),
    tokenId: await one('select id from api_tokens where workspace_id = $1 limit 1'),
    teamId: await one('select id from teams where workspace_id = $1 limit 1'),
    token: 'A'.repeat(43),
  });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await h?.close();
});

// ---- Generating inputs ---------------------------------------------------------

function deref(s: Schema | undefined): Schema {
  if (!s) return {};
  if (s.$ref) {
    const name = s.$ref.split('/').pop()!;
    return deref(doc.components?.schemas?.[name]);
  }
  return s;
}

/** A plausible value for a schema: the skeleton each mutation starts from. */
function sample(s0: Schema | undefined, depth = 0): Json {
  const s = deref(s0);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0]!;
  if (s.default !== undefined) return s.default;
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return sample(alt.find((a) => deref(a).type !== 'null') ?? alt[0], depth);
  if (s.allOf?.length) return sample(s.allOf[0], depth);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      if (depth > 4) return out;
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, depth + 1);
      return out;
    }
    case 'array':
      return depth > 4 ? [] : [sample(s.items, depth + 1)];
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? s.exclusiveMinimum ?? 1);
    case 'boolean':
      return true;
    case 'string':
      switch (s.format) {
        case 'uuid':
          return fixtures.itemId!;
        case 'email':
          return 'fuzz@example.test';
        case 'date':
          return '2025-06-30';
        case 'date-time':
          return '2025-06-30T12:00:00Z';
        case 'uri':
          return 'https://example.com/fuzz';
        default:
          return 'fuzz'.padEnd(Math.max(4, s.minLength ?? 0), 'z');
      }
    default:
      return 'fuzz';
  }
}

const nested = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);
const deepObject = (levels: number): Json => {
  let v: Json = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};

/** Values that no field should turn into a 5xx. */
const BAD_VALUES: Json[] = [
  null,
  true,
  -1,
  0,
  1.5,
  1e16,
  -1e16,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  'x'.repeat(20_000),
  '2024-02-30',
  '2024-13-01',
  '0000-01-01',
  '2024-02-30T10:00:00Z',
  '9999-12-31T23:00:00-14:00',
  '-1',
  '1e309',
  'NaN',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'nul\u0000byte',
  '\ud83d\udca5 \u202e \ufeff',
  '\ud800',
  '<script>alert(1)</script>',
  "'; drop table deals; --",
  [],
  [null],
  {},
  deepObject(60),
  ['x', 1, null, { a: [] }],
];

const BAD_QUERY = [
  '',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  'NaN',
  '2024-02-30',
  '2024-13-01',
  '0000-01-01',
  '2024-02-30T00:00:00Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(5000),
  '%00',
  '%F0%9F%92%A5',
  '%ZZ',
  '%ED%A0%80',
  '[object Object]',
  'true',
];

const BAD_PATH = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '-1',
  '1e309',
  'x'.repeat(99),
  'x'.repeat(500),
  '%00',
  '%F0%9F%92%A5',
  '%ZZ',
  '..%2F..%2Fetc',
  'null',
  '%20',
];

/** Every leaf path of a skeleton (top level, and inside the first element of arrays), up to three deep. */
function leafPaths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (prefix.length) out.push(prefix);
  if (prefix.length >= 3) return out;
  if (Array.isArray(v)) {
    if (v.length) leafPaths(v[0]!, [...prefix, 0], out);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) leafPaths(x, [...prefix, k], out);
  }
  return out;
}
function withValue(root: Json, at: (string | number)[], value: Json): Json {
  const copy = structuredClone(root);
  let cur = copy as Record<string | number, Json>;
  for (const k of at.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  cur[at.at(-1)!] = value;
  return copy;
}

function multipart(parts: { name: string; value: string; filename?: string }[], boundary = 'fuzzboundary'): Buffer {
  const body = parts
    .map(
      (p) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n` +
        `${p.filename ? 'Content-Type: text/csv\r\n' : ''}\r\n${p.value}\r\n`,
    )
    .join('');
  return Buffer.from(`${body}--${boundary}--\r\n`);
}

function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? fixtures[name] ?? '2b1e3c4d-5f60-4a7b-8c9d-0e1f2a3b4c5d');
}

function casesFor(pathTemplate: string, op: Operation, rnd: () => number): Case[] {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const url = fillPath(pathTemplate, {});
  const json = op.requestBody?.content?.['application/json'];
  const isMultipart = !!op.requestBody?.content?.['multipart/form-data'];
  const jsonHeaders = { 'content-type': 'application/json' };
  const skeleton = json ? sample(json.schema) : undefined;
  const sendJson = (what: string, body: Json, u = url): Case => ({ what, url: u, headers: jsonHeaders, payload: JSON.stringify(body) });

  // Always sent: the cases every route must refuse plainly.
  const fixed: Case[] = [
    { what: 'json nested 10,000 levels', url, headers: jsonHeaders, payload: nested(10_000) },
    { what: 'multipart without a boundary', url, headers: { 'content-type': 'multipart/form-data' }, payload: 'x' },
    { what: 'empty json body', url, headers: jsonHeaders, payload: '' },
  ];
  const pool: Case[] = [];
  for (const p of pathParams) for (const bad of BAD_PATH) pool.push({ what: `path ${p.name}=${bad.slice(0, 40)}`, url: fillPath(pathTemplate, { [p.name]: bad }) });
  for (const q of queryParams) {
    for (const bad of BAD_QUERY) pool.push({ what: `query ${q.name}=${bad.slice(0, 40)}`, url: `${url}?${encodeURIComponent(q.name)}=${bad.startsWith('%') ? bad : encodeURIComponent(bad)}` });
    pool.push({ what: `query ${q.name} repeated`, url: `${url}?${q.name}=a&${q.name}=b&${q.name}=2024-02-30` });
  }
  if (queryParams.length) pool.push({ what: 'unknown query parameter', url: `${url}?zzz=1&__proto__=x&constructor[prototype]=y` });
  pool.push(
    { what: 'text/plain body', url, headers: { 'content-type': 'text/plain' }, payload: 'hello' },
    { what: 'form-urlencoded body', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1&b=2' },
    { what: 'json syntax error', url, headers: jsonHeaders, payload: '{"a": 1,,}' },
    { what: 'json __proto__', url, headers: jsonHeaders, payload: '{"__proto__": {"admin": true}}' },
    { what: 'json with charset and garbage', url, headers: { 'content-type': 'application/json; charset=latin-99' }, payload: '{}' },
  );
  for (const body of [null, [], 'str', 123, true, {}, deepObject(63), { extra: 1 }] as Json[]) pool.push(sendJson(`body ${JSON.stringify(body).slice(0, 30)}`, body));
  if (skeleton !== undefined) {
    pool.push(sendJson('skeleton', skeleton));
    if (skeleton && typeof skeleton === 'object' && !Array.isArray(skeleton)) pool.push(sendJson('skeleton with extra fields', { ...skeleton, zzz: 'extra', constructor: { prototype: 1 } }));
    for (const at of leafPaths(skeleton)) {
      for (const bad of BAD_VALUES) pool.push(sendJson(`body.${at.join('.')}=${JSON.stringify(bad)?.slice(0, 30)}`, withValue(skeleton, at, bad)));
      if (at.length === 1 && skeleton && typeof skeleton === 'object' && !Array.isArray(skeleton)) {
        const { [at[0] as string]: _gone, ...rest } = skeleton;
        pool.push(sendJson(`body without ${at[0]}`, rest));
      }
    }
  }
  if (isMultipart) {
    const csv = 'Opportunity ID,Opportunity Name,Stage,Close Date,Amount\n006A,Deal,Prospecting,2024-02-30,1e16\n';
    const boundary = { 'content-type': 'multipart/form-data; boundary=fuzzboundary' };
    for (const [name, value] of [
      ['mapping', '{{{'],
      ['mapping', JSON.stringify(deepObject(63))],
      ['mapping', nested(5000)],
      ['dateFormat', 'XYZ'],
      ['start', 'maybe'],
      ['format', '\u0000'],
      ['source', 'x'.repeat(5000)],
      ['kind', 'nope'],
    ] as const) {
      pool.push({ what: `multipart ${name}=${value.slice(0, 20)}`, url, headers: boundary, payload: multipart([{ name, value }, { name: 'file', value: csv, filename: 'f.csv' }]) });
    }
    pool.push(
      { what: 'multipart without a file', url, headers: boundary, payload: multipart([{ name: 'start', value: 'true' }]) },
      { what: 'multipart, two files', url, headers: boundary, payload: multipart([{ name: 'file', value: csv, filename: 'a.csv' }, { name: 'file', value: csv, filename: 'b.csv' }]) },
      { what: 'multipart, file without a name', url, headers: boundary, payload: multipart([{ name: 'file', value: csv, filename: '' }]) },
      { what: 'multipart, cut short', url, headers: boundary, payload: Buffer.from('--fuzzboundary\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc') },
      { what: 'multipart, binary file', url, headers: boundary, payload: multipart([{ name: 'file', value: '\u0000\u0001PK\u0003\u0004garbage', filename: 'a.xlsx' }]) },
    );
  }
  // A seeded shuffle picks the bounded share of the rest.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  if (!params.some((p) => p.name !== 'workspace') && !op.requestBody) {
    // Nothing to fuzz but the workspace, the body and its type, all refused before the handler (which may
    // start real work, such as clustering in a worker thread).
    return [fixed[0]!, fixed[1]!, ...pool.filter((c) => /^(text\/plain body|form-urlencoded body|path workspace=.*)$/.test(c.what))];
  }
  return [...fixed, ...pool.slice(0, CASES_PER_OPERATION - fixed.length)];
}

/** Operations that end the session or change the admin's own account run last. */
function order(a: string, b: string): number {
  const late = (k: string) => (k.includes('/auth/logout') ? 3 : / \/api\/v1\/(me|me\/password|workspaces\/\{workspace\})$/.test(k) ? 2 : 0);
  return late(a) - late(b) || a.localeCompare(b);
}

async function send(method: string, c: Case): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(c.headers ?? {}) };
  if (admin.cookie) headers.cookie = admin.cookie;
  if (method !== 'GET' && admin.csrf) headers['x-csrf-token'] = admin.csrf;
  return app.inject({ method: method as 'GET', url: c.url, headers, ...(c.payload !== undefined && method !== 'GET' ? { payload: c.payload } : {}) });
}

describe('fuzzing every operation of the OpenAPI document', () => {
  it('answers no malformed request with a 5xx, and logs no error', async () => {
    const rnd = seededRandom(SEED);
    const operations = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, method: m.toUpperCase(), path: p, op })))
      .sort((a, b) => order(a.key, b.key));
    expect(operations.length).toBeGreaterThan(80);

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const slowest: [number, string][] = [];
    for (const { key, method, path, op } of operations) {
      const started = performance.now();
      for (const c of casesFor(path, op, rnd.next)) {
        const res = await send(method, c);
        sent++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) failures.push(`${key} [${c.what}] → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      slowest.push([performance.now() - started, key]);
      // The admin is still signed in (unless this was the sign-out at the very end).
      if (!key.includes('/auth/logout')) {
        const s = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: admin.cookie! } });
        if (s.statusCode !== 200) throw new Error(`fuzzing ${key} ended the admin's session (${s.statusCode})`);
      }
    }
    const summary = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
    const slow = slowest.sort((a, b) => b[0] - a[0]).slice(0, 5).map(([ms, k]) => `${k} ${Math.round(ms)} ms`).join('; ');
    console.info(`[fuzz] ${sent} requests over ${operations.length} operations: ${summary}; slowest: ${slow}`);
    expect(failures).toEqual([]);
    expect(errorLogs.map((l) => l.slice(0, 300))).toEqual([]);
  }, 180_000);
});

describe('what the outside probe reported, case by case', () => {
  beforeAll(() => {
    admin = spare;
  });
  const ws = (p: string) => `/api/v1/workspaces/${DEMO_SLUG}/${p}`;
  const fieldsOf = (res: LightMyRequestResponse) => ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
  const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });

  it.each(['2024-02-30', '2024-13-01', '0000-01-01', '2024-02-29x'])('refuses the impossible day %s in every date filter with a 400 naming it', async (day) => {
    for (const [url, field] of [
      [ws(`deals?closeFrom=${day}`), 'query.closeFrom'],
      [ws(`deals?closeTo=${day}`), 'query.closeTo'],
      [ws(`deals/summary?closeFrom=${day}`), 'query.closeFrom'],
      [ws(`feedback?from=${day}`), 'query.from'],
      [ws(`feedback?to=${day}`), 'query.to'],
      [ws(`feedback?from=${day}T10:00:00Z`), 'query.from'],
      [`/api/v1/workspaces/${DEMO_SLUG}/audit?from=${day}T10:00:00Z`, 'query.from'],
    ] as const) {
      const res = await send('GET', { what: url, url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(fieldsOf(res), url).toContain(field);
    }
  });

  it('refuses impossible dates and amounts too large for the column in bodies with a 400 naming the field', async () => {
    const deal = { externalId: 'FZ-1', stage: 'Prospecting' };
    for (const [url, body, field] of [
      [ws('feedback'), { kind: 'feature_request', text: 'Needs SSO', observedAt: '2024-02-30T10:00:00Z' }, 'body.observedAt'],
      [ws('feedback'), { kind: 'feature_request', text: 'Needs SSO', observedAt: '0000-01-01T00:00:00Z' }, 'body.observedAt'],
      [ws('feedback'), { kind: 'feature_request', text: 'Needs SSO', observedAt: '9999-12-31T23:00:00-14:00' }, 'body.observedAt'],
      [ws('deals/upsert'), { source: 'api', deals: [{ ...deal, closeDate: '2024-02-30' }] }, 'body.deals[0].closeDate'],
      [ws('deals/upsert'), { source: 'api', deals: [{ ...deal, closeDate: '2024-13-01' }] }, 'body.deals[0].closeDate'],
      [ws('deals/upsert'), { source: 'api', deals: [{ ...deal, createdDate: '0000-01-01T00:00:00' }] }, 'body.deals[0].createdDate'],
      [ws('deals/upsert'), { source: 'api', deals: [{ ...deal, amount: 1e16 }] }, 'body.deals[0].amount'],
      [ws('deals/upsert'), { source: 'api', deals: [{ ...deal, amount: -1e300 }] }, 'body.deals[0].amount'],
      [ws('deals/upsert'), { source: 'api', deals: [{ ...deal, amount: '12345678901234567' }] }, 'body.deals[0].amount'],
    ] as const) {
      const res = await send(url.endsWith('upsert') || url.endsWith('feedback') ? 'POST' : 'PUT', { what: url, url, ...json(body) });
      expect(res.statusCode, `${url} ${JSON.stringify(body)}: ${res.body}`).toBe(400);
      expect(fieldsOf(res), JSON.stringify(body)).toContain(field);
    }
    const rates = await send('PUT', { what: 'rates', url: ws('deal-settings/exchange-rates'), ...json({ items: [{ currency: 'EUR', effectiveFrom: '2024-02-30', rate: '1.1' }] }) });
    expect(rates.statusCode, rates.body).toBe(400);
    expect(fieldsOf(rates).join(' ')).toMatch(/effectiveFrom/);
    // The largest amount the column holds is still taken.
    const ok = await send('POST', { what: 'upsert', url: ws('deals/upsert'), ...json({ source: 'api', deals: [{ ...deal, amount: 9999999999999998, closeDate: '2024-02-29' }] }) });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses JSON nested deeper than 64 levels with a 400 before parsing, on public and signed-in routes', async () => {
    const deep = '{"email":' + '['.repeat(8000) + ']'.repeat(8000) + '}';
    const pub = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: deep });
    expect(pub.statusCode, pub.body).toBe(400);
    expect(pub.json()).toMatchObject({ code: 'JSON_TOO_DEEP', errors: [{ path: 'body' }] });
    expect(pub.json().detail).toMatch(/at most 64 levels.*line 1, column 73/);
    const signedIn = await send('POST', { what: 'deep', url: ws('feedback'), headers: { 'content-type': 'application/json' }, payload: '['.repeat(8000) });
    expect(signedIn.statusCode, signedIn.body).toBe(400);
    expect(signedIn.json().code).toBe('JSON_TOO_DEEP');
    // Brackets inside strings do not count; 64 levels are parsed and validated as usual.
    const inString = await send('POST', { what: 'string', url: ws('feedback'), ...json({ kind: 'feature_request', text: '['.repeat(3000) }) });
    expect(inString.statusCode, inString.body).toBe(201);
    const sixtyFour = await send('POST', { what: '64', url: ws('feedback'), headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ kind: 'feature_request', text: 'x', quote: deepObject(63) }) });
    expect(sixtyFour.statusCode).toBe(400);
    expect(sixtyFour.json().code).toBe('VALIDATION_FAILED');
    expect(errorLogs).toEqual([]);
  });

  it('refuses a multipart upload without a boundary with a 400 naming it', async () => {
    for (const url of [ws('imports'), ws('feedback/import/preview'), ws('feedback/import')]) {
      const res = await send('POST', { what: url, url, headers: { 'content-type': 'multipart/form-data' }, payload: 'file=x' });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'MULTIPART_BOUNDARY_MISSING', errors: [{ path: 'headers.content-type' }] });
    }
    const cut = await send('POST', { what: 'cut', url: ws('imports'), headers: { 'content-type': 'multipart/form-data; boundary=b' }, payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc' });
    expect(cut.statusCode, cut.body).toBeLessThan(500);
    expect(errorLogs).toEqual([]);
  });
});
