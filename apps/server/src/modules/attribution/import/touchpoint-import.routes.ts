import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { TouchpointImportMapping, TouchpointImportPreset } from '@tandem/contracts';
import * as api from '@tandem/contracts/endpoints/attribution';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import { AttributionErrors as E } from '../attribution.errors.ts';
import type { TouchpointImportOptions, TouchpointImportService } from './touchpoint-import.service.ts';

/** The text fields sent before the file; an unknown one is refused (a misspelt field must not be ignored silently). */
const ImportFields = z.strictObject({
  mapping: z.string({ error: 'required: a JSON object of column → field, sent before the file' }),
  preset: TouchpointImportPreset.optional(),
  source: z.string().trim().min(1).max(100).optional(),
});

function importOptions(fields: Record<string, string>): TouchpointImportOptions {
  const parsed = ImportFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') throw E.invalidField(issue.keys.join(', '), 'unknown field (the fields are mapping, preset, source)');
    throw E.invalidField(issue.path.join('.') || 'fields', issue.message);
  }
  let json: unknown;
  try {
    json = JSON.parse(parsed.data.mapping);
  } catch (e) {
    throw E.invalidField('mapping', `not valid JSON (${(e as Error).message})`);
  }
  const mapping = TouchpointImportMapping.safeParse(json);
  if (!mapping.success) {
    const issue = mapping.error.issues[0]!;
    throw E.invalidField(['mapping', ...issue.path.map(String)].join('.'), issue.message);
  }
  return { ...parsed.data, mapping: mapping.data };
}

/** The file's bytes, refusing it past the size limit (the multipart parser only truncates the stream there). */
async function* whole(file: AsyncIterable<Buffer> & { truncated?: boolean }, limit: number): AsyncGenerator<Buffer> {
  yield* file;
  if (file.truncated) throw E.importTooLarge(limit);
}

/** Touchpoint CSV import: a preview, then the import (admin and marketing). */
export const touchpointImportRoutes: FastifyPluginAsync<{ touchpointImport: TouchpointImportService }> = async (app, { touchpointImport }) => {
  const limit = touchpointImport.maxBytes;
  await app.register(multipart, { limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 1_048_576, parts: 12 } });

  route(app, api.importPreview, async (req) => {
    if (!req.isMultipart()) throw E.invalidField('body', 'send multipart/form-data with the CSV file as field "file"');
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') throw E.invalidField(part.fieldname, 'the only file field is "file"');
      return touchpointImport.preview(tenantOf(req), { name: part.filename, stream: whole(part.file, limit) });
    }
    throw E.importNoFile();
  });

  route(app, api.importTouchpoints, async (req) => {
    if (!req.isMultipart()) throw E.invalidField('body', 'send multipart/form-data: the fields, then the CSV file as field "file"');
    const fields: Record<string, string> = {};
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw E.invalidField(part.fieldname, 'the only file field is "file"');
        return touchpointImport.import(tenantOf(req), { name: part.filename, stream: whole(part.file, limit) }, importOptions(fields));
      }
      fields[part.fieldname] = String(part.value);
    }
    throw E.importNoFile();
  });
};
