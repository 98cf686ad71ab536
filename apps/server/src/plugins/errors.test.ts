import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../test/app-harness.ts';

let h: Harness;
let admin: Client;
let memberId: string;
let teamId: string;

beforeAll(async () => {
  h = await createHarness({ TANDEM_BODY_LIMIT_BYTES: '2048' });
  admin = await setupAdmin(h.app);
  memberId = (await addMember(h.app, admin, 'acme', 'sam@acme.test', 'sales')).userId;
  teamId = (await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/teams', { body: { name: 'Team' } })).json().id;
});
afterAll(async () => h?.close());

/** Sends a raw body as JSON, signed in as the admin. */
const raw = (method: 'POST' | 'PATCH', url: string, payload: string, extraHeaders: Record<string, string> = {}) =>
  h.app.inject({
    method,
    url,
    payload,
    headers: { 'content-type': 'application/json', cookie: admin.cookie!, 'x-csrf-token': admin.csrf!, ...extraHeaders },
  });

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status, code, title: expect.any(String), type: expect.stringContaining(code.toLowerCase().replace(/_/g, '-')) });
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

describe('problem responses', () => {
  it('invalid JSON is a 400 that says where it broke, by line and column', async () => {
    const trailing = expectProblem(await raw('PATCH', '/api/v1/me', '{"name":"Ada",}'), 400, 'INVALID_JSON');
    expect(trailing.detail).toMatch(/line 1, column 15\b/);
    expect(trailing.errors).toEqual([{ path: 'body', message: expect.stringContaining('line 1, column 15') }]);
    const lines = expectProblem(await raw('PATCH', '/api/v1/me', '{\n  "name": "Ada"\n  "timeZone": "UTC"\n}'), 400, 'INVALID_JSON');
    expect(lines.detail).toMatch(/line 3, column 3\b/);
    const truncated = expectProblem(await raw('PATCH', '/api/v1/me', '{"name": "Ada"'), 400, 'INVALID_JSON');
    expect(truncated.detail).toMatch(/line 1, column \d+/);
  });

  // BUG (json-body.ts): since Node 20, V8's "Unexpected token" messages carry no position, and the
  // parser then points at the end of the body. Flip to `it` once fixed.
  it('an unexpected token is located exactly, even on a later line', async () => {
    const token = expectProblem(await raw('POST', '/api/v1/auth/login', '{"email":"ada@acme.test","password":}'), 400, 'INVALID_JSON');
    expect(token.detail).toMatch(/line 1, column 37\b/);
    const multiline = expectProblem(await raw('PATCH', '/api/v1/me', '{\n  "name": "Ada",\n  "timeZone": Europe/Berlin\n}'), 400, 'INVALID_JSON');
    expect(multiline.detail).toMatch(/line 3, column 15\b/);
  });

  it('a schema violation names each bad field', async () => {
    const login = expectProblem(await call(h.app, null, 'POST', '/api/v1/auth/login', { body: { email: 'not-an-email', password: 'x' } }), 400, 'VALIDATION_FAILED');
    expect(login.errors.map((e: { path: string }) => e.path)).toEqual(['body.email']);
    expect(login.detail).toMatch(/^body\.email: /);

    const team = expectProblem(
      await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/teams', { body: { name: '', memberUserIds: [memberId, 'nope'] } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(team.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.memberUserIds[1]', 'body.name']);
    expect(team.detail).toMatch(/\(and 1 more\)/);

    const missing = expectProblem(await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/invitations', { body: {} }), 400, 'VALIDATION_FAILED');
    expect(missing.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.email', 'body.role']);

    const param = expectProblem(await call(h.app, admin, 'PATCH', '/api/v1/workspaces/acme/members/42', { body: { role: 'sales' } }), 400, 'VALIDATION_FAILED');
    expect(param.errors[0].path).toBe('params.userId');
  });

  it('strict bodies refuse unknown fields instead of ignoring them', async () => {
    const cases = [
      ['/api/v1/me', { nickname: 'Ada' }, 'nickname'],
      ['/api/v1/workspaces/acme', { slug: 'hijacked' }, 'slug'],
      [`/api/v1/workspaces/acme/members/${memberId}`, { role: 'sales', isOwner: true }, 'isOwner'],
      [`/api/v1/workspaces/acme/teams/${teamId}`, { name: 'Renamed', color: 'red' }, 'color'],
    ] as const;
    for (const [url, body, key] of cases) {
      const p = expectProblem(await call(h.app, admin, 'PATCH', url, { body }), 400, 'VALIDATION_FAILED');
      expect(p.detail, url).toContain(key);
      expect(p.errors[0].path).toMatch(/^body/);
    }
    const ws = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json();
    expect(ws.slug).toBe('acme');
    const teams = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/teams')).json();
    expect(teams.items[0].name).toBe('Team');
  });

  it('a body over TANDEM_BODY_LIMIT_BYTES is refused with 413', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(3000) });
    const p = expectProblem(await raw('PATCH', '/api/v1/me', big), 413, 'BODY_TOO_LARGE');
    expect(p.detail).toBeTruthy();
    // Just under the limit is parsed (and then judged by the schema).
    const under = await raw('PATCH', '/api/v1/me', JSON.stringify({ name: 'x'.repeat(1900) }));
    expectProblem(under, 400, 'VALIDATION_FAILED');
  });

  it('an unknown route is a 404 problem', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/workspaces/acme/nothing'],
      ['DELETE', '/api/v1/workspaces/acme'],
      ['GET', '/api/v2/workspaces'],
    ] as const) {
      const p = expectProblem(await call(h.app, admin, method, url), 404, 'NOT_FOUND');
      expect(p.detail).toContain(url.split('?')[0]);
    }
  });

  it('a body of another content type is a 415', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: 'email=ada@acme.test&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('request ids', () => {
  it('every response carries one, and every problem repeats it', async () => {
    const ok = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme');
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const a = await call(h.app, null, 'GET', '/api/v1/auth/session');
    const b = await call(h.app, null, 'GET', '/api/v1/auth/session');
    expectProblem(a, 401, 'AUTH_REQUIRED');
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('echoes a well-formed incoming x-request-id and replaces a malformed one', async () => {
    const echoed = await call(h.app, null, 'GET', '/api/v1/auth/session', { headers: { 'x-request-id': 'edge-proxy:42.abc' } });
    expect(echoed.headers['x-request-id']).toBe('edge-proxy:42.abc');
    expect(echoed.json().requestId).toBe('edge-proxy:42.abc');
    const fine = await call(h.app, null, 'GET', '/healthz', { headers: { 'x-request-id': 'trace-1' } });
    expect(fine.headers['x-request-id']).toBe('trace-1');

    for (const bad of ['has spaces in it', 'x'.repeat(101), '<script>']) {
      const res = await call(h.app, null, 'GET', '/api/v1/auth/session', { headers: { 'x-request-id': bad } });
      expect(res.headers['x-request-id']).not.toBe(bad);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.json().requestId).toBe(res.headers['x-request-id']);
    }
  });
});

