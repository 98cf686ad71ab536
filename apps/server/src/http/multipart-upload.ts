import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { UploadedFile } from '../lib/blob-store/receive-upload.ts';

/**
 * Uploads of one file after its text fields, as a browser's FormData and the CLI send them: the fields are read up
 * to the file, the file is handed on as a stream, and nothing after it is read. Each domain names its own errors.
 */
export interface UploadErrors {
  invalidField: (path: string, message: string) => Error;
  noFile: () => Error;
}

export interface SizeLimit {
  bytes: number;
  tooLarge: (bytes: number) => Error;
}

export interface UploadRules<V> {
  errors: UploadErrors;
  /** Said (as field "body") when the request is not multipart. */
  notMultipart: string;
  /**
   * The file is refused with `tooLarge(bytes)` once read to its end past the limit: the multipart parser only
   * truncates a file stream there (flagging `truncated`), so a file read as a stream would otherwise be taken cut
   * short without a word. Without it the stream keeps `truncated` for the caller to check.
   */
  limit?: SizeLimit;
  /** Each text field as it arrives (it may refuse it at once); the text itself without it. */
  field?: (name: string, value: string) => V;
}

/** Registers the multipart parser on a route plugin: one file at most `fileSize` bytes, after at most `fields` fields. */
export async function registerUploads(app: FastifyInstance, fileSize: number, fields: number): Promise<void> {
  await app.register(multipart, { limits: { fileSize, files: 1, fields, fieldSize: 1_048_576, parts: fields + 2 } });
}

/** The file's bytes, refusing it past the size limit once read to its end. */
async function* whole(file: AsyncIterable<Buffer> & { truncated?: boolean }, limit: SizeLimit): AsyncGenerator<Buffer> {
  yield* file;
  if (file.truncated) throw limit.tooLarge(limit.bytes);
}

/** Reads the fields up to the one file field, "file", and hands both to `use`; refuses any other file field and a body without a file. */
export async function readUpload<T, V = string>(
  req: FastifyRequest,
  rules: UploadRules<V>,
  use: (file: UploadedFile, fields: Record<string, V>) => Promise<T>,
): Promise<T> {
  const { errors, limit } = rules;
  if (!req.isMultipart()) throw errors.invalidField('body', rules.notMultipart);
  const fields: Record<string, V> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw errors.invalidField(part.fieldname, 'the only file field is "file"');
      const stream = limit ? whole(part.file, limit) : part.file;
      return use({ name: part.filename, stream }, fields);
    }
    const value = String(part.value);
    fields[part.fieldname] = rules.field ? rules.field(part.fieldname, value) : (value as V);
  }
  throw errors.noFile();
}

/**
 * The CSV imports' two steps (feedback, touchpoints): a preview reads the file alone, the import its fields first.
 * Both refuse a file past the limit.
 */
export function csvImportUploads(errors: UploadErrors, limit: SizeLimit) {
  return {
    preview: <T>(req: FastifyRequest, use: (file: UploadedFile) => Promise<T>) =>
      readUpload(req, { errors, limit, notMultipart: 'send multipart/form-data with the CSV file as field "file"' }, (file) => use(file)),
    import: <T>(req: FastifyRequest, use: (file: UploadedFile, fields: Record<string, string>) => Promise<T>) =>
      readUpload(req, { errors, limit, notMultipart: 'send multipart/form-data: the fields, then the CSV file as field "file"' }, use),
  };
}

/**
 * An import's text fields against `schema` (a strict object: a misspelt field must not be ignored silently), with its
 * `mapping` field — JSON of column → field — against `mapping`. Refuses with the first problem, naming the field
 * (`mapping.Notes`), and an unknown field with the list of known ones.
 */
export function importFields<S extends z.ZodObject & z.ZodType<{ mapping: string }>, M extends z.ZodType>(
  fields: Record<string, string>,
  schema: S,
  mapping: M,
  invalidField: UploadErrors['invalidField'],
): Omit<z.output<S>, 'mapping'> & { mapping: z.output<M> } {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') throw invalidField(issue.keys.join(', '), `unknown field (the fields are ${Object.keys(schema.shape).join(', ')})`);
    throw invalidField(issue.path.join('.') || 'fields', issue.message);
  }
  let json: unknown;
  try {
    json = JSON.parse(parsed.data.mapping);
  } catch (e) {
    throw invalidField('mapping', `not valid JSON (${(e as Error).message})`);
  }
  const mapped = mapping.safeParse(json);
  if (!mapped.success) {
    const issue = mapped.error.issues[0]!;
    throw invalidField(['mapping', ...issue.path.map(String)].join('.'), issue.message);
  }
  return { ...parsed.data, mapping: mapped.data };
}
