import * as alignment from './endpoints/alignment.ts';
import * as attribution from './endpoints/attribution.ts';
import * as audit from './endpoints/audit.ts';
import * as deals from './endpoints/deals.ts';
import * as decisions from './endpoints/decisions.ts';
import * as feedback from './endpoints/feedback.ts';
import * as goals from './endpoints/goals.ts';
import * as imports from './endpoints/imports.ts';
import * as library from './endpoints/library.ts';
import * as meetings from './endpoints/meetings.ts';
import * as notifications from './endpoints/notifications.ts';
import * as people from './endpoints/people.ts';
import * as requests from './endpoints/requests.ts';
import * as sso from './endpoints/sso.ts';
import * as workspaces from './endpoints/workspaces.ts';

/**
 * The whole endpoint table, by module. The server registers every API route from a row here
 * (a test checks that none is missing and none is extra). Each module's rows live in
 * `endpoints/<module>.ts` as separate exports, imported as a namespace, so a web chunk keeps only
 * the rows (and schemas) it calls.
 */
export const ENDPOINTS = { attribution, alignment, audit, deals, decisions, feedback, goals, imports, library, meetings, notifications, people, requests, sso, workspaces };
