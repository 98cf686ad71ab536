import * as oidc from 'openid-client';

/**
 * The OpenID Connect client (openid-client): discovery, the authorization URL with PKCE, state and nonce, and the
 * code exchange that checks them all and the ID token. Database-free; the service decides what a result means.
 */
export interface OidcClientConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Seconds to wait for the provider before saying it does not answer. */
const TIMEOUT_SECONDS = 8;
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

export class IssuerUnreachable extends Error {}

export async function discover(c: OidcClientConfig): Promise<oidc.Configuration> {
  try {
    return await oidc.discovery(new URL(c.issuerUrl), c.clientId, c.clientSecret, undefined, {
      timeout: TIMEOUT_SECONDS,
      // Plain http only for a provider on this machine (the contract refuses it elsewhere).
      ...(LOOPBACK.test(c.issuerUrl) ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  } catch (e) {
    throw new IssuerUnreachable(describe(e));
  }
}

function describe(e: unknown): string {
  const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${TIMEOUT_SECONDS} s`;
  return err.cause?.code ?? err.cause?.message ?? err.code ?? err.message ?? 'unknown error';
}

export interface AuthorizationChecks {
  state: string;
  nonce: string;
  verifier: string;
}

export async function authorizationRequest(config: oidc.Configuration, redirectUri: string): Promise<{ url: URL; checks: AuthorizationChecks }> {
  const verifier = oidc.randomPKCECodeVerifier();
  const checks = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: checks.state,
    nonce: checks.nonce,
  });
  return { url, checks };
}

export interface ProviderPerson {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean | undefined;
  name: string | undefined;
}

/** Exchanges the code (state, PKCE verifier and nonce checked; the ID token's signature, issuer, audience and expiry too). */
export async function exchangeCode(config: oidc.Configuration, callbackUrl: URL, checks: AuthorizationChecks): Promise<ProviderPerson> {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.verifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  let claims: Record<string, unknown> & { iss: string; sub: string } = tokens.claims()!;
  // Some providers (Entra ID among them) leave email and name out of the ID token: ask the userinfo endpoint.
  if (typeof claims.email !== 'string' && config.serverMetadata().userinfo_endpoint) {
    claims = { ...claims, ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), iss: claims.iss, sub: claims.sub };
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const given = [str(claims.given_name), str(claims.family_name)].filter(Boolean).join(' ');
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: str(claims.email)?.toLowerCase(),
    emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : undefined,
    name: str(claims.name) ?? (given || undefined),
  };
}
