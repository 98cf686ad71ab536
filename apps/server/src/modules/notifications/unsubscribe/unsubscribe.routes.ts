import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/notifications';
import { route } from '../../../http/endpoint-route.ts';
import { sendProblem } from '../../../plugins/errors.ts';
import { escapeHtml } from '../channels/email-templates.ts';
import type { UnsubscribeService } from './unsubscribe.service.ts';

const INVALID = 'This unsubscribe link is not valid. It may have been cut off or changed; use the link in a recent email, or change your notifications in Tandem under Profile → Notifications.';

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
export const unsubscribeRoutes: FastifyPluginAsync<{ notifications: UnsubscribeService }> = async (app, { notifications: s }) => {
  const home = { href: s.homeUrl(), label: 'Open Tandem' };
  // RFC 8058: mail apps POST "List-Unsubscribe=One-Click" as a form; the token in the URL is all that counts.
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_req, _body, done) => done(null, null));
  }

  route(app, api.unsubscribe, async (req, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    const result = await s.unsubscribe(req.query.token);
    if (!result.ok) return reply.status(400).send(htmlPage('Link not valid', INVALID, home));
    return reply.send(
      htmlPage('Unsubscribed', `You will no longer get emails about ${result.label}. Change this any time in Tandem under Profile → Notifications.`, home),
    );
  });

  route(app, api.unsubscribeOneClick, async (req, reply) => {
    const result = await s.unsubscribe(req.query.token);
    if (!result.ok) return sendProblem(req, reply, 400, 'UNSUBSCRIBE_LINK_INVALID', 'The unsubscribe link is not valid', INVALID);
    return reply.type('text/plain; charset=utf-8').send(`Unsubscribed: no more emails about ${result.label}.`);
  });
};
