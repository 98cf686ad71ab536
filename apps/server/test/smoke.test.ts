import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, setupAdmin, type Harness } from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

describe('smoke', () => {
  it('sets up and reads the workspace', async () => {
    const admin = await setupAdmin(h.app);
    const res = await call(h.app, admin, 'GET', '/api/v1/workspaces/acme');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug: 'acme', name: 'Acme' });
  });
});
