import { AppError, defineError } from '../../lib/app-error.ts';

type FieldError = { path: string; message: string };

/** 400 VALIDATION_FAILED naming each field and index (`body.touchpoints.3.dealId`), as schema validation does. */
function invalidFields(errors: FieldError[]) {
  const shown = errors.slice(0, 20).map((e) => `${e.path}: ${e.message}`);
  if (errors.length > 20) shown.push(`and ${errors.length - 20} more`);
  return new AppError('VALIDATION_FAILED', 400, 'The request is not valid', shown.join('; '), { errors });
}

/** Every error of the attribution domain: stable `ATTRIBUTION_*` codes, a status, a detail naming what and where. */
export const AttributionErrors = {
  invalidFields,
  invalidField: (path: string, message: string) => invalidFields([{ path, message }]),
  dealNotFound: defineError('ATTRIBUTION_DEAL_NOT_FOUND', 404, 'Deal not found', (id: string) => `No deal ${id} in this workspace.`),
  disputeNotFound: defineError('ATTRIBUTION_DISPUTE_NOT_FOUND', 404, 'Dispute not found', (id: string) => `No dispute ${id} in this workspace.`),
  importNoFile: defineError('ATTRIBUTION_IMPORT_NO_FILE', 400, 'No file', () => 'The upload has no file part; send the CSV as multipart/form-data field "file", after the other fields.'),
  importTooManyRows: defineError('ATTRIBUTION_IMPORT_TOO_MANY_ROWS', 400, 'Too many rows', (max: number) =>
    `The file has more than ${max.toLocaleString('en-US')} rows; split it into smaller files. Nothing was imported.`,
  ),
  importTooLarge: defineError('ATTRIBUTION_IMPORT_FILE_TOO_LARGE', 413, 'File too large', (limit: number) =>
    `The file is larger than ${Math.round(limit / 1_048_576)} MB; split it into smaller files. Nothing was imported.`,
  ),
  disputeClosed: defineError('ATTRIBUTION_DISPUTE_CLOSED', 409, 'Dispute already resolved', (status: string) =>
    `This dispute was already ${status}; raise a new one to reopen the question.`,
  ),
};
