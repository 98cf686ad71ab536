/** The demo's files: PDFs written from published assets' text, each with a thumbnail. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, setupAdmin, type Client, type Harness } from '../../../../test/app-harness.ts';
import { plainLines, seedAssetFilesDemo } from './files.demo.ts';

let h: Harness;
let admin: Client;
let ws: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await setupAdmin(h.app);
  ws = (await h.services.deps.database.pool.query(`select id from workspaces where slug = 'acme'`)).rows[0].id as string;
});
afterAll(async () => h?.close());

describe('seedAssetFilesDemo', () => {
  it('adds a PDF with a thumbnail to published battlecards, as their owner', async () => {
    const me = (await h.services.deps.database.pool.query(`select id from users where email = 'ada@acme.test'`)).rows[0].id as string;
    const insert = (title: string, type: string, status: string) =>
      h.services.deps.database.pool.query(
        `insert into assets (workspace_id, title, type, status, body, owner_user_id) values ($1, $2, $3, $4, $5, $6) returning id`,
        [ws, title, type, status, '# Why we win\n\n- **Native** CRM sync\n- Price: 30 % lower', me],
      );
    const card = (await insert('Snowflake battlecard', 'battlecard', 'published')).rows[0].id as string;
    await insert('Draft card', 'battlecard', 'draft');
    await insert('Talk track', 'talk_track', 'published');
    expect(await seedAssetFilesDemo(h.services.deps, ws, 'acme')).toEqual({ files: 1 });
    const list = (await call(h.app, admin, 'GET', `/api/v1/workspaces/acme/assets/${card}/files`)).json();
    expect(list.items).toMatchObject([{ fileName: 'Snowflake battlecard.pdf', kind: 'pdf', hasThumbnail: true, uploadedBy: { name: 'Ada Admin' } }]);
  });

  it('writes Markdown as plain wrapped lines', () => {
    expect(plainLines(`## Pricing\n\n- **Team**: [see](http://x) \`49\`\n\n\n${'word '.repeat(30)}`)).toEqual([
      'Pricing',
      '',
      '- Team: see 49',
      '',
      `${'word '.repeat(17).trimEnd()}`,
      `  ${'word '.repeat(13).trimEnd()}`,
    ]);
  });
});
