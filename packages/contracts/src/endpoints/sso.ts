import { WorkspaceParam, endpoint } from '../endpoint.ts';
import { SsoCallbackQuery, SsoSettings, SsoSignInOption, SsoSlugParam, UpdateSsoSettingsRequest } from '../sso.ts';

/** The single sign-on module's rows of the endpoint table (see ../endpoint.ts). */
const SSO = 'single sign-on';

export const settings = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/sso',
  summary: "The workspace's OpenID Connect provider (never its client secret)",
  tag: SSO,
  access: { action: 'workspace.update' },
  params: WorkspaceParam,
  response: SsoSettings,
});

export const updateSettings = endpoint({
  method: 'PUT',
  path: '/workspaces/:workspace/sso',
  summary: "Save the workspace's OpenID Connect provider (its discovery document is fetched first)",
  tag: SSO,
  access: { action: 'workspace.update' },
  sessionOnly: true,
  params: WorkspaceParam,
  body: UpdateSsoSettingsRequest,
  response: SsoSettings,
});

export const signInOption = endpoint({
  method: 'GET',
  path: '/sso/:slug',
  summary: "A workspace's single sign-on button, when it has one on",
  tag: SSO,
  access: 'public',
  params: SsoSlugParam,
  response: SsoSignInOption,
});

export const start = endpoint({
  method: 'GET',
  path: '/sso/:slug/start',
  summary: "Starts single sign-on: redirects to the workspace's provider (PKCE, state and nonce)",
  tag: SSO,
  access: 'public',
  params: SsoSlugParam,
  produces: 'text/html',
});

export const callback = endpoint({
  method: 'GET',
  path: '/sso/callback',
  summary: 'Where the provider sends the browser back: signs in and redirects to the workspace, or to the sign-in page saying why not',
  tag: SSO,
  access: 'public',
  query: SsoCallbackQuery,
  produces: 'text/html',
});
