import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, PASSWORD, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';

const NAME = 'Sofia Reyes';
const EMAIL = 'sofia.reyes@acme.test';

let h: Harness;
let admin: Client;
let sofia: { client: Client; userId: string };
let token: string;
let feedbackId: string;

/**
 * Every text, JSON and text-array value of every table (found through information_schema, so tables other
 * modules add later are searched too) that still holds the old name or email, as `table.column`.
 */
async function whereStillFound(...needles: string[]): Promise<string[]> {
  const { db } = h.services.deps.database;
  const columns = await db.execute(sql`
    select c.table_name as t, c.column_name as c
      from information_schema.columns c
      join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name and tb.table_type = 'BASE TABLE'
     where c.table_schema = 'public'
       and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'tsvector') or (c.data_type = 'ARRAY'))`);
  const found: string[] = [];
  for (const { t, c } of columns.rows as { t: string; c: string }[]) {
    for (const needle of needles) {
      const r = await db.execute(sql`select count(*)::int as n from ${sql.identifier(t)} where ${sql.identifier(c)}::text ilike ${`%${needle}%`}`);
      if (Number(r.rows[0]!.n) > 0) found.push(`${t}.${c} (${needle})`);
    }
  }
  return found;
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  sofia = await addMember(h.app, admin, 'acme', EMAIL, 'sales', NAME);
  const t = await call(h.app, sofia.client, 'POST', '/api/v1/workspaces/acme/tokens', { body: { name: 'my laptop' } });
  token = (t.json() as { token: string }).token;
  const mine = await call(h.app, sofia.client, 'POST', '/api/v1/workspaces/acme/feedback', {
    body: { kind: 'feature_request', text: 'Prospects keep asking for an SSO audit report in the admin console.' },
  });
  expect(mine.statusCode).toBe(201);
  feedbackId = (mine.json() as { item: { id: string } }).item.id;
  // Someone else writes about her, by name and email.
  await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/feedback', {
    body: { kind: 'other', text: `Call notes: ${NAME} (${EMAIL}) said the pricing page confuses buyers.` },
  });
  await call(h.app, admin, 'POST', '/api/v1/workspaces/acme/invitations', { body: { email: 'other@acme.test', role: 'sales', name: `${NAME}'s colleague` } });
});
afterAll(async () => h?.close());

describe('exporting a person', () => {
  it("gives an admin everything held about them in the workspace as JSON, without secrets", async () => {
    const res = await call(h.app, admin, 'GET', `/api/v1/workspaces/acme/people/${sofia.userId}/data`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.person).toMatchObject({ id: sofia.userId, name: NAME, email: EMAIL });
    expect(Object.keys(body.records)).toEqual(expect.arrayContaining(['memberships.user_id', 'sessions.user_id', 'api_tokens.user_id']));
    expect(JSON.stringify(body.records)).toContain('Prospects keep asking for an SSO audit report');
    expect(res.body).not.toMatch(/token_hash|password_hash|csrf_token/);
  });

  it('is for admins; another workspace does not find them', async () => {
    expect((await call(h.app, sofia.client, 'GET', `/api/v1/workspaces/acme/people/${sofia.userId}/data`)).statusCode).toBe(403);
    expect((await call(h.app, admin, 'GET', `/api/v1/workspaces/acme/people/00000000-0000-4000-8000-000000000000/data`)).statusCode).toBe(404);
  });
});

describe('erasing a person', () => {
  it('needs their current email typed again, naming the field, and refuses erasing yourself', async () => {
    const wrong = await call(h.app, admin, 'POST', `/api/v1/workspaces/acme/people/${sofia.userId}/erase`, { body: { email: 'someone@acme.test' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ errors: [{ path: 'body.email' }] });
    const me = (await call(h.app, admin, 'GET', '/api/v1/auth/session')).json() as { user: { id: string; email: string } };
    const self = await call(h.app, admin, 'POST', `/api/v1/workspaces/acme/people/${me.user.id}/erase`, { body: { email: me.user.email } });
    expect(self.statusCode).toBe(409);
    expect((await call(h.app, admin, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
  });

  it('refuses a person who also belongs to a workspace where the admin is not one, naming it, and changes nothing', async () => {
    const { db } = h.services.deps.database;
    const ws = await db.execute(sql`insert into workspaces (slug, name) values ('globex', 'Globex') returning id`);
    await db.execute(sql`insert into memberships (workspace_id, user_id, role) values (${String(ws.rows[0]!.id)}, ${sofia.userId}, 'sales')`);
    try {
      const res = await call(h.app, admin, 'POST', `/api/v1/workspaces/acme/people/${sofia.userId}/erase`, { body: { email: EMAIL } });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'PEOPLE_ERASE_BEYOND_ADMIN' });
      expect(res.json().detail).toContain('also belongs to Globex, where you are not an admin');
      expect((await call(h.app, sofia.client, 'GET', '/api/v1/auth/session')).statusCode).toBe(200);
    } finally {
      await db.execute(sql`delete from workspaces where slug = 'globex'`);
    }
  });

  it('ends their sign-ins, sessions and tokens and leaves their name and email nowhere in the database', async () => {
    expect((await whereStillFound(NAME, EMAIL)).length).toBeGreaterThan(0); // the search finds them before

    const res = await call(h.app, admin, 'POST', `/api/v1/workspaces/acme/people/${sofia.userId}/erase`, { body: { email: EMAIL } });
    expect(res.statusCode).toBe(200);
    const done = res.json();
    expect(done).toMatchObject({ userId: sofia.userId, placeholderName: expect.stringMatching(/^Former member [0-9a-f]{8}$/) });
    expect(done.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(done.tokensRevoked).toBe(1);

    expect(await whereStillFound(NAME, EMAIL)).toEqual([]);

    // Sessions, tokens and password sign-in are gone.
    expect((await call(h.app, sofia.client, 'GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await call(h.app, { bearer: token }, 'GET', '/api/v1/workspaces/acme/feedback')).statusCode).toBe(401);
    expect((await call(h.app, null, 'POST', '/api/v1/auth/login', { body: { email: EMAIL, password: PASSWORD } })).statusCode).toBe(401);

    // What she wrote stays, attributed to the placeholder; the note about her names the placeholder.
    const item = await call(h.app, admin, 'GET', `/api/v1/workspaces/acme/feedback/${feedbackId}`);
    expect(item.statusCode).toBe(200);
    expect(item.body).toContain('SSO audit report');
    expect(item.body).toContain(done.placeholderName);

    // The audit log records the erasure under the placeholder.
    const audit = await h.services.deps.database.db.execute(sql`select target_label from audit_log where action = 'person.erased'`);
    expect(audit.rows).toEqual([{ target_label: done.placeholderName }]);

    // The placeholder is stable: erasing again (by the placeholder email) gives the same one.
    const again = await call(h.app, admin, 'POST', `/api/v1/workspaces/acme/people/${sofia.userId}/erase`, { body: { email: done.placeholderEmail } });
    expect(again.json()).toMatchObject({ placeholderName: done.placeholderName, placeholderEmail: done.placeholderEmail });
  });
});
