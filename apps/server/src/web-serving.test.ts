/**
 * How the built web app is served: brotli/gzip files precompressed at build, hashed assets
 * cached for a year, the page that names them never cached, and API answers compressed on the fly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from '../test/pg-harness.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { createServices } from './services.ts';
import { resolveSecret } from './modules/system/index.ts';

type App = Awaited<ReturnType<typeof buildApp>>;

let url: string;
let database: Database;
let app: App;
let dist: string;

// What `vite build` writes (a hashed chunk, index.html naming it), with the .br/.gz files the build step adds.
const js = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};\n`;
const html = `<!doctype html><html lang="en"><head><title>Tandem</title><script type="module" src="/assets/index-AbC123xy.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(100)}</body></html>`;

function write(rel: string, content: string) {
  const file = path.join(dist, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  fs.writeFileSync(`${file}.br`, brotliCompressSync(content));
  fs.writeFileSync(`${file}.gz`, gzipSync(content));
}

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-dist-'));
  write('index.html', html);
  write('assets/index-AbC123xy.js', js);
  fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  url = await createTestDatabase();
  const config = loadConfig({ TANDEM_DEMO: '0', LOG_LEVEL: 'silent', TANDEM_PUBLIC_URL: 'http://tandem.test' });
  database = openDatabase(url, { max: 2 });
  const log = pino({ level: 'silent' });
  const secret = await resolveSecret(database.db, undefined);
  app = await buildApp({ services: createServices({ config, database, secret, log }), logger: log, webDist: dist });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  if (url) await dropTestDatabase(url);
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('serving the web app', () => {
  it('sends a hashed asset as its brotli file when asked, cached for a year and immutable', async () => {
    const res = await get('/assets/index-AbC123xy.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(js);
  });

  it('sends gzip to a client without brotli, and the plain file to one that accepts neither', async () => {
    const gz = await get('/assets/index-AbC123xy.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);
    const plain = await get('/assets/index-AbC123xy.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never lets a browser keep index.html without asking, at / and on client-side routes', async () => {
    for (const route of ['/', '/index.html', '/w/acme/deals']) {
      const res = await get(route, 'br');
      expect(res.statusCode, route).toBe(200);
      expect(res.headers['cache-control'], route).toBe('no-cache');
      expect(res.headers['content-type'], route).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], route).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), route).toBe(html);
    }
  });

  it('does not cache files outside /assets for a year', async () => {
    const res = await get('/favicon.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).not.toMatch(/immutable/);
  });

  it('a missing asset is a plain 404, not the app', async () => {
    const res = await get('/assets/gone-12345678.js', 'br');
    expect(res.statusCode).toBe(404);
  });

  it('compresses API answers on the fly when the client accepts it', async () => {
    const res = await get('/api/v1/openapi.json', 'gzip, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    const spec = JSON.parse(brotliDecompressSync(res.rawPayload).toString()) as { openapi: string };
    expect(spec.openapi).toMatch(/^3\./);
    const plain = await get('/api/v1/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('refuses a compressed request body instead of inflating it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(12) })),
    });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
