import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webPreloads } from './web-preloads.ts';

let dist: string;
const html = '<!doctype html><html lang="en"><head><title>Tandem</title></head><body><div id="root"></div></body></html>';
const ID = '0b4c7e9e-2f1a-4c55-9d7e-1f0e6a2b3c4d';

beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-preloads-'));
  fs.writeFileSync(path.join(dist, 'index.html'), html);
  const routes = [
    { pattern: '^/w/[^/]+(?:/|$)', js: ['/assets/shell-1.js', '/assets/kit-1.js'], css: ['/assets/kit-1.css'], api: [] },
    {
      pattern: '^/w/(?<workspace>[^/]+)/competitors/(?<competitorId>[0-9a-f-]{36})/?$',
      js: ['/assets/competitor-page-1.js', '/assets/kit-1.js'],
      css: [],
      api: ['/api/v1/workspaces/:workspace/competitors/:competitorId'],
    },
  ];
  fs.writeFileSync(path.join(dist, 'preloads.json'), JSON.stringify({ routes }));
});

afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('the HTML of a page opened by URL', () => {
  it("names the chunks, styles and first API answer of every route the path matches, each once, before </head>", () => {
    const out = webPreloads(dist).html(`/w/northwind/competitors/${ID}`) ?? '';
    expect(out).toContain(`<link rel="preload" href="/api/v1/workspaces/northwind/competitors/${ID}" as="fetch" crossorigin />`);
    expect(out).toContain('<link rel="modulepreload" crossorigin href="/assets/competitor-page-1.js" />');
    expect(out).toContain('<link rel="modulepreload" crossorigin href="/assets/shell-1.js" />');
    expect(out).toContain('<link rel="preload" as="style" crossorigin href="/assets/kit-1.css" />');
    expect(out.match(/kit-1\.js/g)).toHaveLength(1);
    expect(out.indexOf('modulepreload')).toBeLessThan(out.indexOf('</head>'));
    expect(out.replace(/\s*<link [^>]*\/>/g, '').replace(/\s+<\/head>/, '</head>')).toBe(html);
  });

  it('fills API parameters encoded as the app encodes them, and names no API answer for a path that is not a page', () => {
    const out = webPreloads(dist).html(`/w/north%20wind/competitors/${ID}`) ?? '';
    expect(out).toContain(`href="/api/v1/workspaces/north%20wind/competitors/${ID}"`);
    const other = webPreloads(dist).html('/w/northwind/competitors/not-an-id') ?? '';
    expect(other).toContain('/assets/shell-1.js');
    expect(other).not.toContain('/api/v1/');
  });

  it('is null (send index.html as it is) outside the routes, or when the build wrote no preloads.json', () => {
    expect(webPreloads(dist).html('/login')).toBeNull();
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-preloads-'));
    fs.writeFileSync(path.join(bare, 'index.html'), html);
    expect(webPreloads(bare).html('/w/northwind/deals')).toBeNull();
    fs.rmSync(bare, { recursive: true, force: true });
  });

  it('reads a rebuilt preloads.json without a restart', () => {
    const preloads = webPreloads(dist);
    expect(preloads.html('/w/northwind/deals')).toContain('shell-1.js');
    const file = path.join(dist, 'preloads.json');
    fs.writeFileSync(file, JSON.stringify({ routes: [{ pattern: '^/w/', js: ['/assets/shell-2.js'], css: [], api: [] }] }));
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    expect(preloads.html('/w/northwind/deals')).toContain('shell-2.js');
  });
});
