import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ImportOptions } from '@tandem/contracts';
import * as api from '@tandem/contracts/endpoints/imports';
import { route } from '../../http/endpoint-route.ts';
import { readUpload, registerUploads } from '../../http/multipart-upload.ts';
import { tenantOf } from '../../http/request-context.ts';
import type { UploadedFile } from '../../lib/blob-store/receive-upload.ts';
import type { ImportsService } from './imports.service.ts';
import { ImportsErrors as E } from './imports.errors.ts';
import { toRejectedCsv } from './rejected-csv.ts';

const FLAGS = new Set(['full', 'dryRun', 'strict', 'start']);
const UploadFields = ImportOptions.extend({ start: z.boolean().default(false) });

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

/**
 * Reads an upload's fields up to its file, and hands the file on as a stream: the fields come
 * first (the CLI and the web app send them so), and nothing after the file is read. The size
 * limit is the service's (it counts the bytes it keeps).
 */
function withUploadedFile<T>(req: FastifyRequest, use: (file: UploadedFile, fields: z.output<typeof UploadFields>) => Promise<T>): Promise<T> {
  const rules = { errors: { invalidField: E.badField, noFile: E.noFile }, notMultipart: 'send multipart/form-data with the file as field "file"', field: fieldValue };
  return readUpload(req, rules, (file, fields) => {
    const parsed = UploadFields.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw E.badField(issue.path.join('.') || 'fields', issue.message);
    }
    return use(file, parsed.data);
  });
}

export const importsRoutes: FastifyPluginAsync<{ imports: ImportsService }> = async (app, { imports }) => {
  await registerUploads(app, imports.uploadLimit, 20);

  route(app, api.upload, async (req) =>
    withUploadedFile(req, (file, { start, ...options }) => imports.upload(tenantOf(req), file, options, start)),
  );
  route(app, api.list, async (req) => imports.list(tenantOf(req), req.query));
  route(app, api.get, async (req) => imports.get(tenantOf(req), req.params.importId));
  route(app, api.preview, async (req) => imports.preview(tenantOf(req), req.params.importId, req.body));
  route(app, api.start, async (req) => imports.start(tenantOf(req), req.params.importId, req.body));
  route(app, api.undo, async (req) => imports.undo(tenantOf(req), req.params.importId));
  route(app, api.discard, async (req) => imports.discard(tenantOf(req), req.params.importId));
  route(app, api.rejectedRows, async (req, reply) => {
    // Read before the response starts, so a missing import is still a 404.
    const headers = await imports.rejectedHeaders(tenantOf(req), req.params.importId);
    const rows = imports.rejectedRows(tenantOf(req), req.params.importId);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="rejected-rows-${req.params.importId}.csv"`)
      .send(toRejectedCsv(headers, rows));
  });
  route(app, api.upsert, async (req) => imports.upsert(tenantOf(req), req.body));
};
