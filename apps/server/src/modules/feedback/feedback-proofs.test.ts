/**
 * Behaviour of theme editing and link removal (routes that had no test), and proofs of fixes that landed without
 * one: items are locked while accepting, splitting or moving them; unlinking a deal keeps the account; a
 * suggestions run that overruns is stopped and fails plainly; `updated_at` comes from the database clock.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../lib/app-error.ts';
import { cliActor } from '../../lib/context.ts';
import { addMember, call, createHarness, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';
import { clusterInWorker } from './suggestions/cluster-in-worker.ts';
import { createSuggestionsService } from './suggestions/suggestions.service.ts';
import { suggestionsRepository } from './suggestions/suggestions.repository.ts';
import { dealsSeed } from './test-support.ts';

let h: Harness;
let admin: Client;
let pmm: { client: Client; userId: string };
let rep: { client: Client; userId: string };
let ws: string;
const api = (p: string) => `/api/v1/workspaces/acme/${p}`;
const pool = () => h.services.deps.database.pool;
let seq = 0;

async function item(text: string, who: Client = rep.client, extra: Record<string, unknown> = {}) {
  const res = await call(h.app, who, 'POST', api('feedback'), { body: { kind: 'feature_request', text, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().item as { id: string; account: { id: string } | null; deal: { id: string } | null };
}
async function theme(name: string, itemIds: string[]) {
  const res = await call(h.app, pmm.client, 'POST', api('themes'), { body: { name, itemIds } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}
const themeOf = async (itemId: string) => (await pool().query('select theme_id from feedback_items where id = $1', [itemId])).rows[0].theme_id as string | null;
const audit = async (action: string) => (await call(h.app, admin, 'GET', api('audit'), { query: { action } })).json().items as { targetId: string; details: Record<string, unknown> }[];

/** Distinct words per item, so that the similarity engine places none of them on its own. */
const words = () => {
  seq++;
  return `zeta${seq} quill${seq} marrow${seq} lantern${seq}`;
};

/**
 * Another session holding the given items' rows, as a concurrent move would between its read and its commit:
 * moves them to `themeId`, calls `during` (whose request must queue behind the row locks), then commits.
 */
