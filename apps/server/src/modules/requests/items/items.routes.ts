import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/requests';
import { contentDisposition } from '../../../http/content-disposition.ts';
import { route } from '../../../http/endpoint-route.ts';
import { readUpload } from '../../../http/multipart-upload.ts';
import { tenantOf } from '../../../http/request-context.ts';
import { RequestsErrors as E } from '../requests.errors.ts';
import type { ItemsService } from './items.service.ts';

const UPLOAD = { errors: { invalidField: E.invalidField, noFile: E.noFile }, notMultipart: 'send multipart/form-data with the file as field "file"' };

/** Filing, the queue, a request's page and lifecycle, comments, activity and attachments. */
export const itemsRoutes: FastifyPluginAsync<{ requests: ItemsService }> = async (app, { requests }) => {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: requests.attachments.maxBytes, files: 1, fields: 10, fieldSize: 65_536, parts: 12 },
  });

  route(app, api.create, async (req) => requests.create(tenantOf(req), req.body));
  route(app, api.list, async (req) => requests.list(tenantOf(req), req.query));
  route(app, api.similar, async (req) => requests.similar(tenantOf(req), req.query));
  route(app, api.get, async (req) => requests.get(tenantOf(req), req.params.requestId));
  route(app, api.update, async (req) => requests.update(tenantOf(req), req.params.requestId, req.body));
  route(app, api.triageRequest, async (req) => requests.triage(tenantOf(req), req.params.requestId, req.body));
  route(app, api.start, async (req) => requests.start(tenantOf(req), req.params.requestId));
  route(app, api.deliver, async (req) => requests.deliver(tenantOf(req), req.params.requestId, req.body));
  route(app, api.accept, async (req) => requests.accept(tenantOf(req), req.params.requestId));
  route(app, api.reopen, async (req) => requests.reopen(tenantOf(req), req.params.requestId, req.body.reason));
  route(app, api.decline, async (req) => requests.decline(tenantOf(req), req.params.requestId, req.body.reason));
  route(app, api.plusOne, async (req) => requests.plusOne(tenantOf(req), req.params.requestId, req.body));
  route(app, api.merge, async (req) => requests.merge(tenantOf(req), req.params.requestId, req.body));
  route(app, api.override, async (req) => requests.override(tenantOf(req), req.params.requestId, req.body));
  route(app, api.boost, async (req) => requests.boost(tenantOf(req), req.params.requestId, req.body));
  route(app, api.comments, async (req) => requests.comments(tenantOf(req), req.params.requestId));
  route(app, api.addComment, async (req) => requests.addComment(tenantOf(req), req.params.requestId, req.body));
  route(app, api.activity, async (req) => requests.activity(tenantOf(req), req.params.requestId));
  route(app, api.uploadAttachment, async (req) =>
    readUpload(req, UPLOAD, (file) => requests.attachments.upload(tenantOf(req), req.params.requestId, file)),
  );
  route(app, api.downloadAttachment, async (req, reply) => {
    const file = await requests.attachments.download(tenantOf(req), req.params.requestId, req.params.fileId);
    return reply
      .type(file.mediaType)
      .header('content-length', file.sizeBytes)
      .header('content-disposition', contentDisposition('attachment', file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox")
      .header('cache-control', 'private, no-cache')
      .header('etag', `"${file.sha256}"`)
      .send(file.stream);
  });
  route(app, api.removeAttachment, async (req) => requests.attachments.remove(tenantOf(req), req.params.requestId, req.params.fileId));
};
