import { auditEndpoints } from './audit.ts';
import { dealsEndpoints } from './deals.ts';
import { feedbackEndpoints } from './feedback.ts';
import { importsEndpoints } from './imports.ts';
import { notificationsEndpoints } from './notifications.ts';
import { workspacesEndpoints } from './workspaces.ts';

/**
 * The whole endpoint table, by module. The server registers every API route from a row here
 * (a test checks that none is missing and none is extra); the web app imports each module's
 * table on its own, so a page's chunk carries only the rows it calls.
 */
export const ENDPOINTS = {
  audit: auditEndpoints,
  deals: dealsEndpoints,
  feedback: feedbackEndpoints,
  imports: importsEndpoints,
  notifications: notificationsEndpoints,
  workspaces: workspacesEndpoints,
};