async function whileAnotherMoveHolds<T>(itemIds: string[], themeId: string, during: () => Promise<T>): Promise<T> {
  const other = await pool().connect();
  try {
    await other.query('begin');
    await other.query('update feedback_items set theme_id = $2 where id = any($1)', [itemIds, themeId]);
    const pending = during();
    // The request is waiting for the rows (the lock it takes), not reading what the other session has not committed.
    for (;;) {
      const { rows } = await pool().query("select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
      if (rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await other.query('commit');
    return await pending;
  } finally {
    other.release();
  }
}

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  ws = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  pmm = await addMember(h.app, admin, 'acme', 'pia@acme.test', 'marketing', 'Pia Marketing');
  rep = await addMember(h.app, admin, 'acme', 'rae@acme.test', 'sales', 'Rae Rep');
});
afterAll(async () => {
  vi.useRealTimers();
  await h?.close();
});

describe('editing a theme (PATCH …/themes/:themeId)', () => {
  it('renames it, describes it and gives it a marketing owner, audited with the old name', async () => {
    const t = await theme('SSO asks', [(await item(`Okta SSO ${words()}`)).id]);
    const res = await call(h.app, pmm.client, 'PATCH', api(`themes/${t.id}`), {
      body: { name: 'Single sign-on', description: 'Okta, Entra and SAML requests', ownerUserId: pmm.userId },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: t.id, name: 'Single sign-on', description: 'Okta, Entra and SAML requests', owner: { userId: pmm.userId } });
    // Everyone reads the new name on the board.
    const board = (await call(h.app, rep.client, 'GET', api('themes'))).json().items as { id: string; name: string }[];
    expect(board.find((x) => x.id === t.id)?.name).toBe('Single sign-on');
    expect(await audit('theme.updated')).toEqual([
      expect.objectContaining({ targetId: t.id, details: expect.objectContaining({ renamedFrom: 'SSO asks', fields: ['name', 'description', 'ownerUserId'] }) }),
    ]);
    // Clearing the description and the owner.
    const cleared = await call(h.app, pmm.client, 'PATCH', api(`themes/${t.id}`), { body: { description: null, ownerUserId: null } });
    expect(cleared.json()).toMatchObject({ name: 'Single sign-on', description: null, owner: null });
  });

  it('refuses a name another theme has, an owner outside marketing, an unknown theme, and a merged one', async () => {
    const a = await theme('Exports time out', []);
    const b = await theme('Export formats', []);
    const taken = await call(h.app, pmm.client, 'PATCH', api(`themes/${b.id}`), { body: { name: 'exports time out' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'FEEDBACK_THEME_NAME_TAKEN', errors: [{ path: 'body.name' }] });

    const repOwner = await call(h.app, pmm.client, 'PATCH', api(`themes/${b.id}`), { body: { ownerUserId: rep.userId } });
    expect(repOwner.statusCode).toBe(400);
    expect(repOwner.json().errors[0]).toMatchObject({ path: 'body.ownerUserId' });

    const unknown = await call(h.app, pmm.client, 'PATCH', api('themes/00000000-0000-4000-8000-000000000000'), { body: { name: 'x' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('FEEDBACK_THEME_NOT_FOUND');

    await call(h.app, pmm.client, 'POST', api(`themes/${a.id}/merge`), { body: { sourceThemeIds: [b.id] } });
    const merged = await call(h.app, pmm.client, 'PATCH', api(`themes/${b.id}`), { body: { name: 'Still here?' } });
    expect(merged.statusCode).toBe(409);
    expect(merged.json()).toMatchObject({ code: 'FEEDBACK_THEME_MERGED', detail: expect.stringContaining('Exports time out') });
    expect((await call(h.app, pmm.client, 'GET', api(`themes/${a.id}`))).json().name).toBe('Exports time out');
  });
});

describe('removing a link (DELETE …/themes/:themeId/links/:linkId)', () => {
  it('takes the link off the theme and leaves the others; an unknown link or another theme’s link is a 404', async () => {
    const t = await theme('Audit log export', []);
    const other = await theme('Audit log retention', []);
    await call(h.app, pmm.client, 'POST', api(`themes/${t.id}/links`), { body: { title: 'Release note', url: 'https://example.com/release' } });
    const withTwo = await call(h.app, pmm.client, 'POST', api(`themes/${t.id}/links`), { body: { title: 'Help article', url: 'https://example.com/help' } });
    const links = withTwo.json().links as { id: string; title: string }[];
    expect(links.map((l) => l.title).sort()).toEqual(['Help article', 'Release note']);
    const release = links.find((l) => l.title === 'Release note')!;

    const wrongTheme = await call(h.app, pmm.client, 'DELETE', api(`themes/${other.id}/links/${release.id}`));
    expect(wrongTheme.statusCode).toBe(404);
    expect(wrongTheme.json().code).toBe('FEEDBACK_THEME_LINK_NOT_FOUND');

    const res = await call(h.app, pmm.client, 'DELETE', api(`themes/${t.id}/links/${release.id}`));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().links.map((l: { title: string }) => l.title)).toEqual(['Help article']);
    // What a rep opening the theme sees.
    expect((await call(h.app, rep.client, 'GET', api(`themes/${t.id}`))).json().links.map((l: { title: string }) => l.title)).toEqual(['Help article']);

    const again = await call(h.app, pmm.client, 'DELETE', api(`themes/${t.id}/links/${release.id}`));
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'FEEDBACK_THEME_LINK_NOT_FOUND', detail: expect.stringContaining(release.id) });
    expect((await call(h.app, pmm.client, 'DELETE', api(`themes/${t.id}/links/not-a-uuid`))).statusCode).toBe(400);
  });
});

describe('items are locked while they are moved (accept, split, move at the same moment)', () => {
  it('accepting a suggestion waits for a move of its items, then takes none of them instead of pulling them back', async () => {
    const ids = [(await item(words())).id, (await item(words())).id, (await item(words())).id];
    const elsewhere = await theme(`Elsewhere ${seq}`, []);
    const [s] = await suggestionsRepository.replacePendingSuggestions(h.services.deps.database.db, ws, [
      { workspaceId: ws, label: 'raced suggestion', keyPhrases: ['raced'], itemIds: ids, representativeIds: ids },
    ]);
    const accepted = await whileAnotherMoveHolds(ids, elsewhere.id, () => call(h.app, pmm.client, 'POST', api(`theme-suggestions/${s!.id}/accept`), { body: {} }));
    expect(accepted.statusCode, accepted.body).toBe(409);
    expect(accepted.json().code).toBe('FEEDBACK_SUGGESTION_EMPTY');
    for (const id of ids) expect(await themeOf(id)).toBe(elsewhere.id);
    const { rows } = await pool().query("select count(*)::int as n from themes where workspace_id = $1 and name = 'Raced suggestion'", [ws]);
    expect(rows[0].n).toBe(0);
  });

  it('a split waits for a move of its items, then refuses the items that left the theme', async () => {
    const ids = [(await item(words())).id, (await item(words())).id, (await item(words())).id];
    const t = await theme(`Split source ${seq}`, ids);
    const elsewhere = await theme(`Split elsewhere ${seq}`, []);
    const split = await whileAnotherMoveHolds([ids[0]!], elsewhere.id, () =>
      call(h.app, pmm.client, 'POST', api(`themes/${t.id}/split`), { body: { name: `Split out ${seq}`, itemIds: [ids[0]] } }),
    );
    expect(split.statusCode, split.body).toBe(400);
    expect(split.json().errors[0]).toMatchObject({ path: 'body.itemIds', message: expect.stringMatching(/not in this theme/) });
    expect(await themeOf(ids[0]!)).toBe(elsewhere.id);
  });

  it('moves and an accept racing over the same items end as if they ran one at a time: the accept never pulls back what a move took', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await item(words())).id);
    // Waiting for triage, wherever the similarity engine placed them on their own.
    const untriaged = await call(h.app, pmm.client, 'POST', api('feedback/move'), { body: { itemIds: ids, themeId: null } });
    expect(untriaged.statusCode, untriaged.body).toBe(200);
    const x = await theme(`Race X ${seq}`, []);
    const y = await theme(`Race Y ${seq}`, []);
    const [s] = await suggestionsRepository.replacePendingSuggestions(h.services.deps.database.db, ws, [
      { workspaceId: ws, label: `slow race ${seq}`, keyPhrases: ['race'], itemIds: ids, representativeIds: ids },
    ]);
    // The window made wide and deterministic: the accept's transaction stops while it creates its theme — after it has
    // read (and locked) the items, before it writes them — until both moves have finished or are waiting for it.
    const gate = await pool().connect();
    await gate.query('select pg_advisory_lock($1)', [RACE_GATE]);
    await pool().query(`create function race_gate() returns trigger language plpgsql as $$
      begin perform pg_advisory_xact_lock(${RACE_GATE}); return new; end $$`);
    await pool().query(`create trigger race_gate before insert on themes for each row when (new.name ilike 'slow race%') execute function race_gate()`);
    let results: Awaited<ReturnType<typeof call>>[];
    try {
      let answered: string | undefined;
      const accepting = call(h.app, admin, 'POST', api(`theme-suggestions/${s!.id}/accept`), { body: {} });
      void accepting.then(
        (r) => (answered = `${r.statusCode} ${r.body}`),
        (e: unknown) => (answered = String(e)),
      );
      await until('the accept held at the gate', async () => {
        if (answered) throw new Error(`the accept answered ${answered} before reaching the gate`);
        return (await waiting('gate')) === 1;
      });
      let settled = 0;
      const moving = Promise.all(
        [
          call(h.app, pmm.client, 'POST', api('feedback/move'), { body: { itemIds: ids.slice(0, 4), themeId: x.id } }),
          call(h.app, pmm.client, 'POST', api('feedback/move'), { body: { itemIds: ids.slice(2), themeId: y.id } }),
        ].map((p) => p.finally(() => settled++)),
      );
      // Both moves done (nothing held them up) or both queued behind the accept's row locks.
      await until('both moves done or queued', async () => settled === 2 || (await waiting('items')) === 2);
      await gate.query('select pg_advisory_unlock($1)', [RACE_GATE]);
      results = [await accepting, ...(await moving)];
    } finally {
      await gate.query('select pg_advisory_unlock_all()');
      gate.release();
      await pool().query('drop trigger race_gate on themes');
      await pool().query('drop function race_gate()');
    }
    for (const r of results) expect(r.statusCode, r.body).toBeLessThan(500);
    const { rows } = await pool().query('select theme_id, count(*)::int as n from feedback_items where id = any($1) group by theme_id', [ids]);
    // Every item is in one theme (none lost to triage by an overwrite), and each theme's count is what its page says.
    expect(rows.reduce((n: number, r: { n: number }) => n + r.n, 0)).toBe(6);
    expect(rows.every((r: { theme_id: string | null }) => r.theme_id !== null)).toBe(true);
    for (const r of rows as { theme_id: string; n: number }[]) {
      const page = (await call(h.app, pmm.client, 'GET', api(`themes/${r.theme_id}`))).json();
      expect(page.metrics.items).toBe(r.n);
    }
    // Where each item ended is where one of the six one-at-a-time orders would have put it.
    const accepted = results[0]!.statusCode === 201 ? (results[0]!.json() as { id: string }).id : null;
    const names = new Map<string | null, string>([[x.id, 'X'], [y.id, 'Y'], [accepted, 'A']]);
    const ended = (await pool().query('select id, theme_id from feedback_items where id = any($1)', [ids])).rows as { id: string; theme_id: string }[];
    const actual = ids.map((id) => names.get(ended.find((e) => e.id === id)!.theme_id) ?? '?').join('');
    expect(oneAtATime(6, [['X', [0, 1, 2, 3]], ['Y', [2, 3, 4, 5]]])).toContain(actual);
  });
});

