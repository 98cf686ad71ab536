import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DealUpsertRequest,
  DealUpsertResponse,
  ImportDetail,
  ImportList,
  ImportListQuery,
  ImportOptions,
  ImportPreview,
  ImportStartRequest,
} from '@tandem/contracts';
import { tenantOf } from '../../http/request-context.ts';
import { WorkspaceParam } from '../../lib/route-params.ts';
import type { Services } from '../../services.ts';
import { ImportsErrors as E } from './imports.errors.ts';
import { toRejectedCsv } from './rejected-csv.ts';

const ImportParam = WorkspaceParam.extend({ importId: z.uuid() });
const tags = ['imports'];
const FLAGS = new Set(['full', 'dryRun', 'strict', 'start']);

/** Multipart fields are text: flags are "true"/"false", the mapping is JSON. */
function fieldValue(name: string, value: string): unknown {
  if (FLAGS.has(name)) {
    if (value !== 'true' && value !== 'false') throw E.badField(name, 'must be true or false');
    return value === 'true';
  }
  if (name === 'mapping') {
    try {
      return JSON.parse(value) as unknown;
    } catch (e) {
      throw E.badField('mapping', `not valid JSON (${(e as Error).message})`);
    }
  }
  return value;
}

export const importsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { imports } = services;
  const limit = services.deps.config.TANDEM_IMPORT_MAX_BYTES;
  await app.register(multipart, { limits: { fileSize: limit, files: 1, fields: 20, fieldSize: 1_048_576, parts: 22 } });

  app.post(
    '/workspaces/:workspace/imports',
    {
      config: { action: 'deals.import' },
      schema: {
        tags,
        summary: 'Upload a file to import (multipart: fields, then `file`); `start=true` runs it at once, else it waits with a preview',
        consumes: ['multipart/form-data'],
        params: WorkspaceParam,
        response: { 202: ImportDetail },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw E.badField('body', 'send multipart/form-data with the file as field "file"');
      const fields: Record<string, unknown> = {};
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') throw E.badField(part.fieldname, 'the only file field is "file"');
          const parsed = ImportOptions.extend({ start: z.boolean().default(false) }).safeParse(fields);
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            throw E.badField(issue.path.join('.') || 'fields', issue.message);
          }
          const { start, ...options } = parsed.data;
          const detail = await imports.upload(tenantOf(req), { name: part.filename, stream: part.file }, options, start);
          // Drain whatever follows the file; nothing after it is read.
          return reply.code(202).send(detail);
        }
        fields[part.fieldname] = fieldValue(part.fieldname, String(part.value));
      }
      throw E.noFile();
    },
  );

  app.get(
    '/workspaces/:workspace/imports',
    { config: { action: 'deals.import' }, schema: { tags, summary: 'Imports, newest first', params: WorkspaceParam, querystring: ImportListQuery, response: { 200: ImportList } } },
    async (req) => imports.list(tenantOf(req), req.query),
  );

  app.get(
    '/workspaces/:workspace/imports/:importId',
    { config: { action: 'deals.import' }, schema: { tags, summary: 'An import: status, progress, counts, errors', params: ImportParam, response: { 200: ImportDetail } } },
    async (req) => imports.get(tenantOf(req), req.params.importId),
  );

  app.post(
    '/workspaces/:workspace/imports/:importId/preview',
    {
      config: { action: 'deals.import' },
      schema: { tags, summary: 'Columns, mapping and the first rows with their errors, for a pending upload', params: ImportParam, body: ImportStartRequest, response: { 200: ImportPreview } },
    },
    async (req) => imports.preview(tenantOf(req), req.params.importId, req.body),
  );

  app.post(
    '/workspaces/:workspace/imports/:importId/start',
    {
      config: { action: 'deals.import' },
      schema: { tags, summary: 'Start a pending upload as a background job', params: ImportParam, body: ImportStartRequest, response: { 202: ImportDetail } },
    },
    async (req, reply) => reply.code(202).send(await imports.start(tenantOf(req), req.params.importId, req.body)),
  );

  app.post(
    '/workspaces/:workspace/imports/:importId/undo',
    { config: { action: 'deals.import' }, schema: { tags, summary: 'Put back what the import changed', params: ImportParam, response: { 200: ImportDetail } } },
    async (req) => imports.undo(tenantOf(req), req.params.importId),
  );

  app.delete(
    '/workspaces/:workspace/imports/:importId',
    { config: { action: 'deals.import' }, schema: { tags, summary: 'Discard a pending upload', params: ImportParam, response: { 204: z.null() } } },
    async (req, reply) => {
      await imports.discard(tenantOf(req), req.params.importId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/workspaces/:workspace/imports/:importId/rejected.csv',
    {
      config: { action: 'deals.import' },
      schema: { tags, summary: "The rows the import skipped, as the file had them, with each row's errors", params: ImportParam },
    },
    async (req, reply) => {
      // Read before the response starts, so a missing import is still a 404.
      const headers = await imports.rejectedHeaders(tenantOf(req), req.params.importId);
      const rows = imports.rejectedRows(tenantOf(req), req.params.importId);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rejected-rows-${req.params.importId}.csv"`);
      return reply.send(toRejectedCsv(headers, rows));
    },
  );

  app.post(
    '/workspaces/:workspace/deals/upsert',
    {
      config: { action: 'deals.write' },
      schema: {
        tags: ['deals'],
        summary: 'Create or update up to 1,000 deals by source + external id, atomically; recorded as an undoable import',
        params: WorkspaceParam,
        body: DealUpsertRequest,
        response: { 200: DealUpsertResponse },
      },
    },
    async (req) => imports.upsert(tenantOf(req), req.body),
  );
};
