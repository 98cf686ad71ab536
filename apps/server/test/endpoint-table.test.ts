/**
 * The endpoint table (`ENDPOINTS` in @tandem/contracts) is the one list of the API: the server
 * registers every /api/v1 route from a row of it, with the row's access, and the web app calls
 * through the same rows. Nothing registered outside the table, nothing in the table unregistered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointDef } from '@tandem/contracts';
import { ENDPOINTS } from '@tandem/contracts/endpoints';
import type { RouteEntry } from '../src/http/request-context.ts';
import { createHarness, type Harness } from './app-harness.ts';

let h: Harness;
let routes: RouteEntry[];

beforeAll(async () => {
  h = await createHarness();
  routes = h.app.routeCatalog.filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json');
});

afterAll(() => h.close());

const rows = Object.entries(ENDPOINTS).flatMap(([module, table]) =>
  Object.entries(table as Record<string, EndpointDef>).map(([name, e]) => ({ name: `${module}.${name}`, e })),
);
const key = (method: string, url: string) => `${method} ${url}`;

describe('the endpoint table', () => {
  it('names each route once', () => {
    const keys = rows.map(({ e }) => key(e.method, `/api/v1${e.path}`));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('is exactly what the server registers', () => {
    const registered = routes.map((r) => key(r.method, r.url)).sort();
    const declared = rows.map(({ e }) => key(e.method, `/api/v1${e.path}`)).sort();
    expect(registered).toEqual(declared);
  });

  it('gives each route the access its row declares', () => {
    const byKey = new Map(routes.map((r) => [key(r.method, r.url), r]));
    for (const { name, e } of rows) {
      const r = byKey.get(key(e.method, `/api/v1${e.path}`));
      const expected = e.access === 'public' || e.access === 'user' ? { access: e.access } : { access: 'workspace', action: e.access.action };
      expect({ name, access: r?.access, action: r?.action }).toEqual({ name, action: undefined, ...expected });
    }
  });
});
