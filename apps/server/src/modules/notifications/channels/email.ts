/**
 * Email, sent once per call: through SMTP when SMTP_URL is set, otherwise
 * written as an .eml file under <data folder>/outbox/ so a fresh install can
 * see what it would have sent. Retries belong to the delivery runner.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { EVENTS } from '@tandem/contracts';
import type { Deps } from '../../../lib/deps.ts';
import { messageFor } from '../outbox/messages.ts';
import { unsubscribeUrl } from '../unsubscribe/unsubscribe-link.ts';
import type { AttemptResult, ChannelSender, DeliveryEvent, DigestSender } from './channel.ts';
import { digestEmail, eventEmail, type DigestItem } from './email-templates.ts';

/** Types whose email is only a carrier for a link in `private.url`. */
const PRIVATE_LINK_TYPES = new Set(['member.invited', 'member.password_reset_requested', 'member.email_change_requested']);

function unsubscribeHeaders(url: string): Mail.Headers {
  // Prepared: nodemailer would otherwise fold the long URL; one line under 998 characters is valid.
  return {
    'List-Unsubscribe': { prepared: true, value: `<${url}>` },
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

function failure(err: unknown, started: number): AttemptResult {
  const e = err as { message?: string; responseCode?: number; code?: string };
  const statusCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  // 5xx is the server's final word (unknown mailbox, rejected sender); an envelope without a usable recipient never improves.
  const permanent = (statusCode !== null && statusCode >= 500 && statusCode < 600) || (statusCode === null && e.code === 'EENVELOPE');
  return { ok: false, statusCode, error: e.message ?? String(err), durationMs: Date.now() - started, ...(permanent ? { permanent } : {}) };
}

export function createEmailSender(deps: Deps): ChannelSender & DigestSender {
  const { config, log } = deps;
  const smtp = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const outbox = path.join(config.dataDir, 'outbox');
  const host = new URL(config.publicUrl).hostname || 'tandem.local';

  async function writeToOutbox(mail: Mail.Options, name: string) {
    const info = await stream.sendMail(mail);
    await fs.mkdir(outbox, { recursive: true });
    // Colons are not allowed in Windows file names; the timestamp stays sortable.
    const stamp = new Date().toISOString().replace(/:/g, '-');
    const file = path.join(outbox, `${stamp}-${name}.eml`);
    const tmp = path.join(outbox, `.${randomUUID()}.tmp`);
    await fs.writeFile(tmp, info.message as Buffer);
    await fs.rename(tmp, file);
    log.info({ path: file }, 'email written to the outbox folder');
  }

  async function deliver(mail: Mail.Options, name: string): Promise<AttemptResult> {
    const started = Date.now();
    try {
      if (smtp) await smtp.sendMail(mail);
      else await writeToOutbox(mail, name);
      return { ok: true, statusCode: smtp ? 250 : null, durationMs: Date.now() - started };
    } catch (err) {
      return failure(err, started);
    }
  }

  return {
    async send(target, event: DeliveryEvent) {
      const { envelope, type } = event;
      if (PRIVATE_LINK_TYPES.has(type) && !event.private?.url) {
        return { ok: false, permanent: true, statusCode: null, durationMs: 0, error: `A ${type} email needs its link (private.url), and the event has none` };
      }
      const required = (EVENTS[type] as { required?: boolean }).required === true;
      const unsub =
        !required && target.targetId ? unsubscribeUrl(deps, { workspaceId: target.workspaceId, userId: target.targetId, eventType: type }) : null;
      const content = eventEmail({ envelope, private: event.private, unsubscribeUrl: unsub, workspaceName: event.workspaceName, publicUrl: config.publicUrl });
      return deliver(
        {
          from: config.MAIL_FROM,
          to: target.target,
          subject: content.subject,
          text: content.text,
          html: content.html,
          // The same id on every retry, so a receiver (or a person) sees one message twice, not two messages.
          messageId: `<delivery-${target.id}@${host}>`,
          headers: { 'X-Tandem-Event-Id': envelope.id, ...(unsub ? unsubscribeHeaders(unsub) : {}) },
        },
        `${type}-${target.id}`,
      );
    },

    async sendDigest(to, events) {
      const items: DigestItem[] = events.map((e) => {
        const m = messageFor(e.envelope);
        return { type: e.type, title: m.title, body: m.body, url: m.link ? `${config.publicUrl}${m.link}` : null };
      });
      const types = [...new Set(events.map((e) => e.type))].filter((t) => !(EVENTS[t] as { required?: boolean }).required);
      const unsubscribeUrls = Object.fromEntries(
        types.map((t) => [t, unsubscribeUrl(deps, { workspaceId: to.workspaceId, userId: to.userId, eventType: t })]),
      );
      const content = digestEmail({ name: to.name, workspaceName: to.workspaceName, items, unsubscribeUrls });
      // Derived from the events it carries: a retried digest keeps its id.
      const digestId = createHash('sha256')
        .update([to.userId, ...events.map((e) => e.envelope.id).sort()].join(','))
        .digest('hex')
        .slice(0, 32);
      const only = types.length === 1 ? unsubscribeUrls[types[0]!] : undefined;
      return deliver(
        {
          from: config.MAIL_FROM,
          to: to.email,
          subject: content.subject,
          text: content.text,
          html: content.html,
          messageId: `<digest-${digestId}@${host}>`,
          headers: only ? unsubscribeHeaders(only) : {},
        },
        `digest-${to.userId}`,
      );
    },
  };
}
