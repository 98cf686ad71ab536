import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { FeedbackImportMapping, FeedbackKind } from '@tandem/contracts';
import * as api from '@tandem/contracts/endpoints/feedback';
import { route } from '../../../http/endpoint-route.ts';
import { csvImportUploads, importFields, registerUploads } from '../../../http/multipart-upload.ts';
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

const importOptions = (fields: Record<string, string>): FeedbackImportOptions =>
  importFields(fields, ImportFields, FeedbackImportMapping, E.invalidField);

export const feedbackImportRoutes: FastifyPluginAsync<{ feedbackImport: FeedbackImportService }> = async (app, { feedbackImport }) => {
  await registerUploads(app, feedbackImport.maxBytes, 10);
  const uploads = csvImportUploads({ invalidField: E.invalidField, noFile: E.importNoFile }, { bytes: feedbackImport.maxBytes, tooLarge: E.importTooLarge });

  route(app, api.importPreview, async (req) => uploads.preview(req, (file) => feedbackImport.preview(tenantOf(req), file)));
  route(app, api.import, async (req) => uploads.import(req, (file, fields) => feedbackImport.import(tenantOf(req), file, importOptions(fields))));
  route(app, api.undoImport, async (req) => feedbackImport.undo(tenantOf(req), req.params.batchId));
};
