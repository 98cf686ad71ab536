import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope, EventType } from '@tandem/contracts';
import { call, createHarness, setupAdmin, type Harness } from '../../../../test/app-harness.ts';
import type { DeliveryEvent, DeliveryTarget } from './channel.ts';
import { createEmailSender } from './email.ts';

let h: Harness;
let wsId: string;
let userId: string;

beforeAll(async () => {
  h = await createHarness();
  const admin = await setupAdmin(h.app);
  wsId = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
  userId = (await call(h.app, admin, 'GET', '/api/v1/auth/session')).json().user.id;
});
afterAll(async () => h?.close());

const outbox = () => path.join(h.services.deps.config.dataDir, 'outbox');
async function emlFiles(): Promise<string[]> {
  return (await fs.readdir(outbox()).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
}

/** Headers unfolded; quoted-printable bodies decoded, so assertions read what a mail app shows. */
function readable(eml: string): { headers: string; all: string } {
  const [head = ''] = eml.split('\n\n');
  const headers = head.replace(/\n[ \t]+/g, ' ');
  const all = eml.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return { headers, all: Buffer.from(all, 'latin1').toString('utf8') };
}

function target(type: EventType, to = 'ada@acme.test'): DeliveryTarget {
  void type;
  return { id: randomUUID(), workspaceId: wsId, channel: 'email', target: to, targetId: userId, attempt: 1 };
}

function event(type: EventType, data: Record<string, unknown>, priv: Record<string, string> | null = null): DeliveryEvent {
  const envelope: EventEnvelope = {
    id: randomUUID(),
    type,
    version: 1,
    workspace: { id: wsId, slug: 'acme' },
    occurredAt: new Date().toISOString(),
    data,
  };
  return { envelope, type, private: priv, workspaceName: 'Acme' };
}

const importCompleted = () =>
  event('import.completed', {
    importId: randomUUID(),
    kind: 'deals',
    fileName: 'q3 <pipeline>.csv',
    source: 'salesforce',
    counts: { rows: 1200, created: 1000, updated: 150, unchanged: 50, removed: 0, invalid: 0 },
    importedBy: { userId, name: 'Ada Admin' },
  });

const invited = (url?: string) =>
  event(
    'member.invited',
    {
      invitationId: randomUUID(),
      email: 'new@acme.test',
      role: 'sales',
      invitedBy: { userId, name: 'Ada Admin' },
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
    url ? { url } : null,
  );

async function newEml(before: string[]) {
  const added = (await emlFiles()).filter((f) => !before.includes(f));
  expect(added).toHaveLength(1);
  return { name: added[0]!, text: await fs.readFile(path.join(outbox(), added[0]!), 'utf8') };
}

async function emailPrefs(type: EventType) {
  const r = await h.services.deps.database.pool.query(
    'select channels, digest from notification_preferences where workspace_id = $1 and user_id = $2 and event_type = $3',
    [wsId, userId, type],
  );
  return r.rows[0] as { channels: string[]; digest: boolean } | undefined;
}

/** The List-Unsubscribe link of a fresh import.completed email, which the footer links too. */
async function unsubscribeLinkFromEmail(): Promise<string> {
  const before = await emlFiles();
  await createEmailSender(h.services.deps).send(target('import.completed'), importCompleted());
  const { headers, all } = readable((await newEml(before)).text);
  const link = /^List-Unsubscribe: <([^>]+)>$/m.exec(headers)?.[1];
  expect(link).toBeDefined();
  expect(all).toContain(`href="${link!}"`);
  return link!;
}

describe('email channel without SMTP_URL', () => {
  it('writes an import.completed email to the outbox folder, with both parts and the unsubscribe and event headers', async () => {
    const sender = createEmailSender(h.services.deps);
    const before = await emlFiles();
    const t = target('import.completed');
    const e = importCompleted();
    const result = await sender.send(t, e);
    expect(result).toMatchObject({ ok: true });

    const { name, text } = await newEml(before);
    expect(name).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2}T.*-import\\.completed-${t.id}\\.eml$`));
    expect((await fs.readdir(outbox())).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const { headers, all } = readable(text);
    expect(headers).toMatch(/^Subject: Import of q3 <pipeline>\.csv finished$/m);
    expect(headers).toMatch(/^To: ada@acme\.test$/m);
    // Header names are case-insensitive; nodemailer writes this one as X-Tandem-Event-ID.
    expect(headers).toMatch(new RegExp(`^X-Tandem-Event-Id: ${e.envelope.id}$`, 'mi'));
    expect(headers).toContain(`Message-ID: <delivery-${t.id}@tandem.test>`);
    expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/tandem\.test\/api\/v1\/unsubscribe\?token=[\w.%-]+>$/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(text).toContain('Content-Type: text/plain');
    expect(text).toContain('Content-Type: text/html');
    // Plain text reads as written; HTML escapes the file name and links the import page.
    expect(all).toContain('1,200 deals rows: 1,000 created, 150 updated, 50 unchanged.');
    expect(all).toContain('q3 &lt;pipeline&gt;.csv');
    expect(all).toContain(`http://tandem.test/w/acme/imports/${e.envelope.data.importId as string}`);
  });

  it('puts the invitation link from private in a member.invited email, with no unsubscribe link', async () => {
    const sender = createEmailSender(h.services.deps);
    const before = await emlFiles();
    const link = 'http://tandem.test/invite/inv_secretTokenValue123';
    expect(await sender.send(target('member.invited', 'new@acme.test'), invited(link))).toMatchObject({ ok: true });
    const { text } = await newEml(before);
    const { headers, all } = readable(text);
    expect(headers).toMatch(/^Subject: Invitation to join as /m);
    expect(all).toContain(`href="${link}"`);
    expect(all).toContain(`Accept the invitation: ${link}`);
    expect(headers).not.toMatch(/List-Unsubscribe/i);
    expect(all).not.toMatch(/unsubscribe/i);
  });

  it('refuses, permanently, an invitation email without its link', async () => {
    const sender = createEmailSender(h.services.deps);
    const before = await emlFiles();
    const result = await sender.send(target('member.invited', 'new@acme.test'), invited());
    expect(result).toMatchObject({ ok: false, permanent: true });
    expect(await emlFiles()).toEqual(before);
  });

  it('sends one digest grouped by type', async () => {
    const sender = createEmailSender(h.services.deps);
    const before = await emlFiles();
    const result = await sender.sendDigest({ userId, email: 'ada@acme.test', name: 'Ada', workspaceId: wsId, workspaceName: 'Acme' }, [
      importCompleted(),
      importCompleted(),
    ]);
    expect(result).toMatchObject({ ok: true });
    const { headers, all } = readable((await newEml(before)).text);
    expect(headers).toContain('Subject: =?UTF-8?'); // the em dash is encoded
    expect(all).toContain('Your Tandem digest — 2 updates');
    expect(all).toContain('Import finished (2)');
    expect(all).toMatch(/Stop emails about "Import finished": http:\/\/tandem\.test\/api\/v1\/unsubscribe\?token=/);
  });
});

describe('unsubscribe link', () => {
  let unsubscribeLink: string;
  beforeAll(async () => {
    unsubscribeLink = await unsubscribeLinkFromEmail();
  });

  const h1s = (html: string) => html.match(/<h1[\s>]/g)?.length ?? 0;

  it('a plain GET (a mail scanner following the link) only shows a page asking to confirm, and changes nothing', async () => {
    expect(await emailPrefs('import.completed')).toBeUndefined();
    const url = new URL(unsubscribeLink);
    for (let i = 0; i < 2; i++) {
      const res = await h.app.inject({ method: 'GET', url: url.pathname + url.search });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(h1s(res.body)).toBe(1);
      expect(res.body).toContain('<h1');
      expect(res.body).toMatch(/Stop emails about “Import finished”\?/);
      expect(res.body).toContain('In-app notifications stay as they are.');
      // The button posts the same link back.
      expect(res.body).toContain(`<form method="post" action="${url.pathname}${url.search}">`);
      expect(res.body).toMatch(/<button type="submit"[^>]*>Stop these emails<\/button>/);
      expect(res.body).not.toContain('You will no longer');
    }
    expect(await emailPrefs('import.completed')).toBeUndefined();
  });

  it("the page's button (a form POST) turns email off for that type and person, keeps in-app, and says so on a page", async () => {
    const url = new URL(unsubscribeLink);
    const res = await h.app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml' },
      payload: 'confirm=yes',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(h1s(res.body)).toBe(1);
    expect(res.body).toContain('You will no longer get emails about Import finished.');
    expect(await emailPrefs('import.completed')).toEqual({ channels: ['in_app'], digest: false });
    // Other types are untouched.
    expect(await emailPrefs('token.created')).toBeUndefined();
  });

  it('accepts the RFC 8058 one-click POST', async () => {
    await h.services.deps.database.pool.query(
      "update notification_preferences set channels = '{in_app,email}', digest = true where workspace_id = $1 and user_id = $2",
      [wsId, userId],
    );
    const url = new URL(unsubscribeLink);
    const res = await h.app.inject({
      method: 'POST',
      url: url.pathname + url.search,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(await emailPrefs('import.completed')).toEqual({ channels: ['in_app'], digest: false });
  });

  it('answers 400 for a tampered or missing token and changes nothing', async () => {
    const token = new URL(unsubscribeLink).searchParams.get('token')!;
    const [payload, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, t: 'token.created' })).toString('base64url')}.${sig}`;
    for (const q of [`token=${encodeURIComponent(forged)}`, `token=${encodeURIComponent(token.slice(0, -2))}`, '']) {
      const res = await h.app.inject({ method: 'GET', url: `/api/v1/unsubscribe?${q}` });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('not valid');
    }
    const post = await h.app.inject({ method: 'POST', url: `/api/v1/unsubscribe?token=${encodeURIComponent(forged)}` });
    expect(post.statusCode).toBe(400);
    expect(post.json().code).toBe('UNSUBSCRIBE_LINK_INVALID');
    expect(await emailPrefs('token.created')).toBeUndefined();
  });
});

describe('email channel with SMTP_URL', () => {
  let server: net.Server;
  let port: number;
  beforeAll(async () => {
    // Just enough SMTP to refuse the recipient.
    server = net.createServer((socket) => {
      socket.write('220 fake.test ESMTP\r\n');
      let buffer = '';
      socket.on('data', (chunk) => {
        buffer += chunk.toString();
        let i: number;
        while ((i = buffer.indexOf('\r\n')) >= 0) {
          const line = buffer.slice(0, i).toUpperCase();
          buffer = buffer.slice(i + 2);
          if (line.startsWith('EHLO') || line.startsWith('HELO')) socket.write('250 fake.test\r\n');
          else if (line.startsWith('MAIL FROM')) socket.write('250 2.1.0 OK\r\n');
          else if (line.startsWith('RCPT TO')) socket.write('550 5.1.1 No such user here\r\n');
          else if (line.startsWith('QUIT')) socket.end('221 2.0.0 Bye\r\n');
          else socket.write('250 OK\r\n');
        }
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reports a refused recipient as a permanent failure with the SMTP code', async () => {
    const deps = h.services.deps;
    const sender = createEmailSender({ ...deps, config: { ...deps.config, SMTP_URL: `smtp://127.0.0.1:${port}` } });
    const before = await emlFiles();
    const result = await sender.send(target('import.completed', 'nobody@acme.test'), importCompleted());
    expect(result).toMatchObject({ ok: false, permanent: true, statusCode: 550 });
    expect(result.ok === false && result.error).toMatch(/550|rejected/);
    expect(await emlFiles()).toEqual(before);
  });
});
