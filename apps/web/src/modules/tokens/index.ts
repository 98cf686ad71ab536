/**
 * Personal API tokens in the web app: the page (loaded on demand by the router) where
 * people create and revoke their own tokens. No other module reads them; the key factory
 * is the surface, for anything that must refresh the list.
 */
export { tokensKeys } from './hooks/tokens.keys.ts';
