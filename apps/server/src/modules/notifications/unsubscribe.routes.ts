import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EVENTS } from '@tandem/contracts';
import { escapeHtml } from './email-templates.ts';
import { applyUnsubscribe, verifyUnsubscribe } from './unsubscribe.ts';
import { sendProblem } from '../../plugins/errors.ts';
import type { Services } from '../../services.ts';

const tags = ['notifications'];
// Optional so a link with the token cut off gets the "not valid" page, not a JSON validation error.
const UnsubscribeQuery = z.object({ token: z.string().max(2000).optional() });

function htmlPage(title: string, message: string, link: { href: string; label: string }) {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Helvetica,Arial,sans-serif;background:#f3f4f6;margin:0;padding:48px 16px">',
    '<main style="max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:32px;color:#111827;line-height:22px">',
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(message)}</p>`,
    `<p><a href="${escapeHtml(link.href)}" style="color:#2563eb">${escapeHtml(link.label)}</a></p>`,
    '</main></body></html>',
  ].join('\n');
}

/** Public: the links in notification emails, opened by the person (GET) or their mail app (one-click POST, RFC 8058). */
export const unsubscribeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { deps } = services;
  const home = { href: `${deps.config.publicUrl}/`, label: 'Open Tandem' };
  // RFC 8058: mail apps POST "List-Unsubscribe=One-Click" as a form; the token in the URL is all that counts.
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_req, _body, done) => done(null, null));
  }
  const INVALID = 'This unsubscribe link is not valid. It may have been cut off or changed; use the link in a recent email, or change your notifications in Tandem under Profile → Notifications.';

  app.get(
    '/unsubscribe',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Stop emails about one event type (the link in each email); answers an HTML page', querystring: UnsubscribeQuery },
    },
    async (req, reply) => {
      const claims = req.query.token ? verifyUnsubscribe(deps.secret, req.query.token) : null;
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      if (!claims) return reply.status(400).send(htmlPage('Link not valid', INVALID, home));
      await applyUnsubscribe(deps, claims);
      const label = EVENTS[claims.eventType].label;
      return htmlPage(
        'Unsubscribed',
        `You will no longer get emails about ${label}. Change this any time in Tandem under Profile → Notifications.`,
        home,
      );
    },
  );

  app.post(
    '/unsubscribe',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'One-click unsubscribe (RFC 8058 List-Unsubscribe-Post); answers plain text', querystring: UnsubscribeQuery },
    },
    async (req, reply) => {
      const claims = req.query.token ? verifyUnsubscribe(deps.secret, req.query.token) : null;
      if (!claims) return sendProblem(req, reply, 400, 'UNSUBSCRIBE_LINK_INVALID', 'The unsubscribe link is not valid', INVALID);
      await applyUnsubscribe(deps, claims);
      return reply.type('text/plain; charset=utf-8').send(`Unsubscribed: no more emails about ${EVENTS[claims.eventType].label}.`);
    },
  );
};
