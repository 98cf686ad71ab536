import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, setupAdmin, type Client, type Harness } from '../../../test/app-harness.ts';
import { cliActor } from '../../lib/context.ts';
import { lossReasonCategory } from './reading/loss-reason.ts';

describe('loss reason categories', () => {
  it('maps the stated reason by keywords, first match in a fixed order', () => {
    expect(lossReasonCategory('Too expensive')).toBe('price');
    expect(lossReasonCategory('Lost to Kestrel on price')).toBe('price');
    expect(lossReasonCategory('Missing SSO / SCIM')).toBe('product_gap');
    expect(lossReasonCategory('Went with competitor')).toBe('competitor');
    expect(lossReasonCategory('Budget frozen until next year')).toBe('price');
    expect(lossReasonCategory('Postponed to next year')).toBe('timing');
    expect(lossReasonCategory('No decision - status quo')).toBe('no_decision');
    expect(lossReasonCategory('Champion left the company')).toBe('other');
    expect(lossReasonCategory('   ')).toBeNull();
    expect(lossReasonCategory(null)).toBeNull();
  });
});

describe('loss reasons on deal imports', () => {
  let h: Harness;
  let admin: Client;
  let wsId: string;
  let tmp: string;
  beforeAll(async () => {
    h = await createHarness();
    admin = await setupAdmin(h.app);
    wsId = (await call(h.app, admin, 'GET', '/api/v1/workspaces/acme')).json().id;
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-loss-'));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });
  const run = async (name: string, text: string, format: 'salesforce' | 'hubspot') => {
    const file = path.join(tmp, name);
    await fs.writeFile(file, text);
    return h.services.imports.runFile({ workspaceId: wsId, actor: cliActor('test') }, file, { kind: 'deals', format });
  };
  const deals = async (source: string) =>
    (
      await h.services.deps.database.pool.query(
        'select left(external_id, 15) as external_id, stage_category, reason, loss_reason_category from deals where workspace_id = $1 and source = $2 order by 1',
        [wsId, source],
      )
    ).rows.map((r) => [r.external_id, r.stage_category, r.reason, r.loss_reason_category]);

  it('keeps the Salesforce "Loss Reason" text and its category on lost deals only; undo puts the category back', async () => {
    const header = '"Opportunity ID","Opportunity Name","Amount","Close Date","Stage","Loss Reason"\n';
    const first = await run(
      'sf.csv',
      header +
        '"0060000000000LA","A","100","2026-03-01","Closed Lost","Too expensive"\n' +
        '"0060000000000LB","B","100","2026-03-01","Closed Lost","Missing SSO"\n' +
        '"0060000000000LC","C","100","2026-03-01","Closed Won","Best price"\n' +
        '"0060000000000LD","D","100","2026-03-01","Closed Lost",""\n',
      'salesforce',
    );
    expect(first).toMatchObject({ created: 4, invalid: 0 });
    expect(await deals('salesforce')).toEqual([
      ['0060000000000LA', 'lost', 'Too expensive', 'price'],
      ['0060000000000LB', 'lost', 'Missing SSO', 'product_gap'],
      ['0060000000000LC', 'won', 'Best price', null],
      ['0060000000000LD', 'lost', null, null],
    ]);
    const second = await run('sf2.csv', header + '"0060000000000LA","A","100","2026-03-01","Closed Lost","Chose a competitor"\n', 'salesforce');
    expect(await deals('salesforce')).toContainEqual(['0060000000000LA', 'lost', 'Chose a competitor', 'competitor']);
    const undo = await call(h.app, admin, 'POST', `/api/v1/workspaces/acme/imports/${second.importId}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await deals('salesforce')).toContainEqual(['0060000000000LA', 'lost', 'Too expensive', 'price']);
  });

  it('reads HubSpot "Closed lost reason"', async () => {
    const out = await run(
      'hs.csv',
      '"Record ID","Deal Name","Amount","Close Date","Deal Stage","Closed lost reason"\n"9001","X","50","2026-03-01","Closed lost","Went dark, no decision"\n',
      'hubspot',
    );
    expect(out).toMatchObject({ created: 1, invalid: 0 });
    expect(await deals('hubspot')).toEqual([['9001', 'lost', 'Went dark, no decision', 'no_decision']]);
  });
});
