import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import * as api from '@tandem/contracts/endpoints/library';
import { contentDisposition } from '../../../http/content-disposition.ts';
import { route } from '../../../http/endpoint-route.ts';
import { readUpload } from '../../../http/multipart-upload.ts';
import { tenantOf } from '../../../http/request-context.ts';
import { LibraryErrors as E } from '../library.errors.ts';
import type { FilesService, OpenedFile } from './files.service.ts';

const UPLOAD = { errors: { invalidField: E.invalidField, noFile: E.noFile }, notMultipart: 'send multipart/form-data with the file as field "file"' };

/**
 * What a file opened in the browser may do: nothing but show itself. Images: no script, no plugin, a sandbox.
 * PDFs: Chromium refuses to draw a PDF in a sandboxed document, so a PDF gets the same policy without `sandbox`;
 * its content shows in the browser's own viewer, never as a page of ours. Both may be framed by our pages only.
 */
const INLINE_CSP = {
  image: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
  pdf: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'",
};
const ATTACHMENT_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

export function sendFile(reply: FastifyReply, file: OpenedFile, inline: boolean) {
  const shown = inline && (file.kind === 'pdf' || file.kind === 'png' || file.kind === 'jpeg');
  reply
    .type(file.mediaType)
    .header('content-length', file.sizeBytes)
    .header('content-disposition', contentDisposition(shown ? 'inline' : 'attachment', file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', shown ? INLINE_CSP[file.kind === 'pdf' ? 'pdf' : 'image'] : ATTACHMENT_CSP)
    .header('cache-control', 'private, no-cache')
    .header('etag', `"${file.sha256}"`);
  if (shown) reply.header('x-frame-options', 'SAMEORIGIN');
  return reply.send(file.stream);
}

export const filesRoutes: FastifyPluginAsync<{ assetFiles: FilesService }> = async (app, { assetFiles }) => {
  // The limit stops the parser at the largest file taken (the service then answers 413, naming it).
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: assetFiles.maxBytes, files: 1, fields: 10, fieldSize: 65_536, parts: 12 },
  });

  route(app, api.filesUpload, async (req) => readUpload(req, UPLOAD, (file) => assetFiles.upload(tenantOf(req), req.params.assetId, file)));
  route(app, api.filesList, async (req) => assetFiles.list(tenantOf(req), req.params.assetId));
  route(app, api.filesDownload, async (req, reply) => {
    const file = await assetFiles.download(tenantOf(req), req.params.assetId, req.params.fileId);
    if (req.headers['if-none-match'] === `"${file.sha256}"`) {
      file.stream.destroy();
      return reply.code(304).send();
    }
    return sendFile(reply, file, req.query.inline === '1');
  });
  route(app, api.filesThumbnail, async (req, reply) => {
    const stream = await assetFiles.thumbnail(tenantOf(req), req.params.assetId, req.params.fileId);
    return reply
      .type('image/png')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', INLINE_CSP.image)
      .header('cache-control', 'private, max-age=86400')
      .send(stream);
  });
  route(app, api.filesRemove, async (req) => assetFiles.remove(tenantOf(req), req.params.assetId, req.params.fileId));
};
