import type { SwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { EndpointDef } from '@tandem/contracts';
import { ENDPOINTS } from '@tandem/contracts/endpoints';
import { SESSION_COOKIE } from './request-context.ts';

/**
 * The OpenAPI document (`GET /api/v1/openapi.json`), built by @fastify/swagger from the routes and
 * completed here from the endpoint table: each operation's id (`<tag><ExportName>`, camelCase), who
 * may call it (`security`) and the errors it can answer, all application/problem+json. The errors are
 * derived from the row — its access and inputs — plus the conflicts its module's catalogue raises there.
 */

/**
 * `deals` + `list` → `dealsList`; `api tokens` + `createToken` → `apiTokensCreateToken`; a name that already
 * starts with its tag keeps it once: `competitors` + `competitorsList` → `competitorsList`.
 */
export function operationIdOf(tag: string, exportName: string): string {
  const tagWords = tag.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const last = tagWords.at(-1)?.toLowerCase();
  const named = last && exportName.toLowerCase().startsWith(last) && /^[A-Z]/.test(exportName.slice(last.length)) ? exportName.slice(last.length) : exportName;
  const words = [...tagWords, ...named.split(/[^A-Za-z0-9]+/).filter(Boolean)];
  return words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() : w[0]!.toUpperCase()) + w.slice(1)).join('');
}

/** `GET /api/v1/workspaces/{workspace}/deals` → the row and its operationId. */
function rowsByOperation(prefix: string): Map<string, { row: EndpointDef; operationId: string }> {
  const out = new Map<string, { row: EndpointDef; operationId: string }>();
  for (const rows of Object.values(ENDPOINTS)) {
    for (const [name, row] of Object.entries(rows) as [string, EndpointDef][]) {
      out.set(`${row.method} ${prefix}${row.path.replace(/:(\w+)/g, '{$1}')}`, { row, operationId: operationIdOf(row.tag, name) });
    }
  }
  return out;
}

/**
 * Errors beyond the generic ones that a route's module raises there (codes from its `*.errors.ts`),
 * by operationId. 400/401/403/404/413/415 follow from the row itself (see `errorsOf`).
 */
const RAISES: Record<string, Partial<Record<401 | 409 | 410 | 429, string[]>>> = {
  authSetup: { 409: ['SETUP_ALREADY_DONE'] },
  authLogin: { 401: ['AUTH_INVALID_CREDENTIALS'], 429: ['AUTH_RATE_LIMITED'] },
  authAcceptInvitation: { 401: ['AUTH_INVALID_CREDENTIALS'], 410: ['INVITATION_EXPIRED'], 429: ['AUTH_RATE_LIMITED'] },
  authInvitationPreview: { 410: ['INVITATION_EXPIRED'] },
  authPasswordResetPreview: { 410: ['PASSWORD_RESET_EXPIRED'] },
  authCompletePasswordReset: { 410: ['PASSWORD_RESET_EXPIRED'] },
  authUpdateProfile: { 409: ['USER_EMAIL_TAKEN'] },
  authChangePassword: { 429: ['AUTH_RATE_LIMITED'] },
  workspacesCreateWorkspace: { 409: ['WORKSPACE_SLUG_TAKEN'] },
  membersUpdateMember: { 409: ['MEMBER_LAST_ADMIN'] },
  membersCreateInvitation: { 409: ['MEMBER_ALREADY_EXISTS'] },
  teamsCreateTeam: { 409: ['TEAM_NAME_TAKEN'] },
  teamsUpdateTeam: { 409: ['TEAM_NAME_TAKEN'] },
  importsUndo: { 409: ['IMPORT_NOT_UNDOABLE'] },
  feedbackUndoImport: { 409: ['FEEDBACK_IMPORT_UNDONE'] },
  notificationsRetryDelivery: { 409: ['DELIVERY_PENDING'] },
  notificationsDiscardDelivery: { 409: ['DELIVERY_NOT_DISCARDABLE'] },
  themesCreateTheme: { 409: ['FEEDBACK_THEME_NAME_TAKEN'] },
  themesUpdateTheme: { 409: ['FEEDBACK_THEME_NAME_TAKEN', 'FEEDBACK_THEME_MERGED'] },
  themesChangeThemeStatus: { 409: ['FEEDBACK_THEME_STATUS_UNCHANGED', 'FEEDBACK_THEME_MERGED'] },
  themesAddThemeLink: { 409: ['FEEDBACK_THEME_MERGED'] },
  themesMergeThemes: { 409: ['FEEDBACK_THEME_MERGED'] },
  themesUndoMergeThemes: { 409: ['FEEDBACK_THEME_MERGE_UNDONE', 'FEEDBACK_THEME_MERGE_UNDO_TOO_LATE', 'FEEDBACK_THEME_MERGE_CHANGED', 'FEEDBACK_THEME_MERGED'] },
  themesSplitTheme: { 409: ['FEEDBACK_THEME_NAME_TAKEN', 'FEEDBACK_THEME_MERGED'] },
  themesAcceptSuggestion: { 409: ['FEEDBACK_SUGGESTION_DECIDED', 'FEEDBACK_THEME_NAME_TAKEN'] },
  themesDiscardSuggestion: { 409: ['FEEDBACK_SUGGESTION_DECIDED'] },
};

