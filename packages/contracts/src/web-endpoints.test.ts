/**
 * The web app's copy of the endpoint table (web-endpoints/, generated) says what the table says:
 * the same rows, each with the same method, path and access — and it is up to date.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from './endpoints.ts';
import * as alignment from './web-endpoints/alignment.ts';
import * as attribution from './web-endpoints/attribution.ts';
import * as audit from './web-endpoints/audit.ts';
import * as deals from './web-endpoints/deals.ts';
import * as decisions from './web-endpoints/decisions.ts';
import * as feedback from './web-endpoints/feedback.ts';
import * as goals from './web-endpoints/goals.ts';
import * as imports from './web-endpoints/imports.ts';
import * as library from './web-endpoints/library.ts';
import * as meetings from './web-endpoints/meetings.ts';
import * as notifications from './web-endpoints/notifications.ts';
import * as people from './web-endpoints/people.ts';
import * as requests from './web-endpoints/requests.ts';
import * as sso from './web-endpoints/sso.ts';
import * as workspaces from './web-endpoints/workspaces.ts';

const WEB = { attribution, alignment, audit, deals, decisions, feedback, goals, imports, library, meetings, notifications, people, requests, sso, workspaces };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('the web endpoint tables', () => {
  it('have every row of the endpoint table with its method, path and access, and no other', () => {
    expect(Object.keys(WEB).sort()).toEqual(Object.keys(ENDPOINTS).sort());
    for (const [module, table] of Object.entries(ENDPOINTS)) {
      const web = WEB[module as keyof typeof WEB] as Record<string, unknown>;
      expect(Object.keys(web).sort(), module).toEqual(Object.keys(table).sort());
      for (const [name, e] of Object.entries(table)) {
        expect(web[name], `${module}.${name}`).toEqual({ method: e.method, path: e.path, access: e.access });
      }
    }
  });

  it('are what the generator writes now', () => {
    expect(() => execFileSync(process.execPath, [path.join(root, 'scripts/gen-web-endpoints.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
