import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { TouchpointImportMapping, TouchpointImportPreset } from '@tandem/contracts';
import * as api from '@tandem/contracts/endpoints/attribution';
import { route } from '../../../http/endpoint-route.ts';
import { csvImportUploads, importFields, registerUploads } from '../../../http/multipart-upload.ts';
import { tenantOf } from '../../../http/request-context.ts';
import { AttributionErrors as E } from '../attribution.errors.ts';
import type { TouchpointImportOptions, TouchpointImportService } from './touchpoint-import.service.ts';

/** The text fields sent before the file; an unknown one is refused (a misspelt field must not be ignored silently). */
const ImportFields = z.strictObject({
  mapping: z.string({ error: 'required: a JSON object of column → field, sent before the file' }),
  preset: TouchpointImportPreset.optional(),
  source: z.string().trim().min(1).max(100).optional(),
});

const importOptions = (fields: Record<string, string>): TouchpointImportOptions =>
  importFields(fields, ImportFields, TouchpointImportMapping, E.invalidField);

/** Touchpoint CSV import: a preview, then the import (admin and marketing). */
export const touchpointImportRoutes: FastifyPluginAsync<{ touchpointImport: TouchpointImportService }> = async (app, { touchpointImport }) => {
  await registerUploads(app, touchpointImport.maxBytes, 10);
  const uploads = csvImportUploads(
    { invalidField: E.invalidField, noFile: E.importNoFile },
    { bytes: touchpointImport.maxBytes, tooLarge: E.importTooLarge },
  );

  route(app, api.importPreview, async (req) => uploads.preview(req, (file) => touchpointImport.preview(tenantOf(req), file)));
  route(app, api.importTouchpoints, async (req) =>
    uploads.import(req, (file, fields) => touchpointImport.import(tenantOf(req), file, importOptions(fields))),
  );
};
