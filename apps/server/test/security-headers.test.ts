/**
 * Security headers on every kind of answer: the web app's page (its own URL and a client-side
 * route carrying a token), an API answer, an error, and the API docs. The browser test
 * (apps/web/e2e/security-headers.e2e.test.ts) checks that the pages work under this policy.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createHarness, type Harness, type TestApp } from './app-harness.ts';

let h: Harness;
let web: TestApp;
let dist: string;

beforeAll(async () => {
  h = await createHarness();
  dist = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-headers-dist-'));
  await fs.writeFile(path.join(dist, 'index.html'), '<!doctype html><html lang="en"><head><title>Tandem</title></head><body><div id="root"></div></body></html>');
  web = await buildApp({ services: h.services, logger: pino({ level: 'silent' }), webDist: dist });
  await web.ready();
});
afterAll(async () => {
  await web?.close();
  await h?.close();
  await fs.rm(dist, { recursive: true, force: true });
});

/** The CSP as directive → sources. */
function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(typeof header, `no Content-Security-Policy on ${res.raw.req.url}`).toBe('string');
  return new Map(
    (header as string)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectCommonHeaders(res: LightMyRequestResponse) {
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  const policy = csp(res);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(policy.get('form-action')).toEqual(["'self'"]);
  // Scripts only from the app's own files: no inline script, no eval, nothing from elsewhere.
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('script-src-attr')).toEqual(["'none'"]);
  // Served over http here: upgrading every request to https would break an http-only install.
  expect(policy.has('upgrade-insecure-requests')).toBe(false);
  return policy;
}

describe('security headers', () => {
  it('on the web app, at its root and on a client-side route that carries a token', async () => {
    for (const url of ['/', '/reset/tdr_secret', '/unsubscribe/some-token']) {
      const res = await web.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expectCommonHeaders(res);
    }
  });

  it('on API answers, errors included', async () => {
    const ok = await web.inject({ method: 'GET', url: '/api/v1/setup' });
    expect(ok.statusCode).toBe(200);
    expectCommonHeaders(ok);
    const missing = await web.inject({ method: 'GET', url: '/api/v1/nowhere' });
    expect(missing.statusCode).toBe(404);
    expectCommonHeaders(missing);
    const denied = await h.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(denied.statusCode).toBe(401);
    expectCommonHeaders(denied);
  });

  it('on the API docs page and its files', async () => {
    const page = await web.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expectCommonHeaders(page);
    // Swagger UI draws its icons from data: URIs.
    expect(csp(page).get('img-src')).toContain('data:');
    const css = await web.inject({ method: 'GET', url: '/api/docs/static/swagger-ui.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['x-content-type-options']).toBe('nosniff');
  });

  it('asks browsers for https only when Tandem is served over https', async () => {
    expect((await web.inject({ method: 'GET', url: '/' })).headers['strict-transport-security']).toBeUndefined();
  });
});