/** The codes named in `RAISES` (a test checks each exists in a catalogue). */
export const DOCUMENTED_ERROR_CODES = [...new Set(Object.values(RAISES).flatMap((r) => Object.values(r).flat()))];

const RESPONSES = {
  400: ['BadRequest', 'The request is not valid: `VALIDATION_FAILED` (with `errors`, one per field), `INVALID_JSON`, `BAD_URL`'],
  401: ['Unauthenticated', 'Not signed in, or the API token is unknown, revoked or expired: `AUTH_REQUIRED`, `AUTH_INVALID_TOKEN`'],
  403: [
    'Forbidden',
    'Signed in but not allowed: `AUTH_FORBIDDEN` (the role may not), `AUTH_CSRF_FAILED` (a session write without `X-CSRF-Token`), `AUTH_TOKEN_NOT_ALLOWED` (the route needs a session)',
  ],
  404: ['NotFound', 'Not found, or not in a workspace the caller belongs to: `WORKSPACE_NOT_FOUND` and the module’s `*_NOT_FOUND` codes'],
  409: ['Conflict', 'The request conflicts with the current state'],
  410: ['Gone', 'The link has expired'],
  413: ['PayloadTooLarge', 'The body is too large: `BODY_TOO_LARGE`'],
  415: ['UnsupportedMediaType', 'Send JSON with `Content-Type: application/json`: `UNSUPPORTED_MEDIA_TYPE`'],
  429: ['TooManyRequests', 'Too many attempts; `Retry-After` says when to try again: `AUTH_RATE_LIMITED`'],
} as const;
type ErrorStatus = keyof typeof RESPONSES;

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'An RFC 9457 problem: every error Tandem answers',
  required: ['type', 'title', 'status', 'code', 'instance', 'requestId'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', description: 'Stable, e.g. `DEAL_NOT_FOUND`' },
    detail: { type: 'string', description: 'What and where, for people' },
    instance: { type: 'string', description: 'The request path' },
    requestId: { type: 'string', description: 'Also in the `x-request-id` header and the server log' },
    errors: {
      type: 'array',
      description: 'With `VALIDATION_FAILED`: one entry per field',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
    retryAfterSeconds: { type: 'integer' },
  },
};

