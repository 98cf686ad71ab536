import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { compileErrors, validate } from '@readme/openapi-parser';
import { ENDPOINTS } from '@tandem/contracts/endpoints';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTED_ERROR_CODES } from '../src/http/openapi.ts';
import { PUBLIC_ROUTES } from '../src/plugins/public-routes.ts';
import { call, createHarness, type Harness } from './app-harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface Operation {
  operationId?: string;
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>;
}
type Doc = { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>>; servers?: { url: string }[] };

function operations(doc: Doc) {
  return Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, op })));
}

/** The endpoint row behind `METHOD /api/v1/path/{param}`, with its export name. */
function rowOf(key: string) {
  for (const rows of Object.values(ENDPOINTS)) {
    for (const [name, row] of Object.entries(rows)) {
      if (`${row.method} /api/v1${row.path.replace(/:(\w+)/g, '{$1}')}` === key) return { name, row };
    }
  }
  return undefined;
}

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());

describe('OpenAPI', () => {
  it('is a valid OpenAPI 3.1 document listing every API route', async () => {
    const res = await call(h.app, null, 'GET', '/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);

    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p}`);
    }
    const missing = h.app.routeCatalog
      .filter((r) => r.url.startsWith('/api/v1/') && r.url !== '/api/v1/openapi.json')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
      .filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
    expect(documented.size).toBeGreaterThan(20);
  });

  it('names every operation by its row: a unique operationId, <tag><ExportName> in camelCase', async () => {
    const doc = (await call(h.app, null, 'GET', '/api/v1/openapi.json')).json() as Doc;
    const ids = new Map<string, string[]>();
    for (const { key, op } of operations(doc)) {
      expect(op.operationId, key).toMatch(/^[a-z][A-Za-z0-9]*$/);
      ids.set(op.operationId!, [...(ids.get(op.operationId!) ?? []), key]);
      const found = rowOf(key);
      expect(found, key).toBeDefined();
      // The tag's last word is not repeated when the export name already starts with it (competitors + competitorsList).
      const tagWords = found!.row.tag.split(/[^A-Za-z0-9]+/).filter(Boolean);
      const last = tagWords.at(-1)!;
      const rest = found!.name.startsWith(last) && /^[A-Z]/.test(found!.name.slice(last.length)) ? found!.name.slice(last.length) : found!.name;
      const words = [...tagWords, rest];
      expect(op.operationId).toBe(words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() : w[0]!.toUpperCase()) + w.slice(1)).join(''));
    }
    expect([...ids].filter(([, keys]) => keys.length > 1)).toEqual([]);
    expect(doc.paths['/api/v1/workspaces/{workspace}/deals']!.get!.operationId).toBe('dealsList');
    expect(doc.paths['/api/v1/workspaces/{workspace}/competitors']!.get!.operationId).toBe('competitorsList');
    expect(doc.paths['/api/v1/workspaces/{workspace}/tokens']!.post!.operationId).toBe('apiTokensCreateToken');
  });

  it('documents the errors of every operation as problem+json, from its access and inputs', async () => {
    const doc = (await call(h.app, null, 'GET', '/api/v1/openapi.json')).json() as Doc;
    const problem = doc.components.schemas!.Problem as { properties: Record<string, unknown>; required: string[] };
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code']));
    const resolve = (r: Operation['responses'][string]) =>
      (r.$ref ? doc.components.responses![r.$ref.replace('#/components/responses/', '')] : r) as { content?: Record<string, { schema: { $ref?: string } }> };
    const publicKeys = new Set(PUBLIC_ROUTES.map((k) => k.replace(/:(\w+)/g, '{$1}')));
    for (const { key, op } of operations(doc)) {
      const { row } = rowOf(key)!;
      const statuses = Object.keys(op.responses);
      const errors = statuses.filter((s) => /^4\d\d$/.test(s));
      expect(errors.length, key).toBeGreaterThan(0);
      for (const s of errors) expect(resolve(op.responses[s]!).content?.['application/problem+json']?.schema.$ref, `${key} ${s}`).toBe('#/components/schemas/Problem');
      const isPublic = publicKeys.has(key);
      expect(isPublic, key).toBe(row.access === 'public');
      if (row.params || row.query || row.body) expect(statuses, key).toContain('400');
      if (!isPublic) expect(statuses, key).toEqual(expect.arrayContaining(['401', '403']));
      if (row.params) expect(statuses, key).toContain('404');
      if (row.body) expect(statuses, key).toContain('413');
    }
    // Conflicts named from the modules' catalogues, where a route raises them: each code is in a catalogue.
    const catalogues = (await fs.readdir(path.join(root, 'apps/server/src'), { recursive: true })).filter((f) => f.endsWith('.errors.ts'));
    const defined = (await Promise.all(catalogues.map((f) => fs.readFile(path.join(root, 'apps/server/src', f), 'utf8')))).join('\n');
    expect(DOCUMENTED_ERROR_CODES.filter((code) => !defined.includes(`'${code}'`))).toEqual([]);
    expect(doc.paths['/api/v1/setup']!.post!.responses['409']).toBeDefined();
    expect(doc.paths['/api/v1/workspaces/{workspace}/imports/{importId}/undo']!.post!.responses['409']).toBeDefined();
    expect(doc.paths['/api/v1/invitations/{token}/accept']!.post!.responses['410']).toBeDefined();
    expect(doc.paths['/api/v1/auth/login']!.post!.responses['429']).toBeDefined();
  });

  it('marks the public routes `security: []`, names its servers, and the rest take a token or a session', async () => {
    const doc = (await call(h.app, null, 'GET', '/api/v1/openapi.json')).json() as Doc;
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(Object.keys(doc.components.securitySchemes!).sort()).toEqual(['bearer', 'csrf', 'session']);
    for (const { key, op } of operations(doc)) {
      const { row } = rowOf(key)!;
      if (row.access === 'public') expect(op.security, key).toEqual([]);
      else if (row.sessionOnly || row.access === 'user') expect(op.security, key).toEqual([row.method === 'GET' ? { session: [] } : { session: [], csrf: [] }]);
      else expect(op.security, key).toEqual([{ bearer: [] }, row.method === 'GET' ? { session: [] } : { session: [], csrf: [] }]);
    }
  });

  it('passes Redocly lint with the recommended rules: no errors, and no operation without an id or a 4xx', async () => {
    const doc = (await call(h.app, null, 'GET', '/api/v1/openapi.json')).json() as Doc;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      await fs.writeFile(file, JSON.stringify(doc));
      const cli = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');
      const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
      // Exits non-zero on errors; the JSON report on stdout says what they are.
      const out = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--extends', 'recommended', '--format', 'json', '--max-problems', '10000'], { env, maxBuffer: 64 * 1024 * 1024 }).catch(
        (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
      );
      const report = JSON.parse(out.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string; message: string }[] };
      const byRule = (rule: string) => report.problems.filter((p) => p.ruleId === rule).length;
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(report.totals.errors).toBe(0);
      expect({ operationId: byRule('operation-operationId'), '4xx': byRule('operation-4xx-response'), security: byRule('security-defined') }).toEqual({ operationId: 0, '4xx': 0, security: 0 });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('serves a browsable docs page', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
