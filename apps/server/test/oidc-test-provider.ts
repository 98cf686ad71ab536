import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider) on the loopback address, for the single sign-on tests (server and browser).
 * Its sign-in page asks for an email only: whoever is in `people` signs in as themselves (no password). Consent
 * is granted up front. `codeTtlSeconds` lets a test let a code expire.
 */
export interface TestPerson {
  email: string;
  name: string;
  emailVerified?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  people: Map<string, TestPerson>;
  close(): Promise<void>;
}

interface Grant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
/** The part of oidc-provider's context that loadExistingGrant reads. */
interface GrantContext {
  oidc: {
    result?: { consent?: { grantId?: string } };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    client: { clientId: string };
    provider: { Grant: { new (init: { clientId: string; accountId: string }): Grant; find(id: string): Promise<Grant | undefined> } };
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startTestProvider(opts: { redirectUri: string; codeTtlSeconds?: number; port?: number }): Promise<TestProvider> {
  const clientId = 'tandem-test';
  const clientSecret = 'test-client-secret-0123456789';
  const people = new Map<string, TestPerson>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [opts.redirectUri], response_types: ['code'], grant_types: ['authorization_code'] }],
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    pkce: { methods: ['S256'], required: () => true },
    ttl: { AuthorizationCode: opts.codeTtlSeconds ?? 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const person = people.get(sub);
      if (!person) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: person.email, email_verified: person.emailVerified ?? true, name: person.name }) };
    },
    async loadExistingGrant(ctx: GrantContext) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });

  const handle = provider.callback();
  server.on('request', (req, res) => {
    const m = /^\/interaction\/([\w-]+)/.exec(req.url ?? '');
    if (!m) return void handle(req, res);
    void (async () => {
      try {
        if (req.method === 'GET') {
          await provider.interactionDetails(req, res);
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(`<!doctype html><html lang="en"><title>Test identity provider</title><main><h1>Test identity provider</h1>
            <form method="post" action="/interaction/${esc(m[1]!)}"><label>Email <input name="email" type="email" autocomplete="off"></label>
            <button type="submit">Continue</button></form></main></html>`);
          return;
        }
        let body = '';
        for await (const chunk of req) body += chunk;
        const email = (new URLSearchParams(body).get('email') ?? '').trim().toLowerCase();
        const sub = [...people.keys()].find((k) => people.get(k)!.email.toLowerCase() === email);
        if (!sub) {
          await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown user' }, { mergeWithLastSubmission: false });
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
      } catch (e) {
        res.statusCode = 500;
        res.end(String(e));
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    people,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
