import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/notifications';
import { route } from '../../../http/endpoint-route.ts';
import { sendProblem } from '../../../plugins/errors.ts';
import { escapeHtml } from '../channels/email-templates.ts';
import type { UnsubscribeService } from './unsubscribe.service.ts';

const INVALID = 'This unsubscribe link is not valid. It may have been cut off or changed; use the link in a recent email, or change your notifications in Tandem under Profile → Notifications.';

const PAGE_STYLE = {
  body: "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;background:#f3f4f6;margin:0;padding:48px 16px",
  main: 'max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:32px;color:#111827;line-height:22px',
  button: 'font:inherit;font-weight:600;color:#fff;background:#1d4ed8;border:0;border-radius:6px;padding:10px 16px;cursor:pointer',
};

/** A small page with one h1: what happened or what to confirm, then a form or a link. */
function htmlPage(title: string, message: string, action: { form: { action: string; label: string } } | { link: { href: string; label: string } }, extra = '') {
  const next =
    'form' in action
      ? `<form method="post" action="${escapeHtml(action.form.action)}"><input type="hidden" name="confirm" value="yes">` +
        `<button type="submit" style="${PAGE_STYLE.button}">${escapeHtml(action.form.label)}</button></form>`
      : `<p><a href="${escapeHtml(action.link.href)}" style="color:#1d4ed8">${escapeHtml(action.link.label)}</a></p>`;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    // The token is in this page's address: it must not travel on in a Referer.
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body style="${PAGE_STYLE.body}">`,
    `<main style="${PAGE_STYLE.main}">`,
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(message)}</p>`,
    extra,
    next,
    '</main></body></html>',
  ].join('\n');
}

/**
 * Public: the links in notification emails. Opening one (GET) only asks to confirm — mail
 * scanners follow links, and a link they follow must change nothing; the page's button POSTs.
 * Mail apps unsubscribe in one click with the RFC 8058 POST (`List-Unsubscribe=One-Click`).
 */
export const unsubscribeRoutes: FastifyPluginAsync<{ notifications: UnsubscribeService }> = async (app, { notifications: s }) => {
  const home = { link: { href: s.homeUrl(), label: 'Open Tandem' } };
  // Form bodies: the one-click POST's "List-Unsubscribe=One-Click", or the confirm page's "confirm=yes".
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => done(null, body));
  }

  route(app, api.unsubscribe, async (req, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    const result = s.check(req.query.token);
    if (!result.ok) return reply.status(400).send(htmlPage('Link not valid', INVALID, home));
    const action = `/api/v1/unsubscribe?token=${encodeURIComponent(req.query.token!)}`;
    return reply.send(
      htmlPage(
        `Stop emails about “${result.label}”?`,
        `Tandem emails you about “${result.label}”. Press the button to stop these emails. In-app notifications stay as they are.`,
        { form: { action, label: 'Stop these emails' } },
        `<p>To keep getting them, just close this page.</p>`,
      ),
    );
  });

  route(app, api.unsubscribeOneClick, async (req, reply) => {
    const fromPage = typeof req.body === 'string' && new URLSearchParams(req.body).get('confirm') === 'yes';
    const result = await s.unsubscribe(req.query.token);
    if (fromPage) {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      if (!result.ok) return reply.status(400).send(htmlPage('Link not valid', INVALID, home));
      return reply.send(
        htmlPage('Unsubscribed', `You will no longer get emails about ${result.label}. Change this any time in Tandem under Profile → Notifications.`, home),
      );
    }
    if (!result.ok) return sendProblem(req, reply, 400, 'UNSUBSCRIBE_LINK_INVALID', 'The unsubscribe link is not valid', INVALID);
    return reply.type('text/plain; charset=utf-8').send(`Unsubscribed: no more emails about ${result.label}.`);
  });
};