/** An arbitrary key for the advisory lock that holds the race above: "race!" in ASCII. */
const RACE_GATE = 0x7261636521;

async function until(what: string, done: () => Promise<boolean>) {
  const deadline = Date.now() + 20_000;
  while (!(await done())) {
    if (Date.now() > deadline) {
      const { rows } = await pool().query('select state, wait_event_type, wait_event, left(query, 80) as query from pg_stat_activity where datname = current_database()');
      throw new Error(`the race did not reach "${what}" in 20 s; the database's sessions: ${JSON.stringify(rows)}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Backends of this database held at the gate (creating the accept's theme), or waiting for items another transaction holds. */
async function waiting(on: 'gate' | 'items'): Promise<number> {
  const [events, query] = on === 'gate' ? [['advisory'], 'insert into "themes"%'] : [['transactionid', 'tuple'], '%from "feedback_items"%for update%'];
  const { rows } = await pool().query(
    "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and wait_event = any($1) and query ilike $2",
    [events, query],
  );
  return rows[0].n;
}

/**
 * The outcomes of an accept of all `n` items ("A": it takes those in no theme yet, or refuses when none are) and the
 * given moves, run one at a time in every order: per item, the letter of the theme it ends in.
 */
function oneAtATime(n: number, moves: [string, number[]][]): string[] {
  const steps: ((state: string[]) => void)[] = [
    (state) => state.forEach((t, i) => (state[i] = t === '-' ? 'A' : t)),
    ...moves.map(([to, items]) => (state: string[]) => items.forEach((i) => (state[i] = to))),
  ];
  const orders = (rest: number[]): number[][] => (rest.length ? rest.flatMap((i) => orders(rest.filter((j) => j !== i)).map((o) => [i, ...o])) : [[]]);
  const outcomes = orders(steps.map((_, i) => i)).map((order) => {
    const state = Array.from({ length: n }, () => '-');
    for (const i of order) steps[i]!(state);
    return state.join('');
  });
  return [...new Set(outcomes)];
}

describe('unlinking a deal from feedback', () => {
  it("keeps the account the deal brought, unless the account is cleared too", async () => {
    const [account] = await dealsSeed.insertAccounts(h.services.deps.database.db, [{ workspaceId: ws, name: 'Initech', segment: 'Mid-market' }]);
    const [deal] = await dealsSeed.insertDeals(h.services.deps.database.db, [
      { workspaceId: ws, source: 'proofs', externalId: 'd1', name: 'Initech renewal', accountId: account!.id, stage: 'Negotiation', stageCategory: 'open' },
    ]);
    const logged = await item(`Initech wants audit exports ${words()}`, rep.client, { dealId: deal!.id });
    expect(logged).toMatchObject({ deal: { id: deal!.id }, account: { id: account!.id } });

    const unlinked = await call(h.app, rep.client, 'PATCH', api(`feedback/${logged.id}`), { body: { dealId: null } });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect(unlinked.json()).toMatchObject({ deal: null, account: { id: account!.id } });
    // The account's page still counts it.
    const byAccount = (await call(h.app, rep.client, 'GET', api('feedback'), { query: { accountId: account!.id } })).json();
    expect(byAccount.items.map((i: { id: string }) => i.id)).toContain(logged.id);

    const cleared = await call(h.app, rep.client, 'PATCH', api(`feedback/${logged.id}`), { body: { accountId: null } });
    expect(cleared.json()).toMatchObject({ deal: null, account: null });
  });
});

describe('a suggestions run that overruns its limit', () => {
  it('stops the worker thread before failing, with a message naming the limit', async () => {
    const failure = await clusterInWorker(['a b c', 'd e f', 'g h i', 'a b d', 'e f g', 'h i a'], { k: 2, seed: 1 }, 1).then(
      () => null,
      (e: unknown) => e as Error & { exitCode?: number },
    );
    expect(failure?.message).toBe('the clustering worker took longer than 0.001 s and was stopped');
    // Rejected only once the thread has ended: terminate() gave its exit code.
    expect(failure?.exitCode).toEqual(expect.any(Number));
  });

  it('fails the "Find themes" request plainly, keeps the suggestions there were, and lets the next run go', async () => {
    for (let i = 0; i < 8; i++) await item(`Needs a Salesforce sidebar for the account page ${i % 2 ? 'now' : 'soon'}`);
    const ctx = { workspaceId: ws, slug: 'acme', role: 'marketing' as const, actor: cliActor('proofs') };
    const before = await h.services.suggestions.refresh(ctx);
    expect(before.items.length).toBeGreaterThan(0);

    const slow = createSuggestionsService(h.services.deps, { clusterTimeoutMs: 1 });
    const e = await slow.refresh(ctx).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'FEEDBACK_SUGGESTIONS_TIMED_OUT', status: 503, detail: expect.stringMatching(/0\.001 s.*stopped/) });
    // The last good run stays; the failed one replaced nothing, and this process may run again at once.
    expect((await h.services.suggestions.list(ctx)).items.map((s) => s.id)).toEqual(before.items.map((s) => s.id));
    expect(await slow.refresh(ctx).catch((err: AppError) => err.code)).toBe('FEEDBACK_SUGGESTIONS_TIMED_OUT');
  });
});

describe('updated_at', () => {
  it('comes from the database clock, not the app server’s', async () => {
    const i = await item(`Clock check ${words()}`);
    const t = await theme(`Clock theme ${seq}`, []);
    const dbNow = async () => (await pool().query('select clock_timestamp() as t')).rows[0].t as Date;
    // The app server's clock is a year behind the database's.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 365 * 86_400_000 });
    try {
      const from = await dbNow();
      expect((await call(h.app, rep.client, 'PATCH', api(`feedback/${i.id}`), { body: { text: `Clock check, edited ${words()}` } })).statusCode).toBe(200);
      expect((await call(h.app, pmm.client, 'PATCH', api(`themes/${t.id}`), { body: { description: 'edited' } })).statusCode).toBe(200);
      const to = await dbNow();
      const { rows } = await pool().query(
        'select (select updated_at from feedback_items where id = $1) as item, (select updated_at from themes where id = $2) as theme',
        [i.id, t.id],
      );
      for (const at of [rows[0].item, rows[0].theme] as Date[]) {
        expect(at.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(at.getTime()).toBeLessThanOrEqual(to.getTime());
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