/** Which errors a row can answer, from its access and inputs, plus what its module raises there. */
function errorsOf(row: EndpointDef, operationId: string): Map<ErrorStatus, string[]> {
  const out = new Map<ErrorStatus, string[]>();
  const add = (status: ErrorStatus, codes: string[] = []) => out.set(status, [...(out.get(status) ?? []), ...codes]);
  if (row.params || row.query || row.body) add(400);
  if (row.access !== 'public') {
    add(401);
    add(403);
  }
  if (row.params) add(404);
  if (row.body) add(413);
  if (row.body && row.body !== 'multipart') add(415);
  for (const [status, codes] of Object.entries(RAISES[operationId] ?? {})) add(Number(status) as ErrorStatus, codes);
  // Every operation answers a 4xx somewhere; a public route without inputs still refuses a malformed URL.
  if (out.size === 0) add(400);
  return out;
}

function securityOf(row: EndpointDef) {
  if (row.access === 'public') return [];
  const session = row.method === 'GET' ? { session: [] } : { session: [], csrf: [] };
  // API tokens act in their workspace only: not on `user` routes, nor where the row says sessionOnly.
  return row.access === 'user' || row.sessionOnly ? [session] : [{ bearer: [] }, session];
}

type JsonObject = Record<string, unknown>;

/** `z.record(z.enum([...]), …)` lists every key as required but names none; name them. */
function nameRecordKeys(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(nameRecordKeys);
  if (!node || typeof node !== 'object') return;
  const o = node as JsonObject;
  const names = (o.propertyNames as { enum?: unknown[] } | undefined)?.enum;
  if (Array.isArray(o.required) && !o.properties && Array.isArray(names) && o.additionalProperties && typeof o.additionalProperties === 'object') {
    o.properties = Object.fromEntries(names.map((n) => [String(n), o.additionalProperties]));
  }
  Object.values(o).forEach(nameRecordKeys);
}

/** Completes the generated document from the endpoint table (operation ids, security, errors). */
export function completeDocument(doc: JsonObject, prefix: string): JsonObject {
  const rows = rowsByOperation(prefix);
  const used = new Set<ErrorStatus>();
  for (const [p, ops] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, JsonObject>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const found = rows.get(`${method.toUpperCase()} ${p}`);
      if (!found) continue;
      op.operationId = found.operationId;
      op.security = securityOf(found.row);
      const responses = (op.responses ?? {}) as JsonObject;
      for (const [status, codes] of errorsOf(found.row, found.operationId)) {
        if (codes.length) {
          const base: string = RESPONSES[status][1];
          const named = codes.map((c) => `\`${c}\``).join(', ');
          responses[status] = { description: base.includes('`') ? `${base}; here also ${named}` : `${base}: ${named}`, content: problemContent };
        } else {
          used.add(status);
          responses[status] = { $ref: `#/components/responses/${RESPONSES[status][0]}` };
        }
      }
      op.responses = responses;
    }
  }
  nameRecordKeys(doc.paths);
  const components = (doc.components ?? {}) as JsonObject;
  components.schemas = { ...(components.schemas as JsonObject | undefined), Problem: PROBLEM_SCHEMA };
  components.responses = {
    ...(components.responses as JsonObject | undefined),
    ...Object.fromEntries(
      [...used].sort().map((status) => [RESPONSES[status][0], { description: RESPONSES[status][1], content: problemContent }]),
    ),
  };
  doc.components = components;
  return doc;
}

/** @fastify/swagger's options: the document's head, and the completion above. */
export function openapiOptions(publicUrl: string): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: '1',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
        description:
          'REST API of Tandem. Authenticate with a personal API token (`Authorization: Bearer tdm_…`, created on the API tokens page), ' +
          'which acts in one workspace with your role there. Errors are RFC 9457 `application/problem+json` with a stable `code`. ' +
          'Lists answer `{items, nextCursor, total}`; pass `cursor=nextCursor` for the next page.',
      },
      servers: [{ url: publicUrl, description: 'This Tandem (TANDEM_PUBLIC_URL)' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (`tdm_…`), acting in its workspace' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The browser session, set by `POST /api/v1/auth/login`' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description: 'With a session, every write sends the `csrfToken` from `GET /api/v1/auth/session`',
          },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => completeDocument((documentObject as { openapiObject: JsonObject }).openapiObject, '/api/v1'),
  } as SwaggerOptions;
}
