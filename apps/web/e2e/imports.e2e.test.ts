/**
 * Importing deals from the browser on the demo workspace: an admin uploads a CSV
 * that is neither a Salesforce nor a HubSpot export, maps its columns and two of
 * its stages on the Import page, checks the first rows, starts the import and
 * reads its result; the deals show in the deal list; then the import is undone
 * and they are gone again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DealSummary, ImportDetail, SessionResponse } from '@tandem/contracts';
import { describeE2E, expectAccessible, launchBrowser, screenshotsOnFailure, startServer, submitSignIn, type TandemServer } from './harness.ts';

const SLUG = 'northwind';
const ADMIN = { email: 'dana@northwind.example', password: 'tandem-demo-2026' };

// Semicolons, a decimal comma and day/month/year dates, as a European spreadsheet saves them.
// Line 5 has an amount that is not one: it is reported and skipped, the five others are imported.
const CSV = [
  'Deal Ref;Customer;Net Value;Pipeline Step;Expected On;Region',
  'IMP-1001;Hooli Analytics;48000;Pilot;15/03/2026;EMEA',
  'IMP-1002;Initech;12500,50;Verbal Yes;28/02/2026;NA',
  'IMP-1003;Vandelay Industries;7300;Signed;13/01/2026;EMEA',
  'IMP-1004;Pied Piper;abc;Pilot;20/04/2026;NA',
  'IMP-1005;Soylent Corp;91000;Lost to competitor;17/12/2025;APAC',
  'IMP-1006;Umbrella Health;22000;Pilot;31/05/2026;EMEA',
].join('\n');

// A Salesforce report whose ids were retyped by hand: every 18-character id has the wrong last three characters.
const RETYPED = [
  '"Opportunity ID","Opportunity Name","Account Name","Amount","Close Date","Stage"',
  ...['0065g00000AbCdEZZZ', '0065g00000XyZwQZZZ', '0065g00000QqQqQZZZ', '0065g00000RrRrRZZZ'].map(
    (id) => `"${id}","Retyped ${id}","Retyped Inc","$1,000.00","1/31/2026","Prospecting"`,
  ),
].join('\n');

describeE2E('Importing deals in the browser', () => {
  let server: TandemServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  const { watch } = screenshotsOnFailure();

  async function dealCount(): Promise<number> {
    const res = await context.request.get(`/api/v1/workspaces/${SLUG}/deals/summary`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as DealSummary).total.count;
  }

  /** The field a column of the file fills, chosen in the mapping table. */
  async function mapColumn(column: string, field: RegExp) {
    await page.getByRole('combobox', { name: `Field for column ${column}` }).click();
    await page.getByRole('option', { name: field }).click();
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-import-e2e-'));
    fs.writeFileSync(path.join(dir, 'pipeline-export.csv'), CSV);
    fs.writeFileSync(path.join(dir, 'retyped-ids.csv'), RETYPED);
    server = await startServer({ demo: true });
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    page = watch(await context.newPage(), 'admin');
    await page.goto('/login');
    await submitSignIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(`**/w/${SLUG}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('upload a generic CSV, map its columns, import it, see the deals, undo it', async () => {
    const before = await dealCount();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import deals', exact: true }).waitFor();
    await page.getByText('No imports yet').waitFor();
    await page.locator('input[type=file]').setInputFiles(path.join(dir, 'pipeline-export.csv'));

    // Uploaded, not imported: the review page of the pending import.
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    const importUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'Review pipeline-export.csv' }).waitFor();
    await page.getByText('Not a Salesforce report or a HubSpot export: map its columns in step 2.').waitFor();
    expect(await page.getByRole('radio', { name: 'Other CSV' }).isChecked()).toBe(true);
    // "Customer" plainly names the account; the rest is for the person to say.
    await expect.poll(() => page.getByRole('combobox', { name: 'Field for column Customer' }).inputValue()).toBe('Account');
    const start = page.getByRole('button', { name: 'Start import' });
    await page.getByText('Choose the column for Deal ID and Stage.').waitFor();
    expect(await start.isDisabled()).toBe(true);

    await mapColumn('Deal Ref', /^Deal ID/);
    await mapColumn('Net Value', /^Amount/);
    await mapColumn('Pipeline Step', /^Stage/);
    await mapColumn('Expected On', /^Close date/);

    // The file's own stages: two of them mean won and lost; "Pilot" and "Verbal Yes" stay open.
    await page.getByRole('combobox', { name: 'Status of stage Signed' }).click();
    await page.getByRole('option', { name: 'Won', exact: true }).click();
    await page.getByRole('combobox', { name: 'Status of stage Lost to competitor' }).click();
    await page.getByRole('option', { name: 'Lost', exact: true }).click();

    // The preview reads the rows as the import would: day/month/year dates, one bad amount.
    await page.getByText('Detected: day/month/year').waitFor();
    await page.getByText('1 row of the first 6 cannot be imported and would be skipped.').waitFor();
    const rows = page.getByRole('table', { name: 'First rows of the file' });
    await rows.locator('td[aria-invalid="true"]', { hasText: 'abc' }).waitFor();
    await page.getByRole('list', { name: 'Problems in the first rows' }).getByText('"abc" is not an amount').waitFor();

    await expect.poll(() => start.isEnabled()).toBe(true);
    await start.click();

    // Runs in the background; the page follows it to the result.
    const result = page.getByRole('list', { name: 'Import result' });
    await result.waitFor({ timeout: 60_000 });
    await page.getByText('Completed', { exact: true }).first().waitFor();
    for (const [label, n] of [['Created', 5], ['Updated', 0], ['Unchanged', 0], ['Removed', 0], ['Invalid', 1]] as const) {
      await result.getByRole('listitem', { name: `${label}: ${n}` }).waitFor();
    }
    const apiPath = `/api/v1/workspaces/${SLUG}${importUrl.replace(`/w/${SLUG}`, '')}`;
    const href = await page.getByRole('link', { name: 'Download rejected rows (CSV)' }).getAttribute('href');
    expect(href).toBe(`${apiPath}/rejected.csv`);
    const rejected = await context.request.get(href!);
    expect(rejected.status()).toBe(200);
    expect(await rejected.text()).toContain('IMP-1004');
    await page.getByRole('table', { name: 'Rows not imported' }).getByText('"abc" is not an amount').waitFor();
    // "Pilot" and "Verbal Yes" are not known to the workspace: reported, with the way to map them.
    await page.getByText('Stages Tandem does not know').waitFor();
    await page.getByRole('link', { name: 'Map these stages' }).waitFor();

    // The server counted the same.
    const detail = (await (await context.request.get(apiPath)).json()) as ImportDetail;
    expect(detail.result).toMatchObject({ created: 5, invalid: 1 });
    expect(detail.result!.unknownStages.map((s) => s.stage).sort()).toEqual(['Pilot', 'Verbal Yes']);

    // In the deal list: the imported deals, with the stages the mapping gave them.
    await page.getByRole('link', { name: 'View deals' }).click();
    await page.getByRole('heading', { name: 'Deals', exact: true }).waitFor();
    await page.getByText(`of ${(before + 5).toLocaleString('en-US')} deals`).waitFor();
    await page.goto(`/w/${SLUG}/deals?stage=Pilot`);
    const deals = page.getByRole('table', { name: 'Deals' });
    await deals.getByText('Hooli Analytics').first().waitFor();
    await deals.getByText('Umbrella Health').first().waitFor();
    expect(await dealCount()).toBe(before + 5);

    // Back to the import, and undo it.
    await page.goto(importUrl);
    await page.getByRole('button', { name: 'Undo import' }).click();
    const confirm = page.getByRole('dialog', { name: 'Undo this import?' });
    await confirm.getByText('the 5 deals it created are deleted,').waitFor();
    await confirm.getByRole('button', { name: 'Undo import' }).click();
    await page.getByText(/^Undone /).waitFor();
    await page.getByText('Undone', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Undo import' }).count()).toBe(0);

    // The deals are gone from the list.
    await page.goto(`/w/${SLUG}/deals`);
    await page.getByText(`of ${before.toLocaleString('en-US')} deals`).waitFor();
    await page.goto(`/w/${SLUG}/deals?stage=Pilot`);
    await page.getByText('No deals match these filters').waitFor();
    expect(await page.getByText('Hooli Analytics').count()).toBe(0);
    expect(await dealCount()).toBe(before);

    // The history keeps the import, marked undone, with what it had done.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
    const row = page.getByRole('row', { name: /pipeline-export\.csv/ });
    await row.getByText('Undone').waitFor();
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('5');
  });

  test('a file none of whose rows can be imported: the preview says so and why, and offers no start', async () => {
    const before = await dealCount();
    await page.goto(`/w/${SLUG}/imports`);
    await page.getByRole('heading', { name: 'Import deals', exact: true }).waitFor();
    await page.locator('input[type=file]').setInputFiles(path.join(dir, 'retyped-ids.csv'));
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    const importUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'Review retyped-ids.csv' }).waitFor();
    // A Salesforce report (after the test above, the page may offer the "Other CSV" remembered for this workspace).
    if (!(await page.getByRole('radio', { name: 'Salesforce' }).isChecked())) await page.locator('label', { hasText: /^Salesforce$/ }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Salesforce' }).isChecked()).toBe(true);

    const alert = page.getByRole('alert').filter({ hasText: 'Nothing would be imported' });
    await alert.getByText(/None of the 4 rows of this file can be imported/).waitFor();
    const reasons = alert.getByRole('list', { name: 'Why no row can be imported' });
    await reasons.getByText('4 rows, column “Opportunity ID”:').waitFor();
    await reasons.getByText(/is not a valid Salesforce id/).waitFor();
    // The way on is another file; starting is not offered.
    await page.getByRole('button', { name: 'Discard and upload another file' }).waitFor();
    expect(await page.getByRole('button', { name: /^Start/ }).count()).toBe(0);
    await expectAccessible(page, 'admin, nothing to import');

    // Called anyway with the choices the page shows (a Salesforce report), the API refuses it, and nothing changes.
    const apiPath = `/api/v1/workspaces/${SLUG}${importUrl.replace(`/w/${SLUG}`, '')}`;
    const { csrfToken } = (await (await context.request.get('/api/v1/auth/session')).json()) as SessionResponse;
    const refused = await context.request.post(`${apiPath}/start`, { data: { format: 'salesforce' }, headers: { 'X-CSRF-Token': csrfToken } });
    expect(refused.status()).toBe(422);
    expect(await refused.json()).toMatchObject({ code: 'IMPORT_NOTHING_TO_IMPORT' });
    expect(await dealCount()).toBe(before);

    // A dry run of it (allowed: it changes nothing) ends red, never as a green "Completed".
    const dry = await context.request.post(`${apiPath}/start`, { data: { format: 'salesforce', dryRun: true }, headers: { 'X-CSRF-Token': csrfToken } });
    expect(dry.status()).toBe(202);
    await page.reload();
    await page.getByRole('list', { name: 'Import result' }).getByRole('listitem', { name: 'Invalid: 4' }).waitFor({ timeout: 60_000 });
    await page.getByRole('alert').filter({ hasText: 'Nothing would be imported' }).getByText(/Every one of the 4 rows/).waitFor();
    await page.getByText('Nothing to import', { exact: true }).first().waitFor();
    expect(await page.getByText('Completed', { exact: true }).count()).toBe(0);
    await expectAccessible(page, 'admin, nothing imported');
    expect(await dealCount()).toBe(before);
  });
});
