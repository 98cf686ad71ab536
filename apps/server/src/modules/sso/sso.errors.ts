import { AppError, defineError } from '../../lib/app-error.ts';

/** Every error of the single sign-on domain. Failures during a browser's sign-in are redirects (SSO_FAILURES), not these. */
export const SsoErrors = {
  issuerUnreachable: (issuer: string, why: string) =>
    new AppError(
      'SSO_ISSUER_UNREACHABLE',
      400,
      'The identity provider did not answer',
      `${issuer} did not answer with an OpenID configuration (${why}). Check the issuer URL; nothing was saved.`,
      { errors: [{ path: 'body.issuerUrl', message: `no OpenID configuration at ${issuer} (${why})` }] },
    ),
  secretRequired: () =>
    new AppError('VALIDATION_FAILED', 400, 'The request is not valid', 'body.clientSecret: enter the client secret', {
      errors: [{ path: 'body.clientSecret', message: 'enter the client secret' }],
    }),
  notEnabled: defineError('SSO_NOT_ENABLED', 404, 'No single sign-on', (slug: string) => `Workspace ${slug} has no single sign-on turned on.`),
};
