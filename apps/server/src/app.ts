import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { openapiOptions } from './http/openapi.ts';
import { SESSION_COOKIE } from './http/request-context.ts';
import { securityHeaders } from './http/security-headers.ts';
import { webPreloads } from './http/web-preloads.ts';
import { attributionRoutes } from './modules/attribution/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { dealsRoutes } from './modules/deals/index.ts';
import { decisionsRoutes } from './modules/decisions/index.ts';
import { alignmentRoutes } from './modules/alignment/index.ts';
import { meetingsRoutes } from './modules/meetings/index.ts';
import { feedbackRoutes } from './modules/feedback/index.ts';
import { goalsRoutes } from './modules/goals/index.ts';
import { importsRoutes } from './modules/imports/index.ts';
import { libraryRoutes, sharePageRoutes } from './modules/library/index.ts';
import { notificationsRoutes } from './modules/notifications/index.ts';
import { peopleDataRoutes } from './modules/people-data/index.ts';
import { requestsRoutes } from './modules/requests/index.ts';
import { ssoRoutes } from './modules/sso/index.ts';
import { createAuthPort, workspacesRoutes } from './modules/workspaces/index.ts';
import { authPlugin } from './plugins/auth.ts';
import { errorsPlugin, sendProblem } from './plugins/errors.ts';
import { inputGuardPlugin } from './plugins/input-guard.ts';
import { jsonBodyPlugin } from './plugins/json-body.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import type { Services } from './services.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildAppOptions {
  services: Services;
  logger: Logger;
  /** Serve the built web app (default: when apps/web/dist exists). */
  webDist?: string | false;
}

/** Builds the Fastify instance: infrastructure plugins, then every module's routes under /api/v1. */
export async function buildApp({ services, logger, webDist }: BuildAppOptions) {
  const { config, database } = services.deps;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: config.TANDEM_BODY_LIMIT_BYTES,
    trustProxy: config.TANDEM_TRUST_PROXY,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    },
    forceCloseConnections: 'idle',
    // Malformed URLs (bad escapes, over-long parameters) get a problem body like every other error.
    frameworkErrors: (err, req, reply) =>
      sendProblem(
        req,
        reply,
        err.statusCode ?? 400,
        err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URL_TOO_LONG' : 'BAD_URL',
        'Bad request URL',
        err.message,
      ),
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(errorsPlugin);
  // CSP, framing, nosniff, referrer: every answer (http/security-headers.ts).
  await app.register(helmet, securityHeaders(config.publicUrl));
  await app.register(jsonBodyPlugin);
  await app.register(inputGuardPlugin);
  await app.register(cookie);
  // Answers are compressed on the fly (brotli or gzip, as the client accepts); static files come precompressed
  // from the build. Compressed request bodies are refused (415), so no upload can inflate behind the body limit.
  // Answers up to 64 kB (a page of search results is 34 kB) are compressed in the request's own turn: on 2 cores the
  // plugin's default (8 kB) sent them through the thread pool, which under load cost ~10 ms a request against ~1 ms.
  await app.register(compress, { encodings: ['br', 'gzip'], requestEncodings: ['identity'], syncThreshold: 64 * 1024 });
  // The document's head and what the endpoint table adds (operation ids, security, errors): http/openapi.ts.
  await app.register(swagger, openapiOptions(config.publicUrl));
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  await app.register(authPlugin, { port: createAuthPort(services) });
  // GET /metrics (Prometheus) only when TANDEM_METRICS=1, behind its bearer token: plugins/metrics.ts.
  if (config.TANDEM_METRICS && config.TANDEM_METRICS_TOKEN) await app.register(metricsPlugin, { pool: database.pool, token: config.TANDEM_METRICS_TOKEN });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    try {
      await database.pool.query('select 1');
      return { status: 'ok' };
    } catch {
      return sendProblem(req, reply, 503, 'NOT_READY', 'Database unreachable', 'The database does not answer.');
    }
  });

  await app.register(
    async (api) => {
      api.get(
        '/openapi.json',
        { config: { access: 'public' }, schema: { hide: true, response: { 200: z.unknown() } } },
        async () => app.swagger(),
      );
      await api.register(workspacesRoutes, services);
      await api.register(auditRoutes, services);
      await api.register(dealsRoutes, services);
      await api.register(importsRoutes, services);
      await api.register(notificationsRoutes, services);
      await api.register(feedbackRoutes, services);
      await api.register(libraryRoutes, services);
      await api.register(requestsRoutes, services);
      await api.register(decisionsRoutes, services);
      await api.register(alignmentRoutes, services);
      await api.register(meetingsRoutes, services);
      await api.register(ssoRoutes, services);
      await api.register(peopleDataRoutes, services);
      await api.register(goalsRoutes, services);
      await api.register(attributionRoutes, services);
    },
    { prefix: '/api/v1' },
  );
  // Share links' public page: server-rendered HTML a prospect opens without signing in (its own strict headers).
  await app.register(sharePageRoutes, services);

  const dist = webDist ?? WEB_DIST;
  const hasWeb = dist !== false && fs.existsSync(path.join(dist, 'index.html'));
  if (hasWeb) {
    // Wildcard: files are looked up per request, so a rebuilt app is served without a restart.
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: true,
      index: 'index.html',
      maxAge: '1h',
      // The build writes .br and .gz beside each file (apps/web/vite.config.ts): sent as the client accepts.
      preCompressed: true,
      // Hashed assets never change under their name: a year, immutable. The page that names them: always revalidated.
      setHeaders: (reply, file) => {
        if (/index\.html(\.br|\.gz)?$/.test(file)) reply.header('cache-control', 'no-cache');
        else if (file.startsWith(path.join(dist, 'assets') + path.sep)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  const preloads = hasWeb ? webPreloads(dist) : null;
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split('?')[0] ?? '/';
    const isApi = pathname.startsWith('/api/') || ['/healthz', '/readyz', '/metrics'].includes(pathname);
    // Client-side routes get the app; a missing file under /assets is a plain 404.
    if (req.method === 'GET' && !isApi && !pathname.startsWith('/assets/')) {
      if (hasWeb) {
        reply.header('cache-control', 'no-cache');
        // A signed-in person's page names the chunks and the data it will ask for (http/web-preloads.ts).
        const html = req.cookies[SESSION_COOKIE] ? preloads?.html(pathname) : null;
        return html ? reply.type('text/html; charset=utf-8').send(html) : reply.sendFile('index.html');
      }
      return reply
        .type('text/plain')
        .send('The web app is not built. Run `npm run build` (or `npm start`, which builds it), or `npm run dev` for hot reload.');
    }
    return sendProblem(req, reply, 404, 'NOT_FOUND', 'Not found', `No route ${req.method} ${pathname}`);
  });

  return app;
}
