import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { FeedbackImportMapping, FeedbackKind } from '@tandem/contracts';
import * as api from '@tandem/contracts/endpoints/feedback';
import { route } from '../../../http/endpoint-route.ts';
import { tenantOf } from '../../../http/request-context.ts';
import { FeedbackErrors as E } from '../feedback.errors.ts';
import type { FeedbackImportOptions, FeedbackImportService } from './feedback-import.service.ts';

const Flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

/** The text fields sent before the file; an unknown one is refused (a misspelt "dryRun" must not import for real). */
const ImportFields = z.strictObject({
  mapping: z.string({ error: 'required: a JSON object of column → field, sent before the file' }),
  dryRun: Flag.default(false),
  skipInvalid: Flag.default(false),
  defaultKind: FeedbackKind.default('pain_point'),
});

function importOptions(fields: Record<string, string>): FeedbackImportOptions {
  const parsed = ImportFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || 'fields';
    throw E.invalidField(field, issue.code === 'unrecognized_keys' ? 'unknown field (the fields are mapping, dryRun, skipInvalid, defaultKind)' : issue.message);
  }
  let json: unknown;
  try {
    json = JSON.parse(parsed.data.mapping);
  } catch (e) {
    throw E.invalidField('mapping', `not valid JSON (${(e as Error).message})`);
  }
  const mapping = FeedbackImportMapping.safeParse(json);
  if (!mapping.success) {
    const issue = mapping.error.issues[0]!;
    throw E.invalidField(['mapping', ...issue.path.map(String)].join('.'), issue.message);
  }
  return { ...parsed.data, mapping: mapping.data };
}

/**
 * The file's bytes, refusing it once past the size limit: the multipart parser only truncates a file stream there
 * (flagging `truncated`), so a file read as a stream would otherwise be imported cut short without a word.
 */
async function* whole(file: AsyncIterable<Buffer> & { truncated?: boolean }, limit: number): AsyncGenerator<Buffer> {
  yield* file;
  if (file.truncated) throw E.importTooLarge(limit);
}

export const feedbackImportRoutes: FastifyPluginAsync<{ feedbackImport: FeedbackImportService }> = async (app, { feedbackImport }) => {
  const limit = feedbackImport.maxBytes;
  await app.register(multipart, { limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 1_048_576, parts: 12 } });

  route(app, api.importPreview, async (req) => {
    if (!req.isMultipart()) throw E.invalidField('body', 'send multipart/form-data with the CSV file as field "file"');
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') throw E.invalidField(part.fieldname, 'the only file field is "file"');
      return feedbackImport.preview(tenantOf(req), { name: part.filename, stream: whole(part.file, limit) });
    }
    throw E.importNoFile();
  });

  route(app, api.import, async (req) => {
    if (!req.isMultipart()) throw E.invalidField('body', 'send multipart/form-data: the fields, then the CSV file as field "file"');
    const fields: Record<string, string> = {};
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw E.invalidField(part.fieldname, 'the only file field is "file"');
        return feedbackImport.import(tenantOf(req), { name: part.filename, stream: whole(part.file, limit) }, importOptions(fields));
      }
      fields[part.fieldname] = String(part.value);
    }
    throw E.importNoFile();
  });

  route(app, api.undoImport, async (req) => feedbackImport.undo(tenantOf(req), req.params.batchId));
};
