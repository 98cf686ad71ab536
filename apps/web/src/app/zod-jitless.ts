import { config } from 'zod';

/**
 * Zod compiles fast parsers with `new Function` unless told not to. The Content-Security-Policy
 * allows no eval (script-src 'self'), so the probe would be refused and reported as a violation on
 * every page; the interpreted parsers are fast enough for forms. Imported first by main.tsx, so it
 * runs before any schema is built.
 */
config({ jitless: true });
