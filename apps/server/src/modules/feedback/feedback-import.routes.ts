import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FeedbackImportMapping, FeedbackImportPreview, FeedbackImportResult, FeedbackKind, Uuid } from '@tandem/contracts';
import { tenantOf } from '../../http/request-context.ts';
import { WorkspaceParam } from '../../lib/route-params.ts';
import type { Services } from '../../services.ts';
import type { FeedbackImportOptions } from './feedback-import.service.ts';
import { FeedbackErrors as E } from './feedback.errors.ts';

const BatchParam = WorkspaceParam.extend({ batchId: Uuid });
const tags = ['feedback'];
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

export const feedbackImportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { feedbackImport } = services;
  const limit = services.deps.config.TANDEM_IMPORT_MAX_BYTES;
  await app.register(multipart, { limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 1_048_576, parts: 12 } });

  app.post(
    '/workspaces/:workspace/feedback/import/preview',
    {
      config: { action: 'feedback.import' },
      schema: {
        tags,
        summary: 'Read a CSV (multipart field `file`): its columns, a suggested mapping, the first 10 rows and the row count; nothing is imported',
        consumes: ['multipart/form-data'],
        params: WorkspaceParam,
        response: { 200: FeedbackImportPreview },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw E.invalidField('body', 'send multipart/form-data with the CSV file as field "file"');
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'file') throw E.invalidField(part.fieldname, 'the only file field is "file"');
        return feedbackImport.preview(tenantOf(req), { name: part.filename, stream: whole(part.file, limit) });
      }
      throw E.importNoFile();
    },
  );

  app.post(
    '/workspaces/:workspace/feedback/import',
    {
      config: { action: 'feedback.import' },
      schema: {
        tags,
        summary:
          'Import feedback from a CSV (multipart: `mapping` JSON, `dryRun`, `skipInvalid`, `defaultKind`, then `file`); with an invalid row and skipInvalid off, or dryRun, nothing is written',
        consumes: ['multipart/form-data'],
        params: WorkspaceParam,
        response: { 200: FeedbackImportResult },
      },
    },
    async (req) => {
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
    },
  );

  app.delete(
    '/workspaces/:workspace/feedback/import/:batchId',
    {
      config: { action: 'feedback.import' },
      schema: { tags, summary: 'Undo an import: delete every item it created', params: BatchParam, response: { 200: z.object({ removed: z.number().int() }) } },
    },
    async (req) => feedbackImport.undo(tenantOf(req), req.params.batchId),
  );
};
