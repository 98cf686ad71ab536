import { SSO_PROVIDER_LABELS, type SsoFailure, type SsoSettings, type SsoSignInOption, type UpdateSsoSettingsRequest } from '@tandem/contracts';
import type { z } from 'zod';
import type { TenantContext } from '../../lib/context.ts';
import type { Deps } from '../../lib/deps.ts';
import type { ClientMeta, ExternalSignIn, ExternalSignInResult } from '../workspaces/index.ts';
import { authorizationRequest, discover, exchangeCode, IssuerUnreachable, type AuthorizationChecks, type OidcClientConfig } from './oidc.ts';
import { seal, unseal } from './secret-box.ts';
import { SsoErrors as E } from './sso.errors.ts';
import { ssoRepository, type SsoSettingsRow } from './sso.repository.ts';

const SECRET_PURPOSE = 'sso-client-secret';
const STATE_PURPOSE = 'sso-state';
/** How long a started sign-in may take at the provider. */
export const STATE_TTL_MS = 10 * 60_000;

/** What the browser carries between start and callback, sealed in a cookie: which workspace, and the checks. */
interface PendingSignIn extends AuthorizationChecks {
  slug: string;
  expiresAt: number;
}

export type CallbackOutcome = { ok: true; slug: string; session: Extract<ExternalSignInResult, { kind: 'signed-in' }> } | { ok: false; slug: string | undefined; failure: SsoFailure };

