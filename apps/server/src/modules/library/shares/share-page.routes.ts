import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { sendFile } from '../files/files.routes.ts';
import { goneHtml, notFoundHtml, SHARE_PAGE_CSP, sharePageHtml } from './share-page.ts';
import type { SharesService } from './shares.service.ts';

const Params = z.object({ token: z.string().max(200) });
const FileParams = Params.extend({ fileId: z.uuid() });

/** Headers of every share page: strict CSP (nothing runs), never indexed, never cached (a revoked link stops at once). */
function pageHeaders(reply: FastifyReply, status: number) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', SHARE_PAGE_CSP)
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff');
}

/**
 * The public share page, outside /api/v1: server-rendered HTML a prospect opens without signing in (the auth
 * plugin governs /api routes only). Registered by app.ts beside the API.
 */
export const sharePageRoutes: FastifyPluginAsync<{ shareLinks: SharesService }> = async (app, { shareLinks }) => {
  app.get('/s/:token', { schema: { hide: true } }, async (req, reply) => {
    const parsed = Params.safeParse(req.params);
    if (!parsed.success) return pageHeaders(reply, 404).send(notFoundHtml());
    const { token } = parsed.data;
    const result = await shareLinks.open(
      token,
      { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') },
      // A HEAD (link checkers, previews asking for headers) shows nothing and counts nothing.
      { record: req.method === 'GET' },
    );
    switch (result.kind) {
      case 'not_found':
        return pageHeaders(reply, 404).send(notFoundHtml());
      case 'gone':
        return pageHeaders(reply, 410).send(goneHtml(result.reason, result.at, result.workspaceName));
      case 'page':
        return pageHeaders(reply, 200).send(sharePageHtml({ ...result.content, basePath: `/s/${token}` }));
      default: {
        const never: never = result;
        throw new Error(`unexpected share result ${JSON.stringify(never)}`);
      }
    }
  });

  // A file of the shared asset, downloaded (never shown as a page of ours), while the link works.
  app.get('/s/:token/files/:fileId', { schema: { hide: true } }, async (req, reply) => {
    const parsed = FileParams.safeParse(req.params);
    if (!parsed.success) return pageHeaders(reply, 404).send(notFoundHtml());
    const result = await shareLinks.openFile(parsed.data.token, parsed.data.fileId);
    switch (result.kind) {
      case 'not_found':
        return pageHeaders(reply, 404).send(notFoundHtml());
      case 'gone':
        return pageHeaders(reply, 410).send(goneHtml(result.reason, result.at, result.workspaceName));
      case 'file':
        reply.header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer');
        return sendFile(reply, result.file, false);
      default: {
        const never: never = result;
        throw new Error(`unexpected share result ${JSON.stringify(never)}`);
      }
    }
  });
};