describe('garbage input', () => {
  const slugRoutes: ['POST' | 'PATCH', string][] = [
    ['POST', '/api/v1/auth/login'],
    ['POST', '/api/v1/setup'],
    ['PATCH', '/api/v1/me'],
    ['POST', '/api/v1/me/password'],
    ['POST', '/api/v1/workspaces'],
    ['PATCH', '/api/v1/workspaces/acme'],
    ['POST', '/api/v1/workspaces/acme/invitations'],
    ['PATCH', '/api/v1/workspaces/acme/members/MEMBER'],
    ['POST', '/api/v1/workspaces/acme/teams'],
    ['PATCH', '/api/v1/workspaces/acme/teams/TEAM'],
    ['POST', '/api/v1/workspaces/acme/tokens'],
    ['POST', '/api/v1/invitations/tdi_0123456789abcdef/accept'],
    ['POST', '/api/v1/password-resets/tdr_0123456789abcdef'],
  ];
  const huge = 'ä'.repeat(900);
  const bodies = [
    'null',
    '[]',
    '[{"name":"x"}]',
    '"a string"',
    '42',
    'true',
    '{}',
    '{"name": 42, "email": ["a@b.c"], "role": {"admin": true}, "password": null}',
    '{"name": {}, "memberUserIds": "all", "leadUserId": 7, "expiresInDays": -1, "active": "yes"}',
    JSON.stringify({ name: huge, email: `${huge}@acme.test`, password: huge, workspaceName: huge, workspaceSlug: huge }),
    '{"__proto__": {"role": "admin"}}',
    '{"name": "x", "constructor": {"prototype": {"isAdmin": true}}}',
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
    '{"name": "\\ud800", "email": "\\udfff@acme.test"}',
    '{"fiscalYearStartMonth": 1e400, "expiresInDays": 1.5, "baseCurrency": "usd"}',
  ];

  it('never answers 500 to malformed bodies', async () => {
    const failures: string[] = [];
    for (const [method, template] of slugRoutes) {
      const url = template.replace('MEMBER', memberId).replace('TEAM', teamId);
      for (const body of bodies) {
        const res = await raw(method, url, body);
        if (res.statusCode >= 500 || !/problem\+json|application\/json/.test(String(res.headers['content-type']))) {
          failures.push(`${method} ${url} ${body.slice(0, 40)} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Nothing above changed the workspace or the admin.
    expect((await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json()).toMatchObject({ name: 'Acme', baseCurrency: 'USD' });
    expect((await call(h.app, admin, 'GET', '/api/v1/auth/session')).json().user).toMatchObject({ name: 'Ada Admin', email: 'ada@acme.test' });
  });

  it('refuses prototype-poisoning keys as invalid JSON', async () => {
    expectProblem(await raw('PATCH', '/api/v1/me', '{"__proto__": {"name": "x"}}'), 400, 'INVALID_JSON');
    expectProblem(await raw('PATCH', '/api/v1/me', '{"constructor": {"prototype": {}}}'), 400, 'INVALID_JSON');
  });

  // BUG: PostgreSQL text cannot hold NUL (error 22021); such strings pass the schemas and end in a 500.
  // Flip to `it` once fixed.
  it('never answers 500 to strings the database cannot store (NUL characters)', async () => {
    const failures: string[] = [];
    const check = async (what: string, res: LightMyRequestResponse) => {
      if (res.statusCode >= 500) failures.push(`${what} → ${res.statusCode}`);
    };
    await check('PATCH /me name', await call(h.app, admin, 'PATCH', '/api/v1/me', { body: { name: 'Ada\u0000' } }));
    await check('POST teams name', await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/teams', { body: { name: 'Nul\u0000team' } }));
    await check('POST tokens name', await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/tokens', { body: { name: 'tok\u0000' } }));
    await check('POST invitations name', await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/invitations', { body: { email: 'nul@acme.test', role: 'sales', name: 'N\u0000' } }));
    await check('GET members q', await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/members', { query: { q: 'a\u0000' } }));
    await check('GET audit action', await call(h.app, admin, 'GET', '/api/v1/workspaces/acme/audit', { query: { action: 'auth.\u0000' } }));
    await check('GET workspace %00', await call(h.app, admin, 'GET', '/api/v1/workspaces/ac%00me'));
    expect(failures).toEqual([]);
  });

  it('refuses a NUL anywhere in a body, naming the field, before any other check', async () => {
    // One rule for every field (passwords included) rather than a per-field exception.
    const res = await call(h.app, null, 'POST', '/api/v1/auth/login', { body: { email: 'ada@acme.test', password: 'x\u0000' } });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.json().errors).toEqual([{ path: 'body.password', message: 'must not contain NUL (\\u0000) characters' }]);
  });

  /** GETs each URL as the admin; returns those answered with a 5xx or with an error that is not problem+json. */
  async function badAnswers(urls: string[]) {
    const failures: string[] = [];
    for (const url of urls) {
      const res = await call(h.app, admin, 'GET', url);
      if (res.statusCode >= 500 || (res.statusCode >= 400 && !/problem\+json/.test(String(res.headers['content-type'])))) {
        failures.push(`GET ${url.slice(0, 80)} → ${res.statusCode} ${res.headers['content-type']} ${res.body.slice(0, 160)}`);
      }
    }
    return failures;
  }

  it('never answers 500 to garbage in query strings and paths', async () => {
    const failures = await badAnswers([
      '/api/v1/workspaces/acme/members?limit=abc',
      '/api/v1/workspaces/acme/members?limit=-1',
      '/api/v1/workspaces/acme/members?limit=1e9',
      '/api/v1/workspaces/acme/members?role=owner',
      '/api/v1/workspaces/acme/members?q=a&q=b',
      `/api/v1/workspaces/acme/members?q=${'%25'.repeat(100)}`,
      '/api/v1/workspaces/acme/members?cursor=%7B%7D',
      '/api/v1/workspaces/acme/audit?cursor=zzz',
      `/api/v1/workspaces/acme/audit?cursor=${Buffer.from('["not a date","00000000-0000-4000-8000-000000000000"]').toString('base64url')}`,
      '/api/v1/workspaces/acme/audit?from=2024-02-30T00:00:00Z',
      `/api/v1/workspaces/${'a'.repeat(60)}`,
      '/api/v1/workspaces/acme/teams/not-a-uuid',
      '/api/v1/invitations/short',
    ]);
    expect(failures).toEqual([]);
  });

  // BUG (pagination.ts): a cursor decoding to two strings is trusted; a non-UUID id reaches
  // PostgreSQL (22P02) and answers 500. Flip to `it` once fixed.
  it('refuses a tampered cursor with a 400, not a 500', async () => {
    const failures = await badAnswers([
      `/api/v1/workspaces/acme/members?cursor=${Buffer.from('["a","b"]').toString('base64url')}`,
      `/api/v1/workspaces/acme/audit?cursor=${Buffer.from('["2024-01-01T00:00:00Z","not-a-uuid"]').toString('base64url')}`,
    ]);
    expect(failures).toEqual([]);
  });

  // BUG (app.ts): errors raised by the router itself bypass the error handler and answer
  // Fastify's plain JSON (no problem+json, no requestId). Flip to `it` once fixed.
  it('answers a malformed or oversized URL with a problem too', async () => {
    const failures = await badAnswers([
      `/api/v1/workspaces/${'a'.repeat(5000)}`,
      `/api/v1/invitations/${'t'.repeat(300)}`,
      '/api/v1/password-resets/%E0%A4%A',
      '/api/v1/workspaces/%E0%A4%A',
    ]);
    expect(failures).toEqual([]);
  });
});