export function createSsoService(deps: Deps, externalSignIn: ExternalSignIn) {
  const { db } = deps.database;
  const redirectUri = `${deps.config.publicUrl}/api/v1/sso/callback`;

  function clientOf(row: SsoSettingsRow): OidcClientConfig | undefined {
    const clientSecret = unseal(deps.secret, SECRET_PURPOSE, row.clientSecretSealed);
    return clientSecret === undefined ? undefined : { issuerUrl: row.issuerUrl, clientId: row.clientId, clientSecret };
  }

  function toDto(slug: string, row: SsoSettingsRow | undefined): SsoSettings {
    return {
      configured: !!row,
      enabled: row?.enabled ?? false,
      provider: row?.provider ?? 'okta',
      displayName: row?.displayName ?? SSO_PROVIDER_LABELS.okta,
      issuerUrl: row?.issuerUrl ?? '',
      clientId: row?.clientId ?? '',
      hasClientSecret: !!row,
      allowedDomains: row?.allowedDomains ?? [],
      defaultRole: row?.defaultRole ?? 'sales',
      ssoOnly: row?.ssoOnly ?? false,
      redirectUri,
      signInUrl: `${deps.config.publicUrl}/login?workspace=${encodeURIComponent(slug)}`,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }

  return {
    async settings(t: TenantContext): Promise<SsoSettings> {
      return toDto(t.slug, await ssoRepository.settings(db, t.workspaceId));
    },

    /** Saves the provider after its discovery document answered (nothing is saved when it does not). */
    async updateSettings(t: TenantContext, input: z.output<typeof UpdateSsoSettingsRequest>): Promise<SsoSettings> {
      const current = await ssoRepository.settings(db, t.workspaceId);
      const clientSecret = input.clientSecret ?? (current && clientOf(current)?.clientSecret);
      if (!clientSecret) throw E.secretRequired();
      try {
        await discover({ issuerUrl: input.issuerUrl, clientId: input.clientId, clientSecret });
      } catch (e) {
        if (e instanceof IssuerUnreachable) throw E.issuerUnreachable(input.issuerUrl, e.message);
        throw e;
      }
      const saved = await db.transaction(async (tx) => {
        const row = await ssoRepository.save(tx, {
          workspaceId: t.workspaceId,
          enabled: input.enabled,
          provider: input.provider,
          displayName: input.displayName || SSO_PROVIDER_LABELS[input.provider],
          issuerUrl: input.issuerUrl,
          clientId: input.clientId,
          clientSecretSealed: input.clientSecret ? seal(deps.secret, SECRET_PURPOSE, input.clientSecret) : current!.clientSecretSealed,
          allowedDomains: [...new Set(input.allowedDomains)],
          defaultRole: input.defaultRole,
          ssoOnly: input.ssoOnly,
        });
        await deps.audit(tx, t.workspaceId, t.actor, {
          action: 'sso.settings_updated',
          targetType: 'workspace',
          targetId: t.workspaceId,
          details: {
            enabled: row.enabled,
            issuerUrl: row.issuerUrl,
            ssoOnly: row.ssoOnly,
            defaultRole: row.defaultRole,
            allowedDomains: row.allowedDomains,
            secretChanged: !!input.clientSecret,
          },
        });
        return row;
      });
      return toDto(t.slug, saved);
    },

    async signInOption(slug: string): Promise<SsoSignInOption> {
      const found = await ssoRepository.bySlug(db, slug);
      if (!found?.settings?.enabled) throw E.notEnabled(slug);
      return {
        workspace: found.workspace,
        label: `Sign in with ${found.settings.displayName}`,
        startUrl: `/api/v1/sso/${encodeURIComponent(slug)}/start`,
        ssoOnly: found.settings.ssoOnly,
      };
    },

    /** The provider's authorization URL and the sealed state for the browser's cookie; or why not. */
    async start(slug: string): Promise<{ ok: true; url: string; pending: string } | { ok: false; failure: SsoFailure }> {
      const found = await ssoRepository.bySlug(db, slug);
      const client = found?.settings?.enabled ? clientOf(found.settings) : undefined;
      if (!client) return { ok: false, failure: 'off' };
      let config;
      try {
        config = await discover(client);
      } catch (e) {
        if (e instanceof IssuerUnreachable) {
          deps.log.warn({ slug, issuer: client.issuerUrl, why: e.message }, 'single sign-on: the issuer did not answer');
          return { ok: false, failure: 'unreachable' };
        }
        throw e;
      }
      const { url, checks } = await authorizationRequest(config, redirectUri);
      const pending: PendingSignIn = { ...checks, slug, expiresAt: Date.now() + STATE_TTL_MS };
      return { ok: true, url: url.href, pending: seal(deps.secret, STATE_PURPOSE, JSON.stringify(pending)) };
    },

    /**
     * The provider sent the browser back. Checks state (against the sealed cookie), PKCE and nonce, the ID token,
     * the email domain and the person's membership; then signs in (creating the person on first sign-in).
     */
    async callback(search: string, sealedPending: string | undefined, meta: ClientMeta): Promise<CallbackOutcome> {
      // The URL the provider redirected to: the token request repeats it as redirect_uri.
      const callbackUrl = new URL(`${redirectUri}${search}`);
      const raw = sealedPending && unseal(deps.secret, STATE_PURPOSE, sealedPending);
      const pending = raw ? (JSON.parse(raw) as PendingSignIn) : undefined;
      if (!pending || pending.expiresAt < Date.now()) return { ok: false, slug: pending?.slug, failure: 'state' };
      const { slug } = pending;
      if (callbackUrl.searchParams.get('state') !== pending.state) return { ok: false, slug, failure: 'state' };
      if (callbackUrl.searchParams.has('error')) return { ok: false, slug, failure: 'provider' };
      const found = await ssoRepository.bySlug(db, slug);
      const settings = found?.settings;
      const client = settings?.enabled ? clientOf(settings) : undefined;
      if (!found || !settings || !client) return { ok: false, slug, failure: 'off' };

      let person;
      try {
        person = await exchangeCode(await discover(client), callbackUrl, pending);
      } catch (e) {
        if (e instanceof IssuerUnreachable) return { ok: false, slug, failure: 'unreachable' };
        deps.log.info({ slug, err: (e as Error).message, code: (e as { code?: string }).code }, 'single sign-on refused by the code exchange');
        return { ok: false, slug, failure: 'provider' };
      }
      if (!person.email || person.emailVerified === false) return { ok: false, slug, failure: 'email' };
      const domain = person.email.split('@')[1] ?? '';
      if (!settings.allowedDomains.includes(domain)) {
        deps.log.info({ slug, domain }, 'single sign-on refused: email domain not allowed');
        return { ok: false, slug, failure: 'domain' };
      }

      const workspaceId = found.workspace.id;
      const result = await db.transaction(async (tx) => {
        const linked = await ssoRepository.linkedUser(tx, workspaceId, person.issuer, person.subject);
        // A workspace's provider speaks for its own workspace only: an account that also belongs to a workspace not
        // signing in through the same issuer is not taken over by email (its admin could otherwise sign in as anyone
        // of any workspace by naming their email), and a linked one keeps its name and email, which others rely on.
        const existing = linked ?? (await ssoRepository.userIdByEmail(tx, person.email!));
        const beyond = existing ? await ssoRepository.workspacesBeyondIssuer(tx, existing, workspaceId, settings.issuerUrl) : [];
        if (beyond.length && !linked) {
          deps.log.info({ slug, userId: existing, workspaces: beyond }, 'single sign-on refused: the account belongs to workspaces this provider does not sign in');
          return { kind: 'elsewhere' } as const;
        }
        const r = await externalSignIn.signIn(
          tx,
          { workspaceId, email: person.email!, name: person.name ?? person.email!.split('@')[0]!, role: settings.defaultRole },
          linked,
          meta,
          { followProvider: beyond.length === 0 },
        );
        if (r.kind === 'signed-in') await ssoRepository.link(tx, { workspaceId, issuer: person.issuer, subject: person.subject, userId: r.user.id });
        return r;
      });
      if (result.kind === 'signed-in') return { ok: true, slug, session: result };
      return { ok: false, slug, failure: result.kind === 'email-taken' ? 'conflict' : result.kind };
    },

  };
}

export type SsoService = ReturnType<typeof createSsoService>;
