import { auditEndpoints } from './audit.ts';

/**
 * The whole endpoint table, by module. The server registers every API route from a row here
 * (a test checks that none is missing and none is extra); the web app imports each module's
 * table on its own, so a page's chunk carries only the rows it calls.
 */
export const ENDPOINTS = {
  audit: auditEndpoints,
};
