/** Suggested themes are named with a phrase from their texts, and the list says which names are weak and why. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { suggestionsRepository } from './suggestions.repository.ts';

let h: Harness;
let pmm: Client;
let rep: Client;
let ws: string;
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;

interface Listed {
  id: string;
  label: string;
  keyPhrases: string[];
  nameIsWeak: boolean;
  nameWeakness: { code: string; message: string } | null;
  representatives: { text: string }[];
}

beforeAll(async () => {
  h = await createHarness();
  const admin = await setupAdmin(h.app);
  ws = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  pmm = (await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing')).client;
  rep = (await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep')).client;
});
afterAll(async () => h?.close());

const list = async () => (await call(h.app, pmm, 'GET', api('theme-suggestions'))).json().items as Listed[];

describe('suggested theme names', () => {
  it('names a group with a phrase its texts say, keeps the keywords beside it, and calls it weak once a theme takes the name', async () => {
    const topics = [
      [
        'Customer asked again about SSO login failures with Okta',
        'SSO login failures with Okta keep blocking their admins',
        'hi team, they mentioned SSO login failures with Okta since Monday',
        'Okta SSO login fails every morning',
      ],
      [
        'Tableau connector keeps timing out',
        'Tableau connector times out on large extracts',
        'Their Tableau extracts time out through our connector',
        'Tableau connector timeout again on dashboards',
      ],
      [
        'Procurement wants annual invoicing instead of monthly',
        'Can we get annual invoicing? Finance insists',
        'prospect asked for annual invoicing in EUR',
        'Annual invoicing is a must for the public sector deal',
      ],
    ];
    for (const group of topics) for (const text of group) expect((await call(h.app, rep, 'POST', api('feedback'), { body: { kind: 'pain_point', text } })).statusCode).toBe(201);
    const res = await call(h.app, pmm, 'POST', api('theme-suggestions/refresh'));
    expect(res.statusCode, res.body).toBe(200);
    const sso = (res.json().items as Listed[]).find((s) => s.representatives.some((r) => r.text.includes('Okta')))!;
    expect(sso.label).toBe('SSO login failures with Okta');
    expect(sso.keyPhrases.length).toBeGreaterThan(0);
    expect(sso).toMatchObject({ nameIsWeak: false, nameWeakness: null });
    const tableau = (res.json().items as Listed[]).find((s) => s.representatives.some((r) => r.text.includes('Tableau')))!;
    expect(tableau.label).toMatch(/^Tableau connector/);
    expect((res.json().items as Listed[]).map((s) => s.label)).toContain('Annual invoicing');

    // A theme named the same since the run: the name is weak now, and the list says why.
    expect((await call(h.app, pmm, 'POST', api('themes'), { body: { name: 'SSO login failures with Okta', itemIds: [] } })).statusCode).toBe(201);
    const after = (await list()).find((s) => s.id === sso.id)!;
    expect(after.nameIsWeak).toBe(true);
    expect(after.nameWeakness).toMatchObject({ code: 'duplicate', message: expect.stringContaining('already exists') });
    // Accepting it as named is refused, saying why; sending the taken name is refused on the name; a new one works.
    const asNamed = await call(h.app, pmm, 'POST', api(`theme-suggestions/${sso.id}/accept`), { body: {} });
    expect(asNamed.statusCode, asNamed.body).toBe(400);
    expect(asNamed.json()).toMatchObject({
      code: 'FEEDBACK_SUGGESTION_NAME_NEEDED',
      detail: expect.stringContaining('A theme named “SSO login failures with Okta” already exists'),
      errors: [{ path: 'body.name', message: expect.stringContaining('already exists') }],
    });
    const same = await call(h.app, pmm, 'POST', api(`theme-suggestions/${sso.id}/accept`), { body: { name: 'SSO login failures with Okta' } });
    expect(same.statusCode).toBe(409);
    expect(same.json().code).toBe('FEEDBACK_THEME_NAME_TAKEN');
    const renamed = await call(h.app, pmm, 'POST', api(`theme-suggestions/${sso.id}/accept`), { body: { name: 'Okta SSO outages' } });
    expect(renamed.statusCode, renamed.body).toBe(201);
  });

  it('calls a keyword list and a one-word name weak, in plain words', async () => {
    const items: string[] = [];
    for (const text of ['Quota limits hit', 'Rate limit on the API', 'Query API limits again']) {
      items.push((await call(h.app, rep, 'POST', api('feedback'), { body: { kind: 'pain_point', text } })).json().item.id);
    }
    await suggestionsRepository.replacePendingSuggestions(h.services.deps.database.db, ws, [
      { workspaceId: ws, label: 'Api, rate, query', keyPhrases: ['api', 'rate', 'query'], itemIds: items, representativeIds: items },
      { workspaceId: ws, label: 'Limits', keyPhrases: ['limits'], itemIds: items.slice(0, 2), representativeIds: items.slice(0, 2) },
    ]);
    const byLabel = new Map((await list()).map((s) => [s.label, s]));
    expect(byLabel.get('Api, rate, query')!.nameWeakness).toMatchObject({ code: 'keyword-list', message: expect.stringMatching(/list of keywords/) });
    expect(byLabel.get('Limits')!.nameWeakness).toMatchObject({ code: 'too-few-words' });

    // The server asks for a name too: accepting a weak name as it is changes nothing and says why.
    const keywords = byLabel.get('Api, rate, query')!;
    const refused = await call(h.app, pmm, 'POST', api(`theme-suggestions/${keywords.id}/accept`), { body: { itemIds: items.slice(0, 2) } });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'FEEDBACK_SUGGESTION_NAME_NEEDED',
      detail: expect.stringMatching(/"Api, rate, query" is weak: It is a list of keywords/),
      errors: [{ path: 'body.name', message: expect.stringMatching(/list of keywords/) }],
    });
    const vague = await call(h.app, pmm, 'POST', api(`theme-suggestions/${byLabel.get('Limits')!.id}/accept`), { body: {} });
    expect(vague.json()).toMatchObject({ code: 'FEEDBACK_SUGGESTION_NAME_NEEDED', detail: expect.stringContaining('too vague') });
    expect((await list()).map((s) => s.label).sort()).toEqual(['Api, rate, query', 'Limits']);
    expect((await call(h.app, pmm, 'GET', api('themes'))).json().items.map((t: { name: string }) => t.name)).not.toContain('Api, rate, query');
    // Named, it is accepted.
    const named = await call(h.app, pmm, 'POST', api(`theme-suggestions/${keywords.id}/accept`), { body: { name: 'Query API rate limits' } });
    expect(named.statusCode, named.body).toBe(201);
    expect(named.json().name).toBe('Query API rate limits');
  });
});
