/**
 * Deals as people use them on the demo workspace (Northwind Cloud): a rep filters
 * the list to won deals, the filter survives a reload (so the link can be shared),
 * opens a deal and reads its stage history; an admin changes a stage's probability
 * and sees how many deals were recomputed, and the list shows the new probability.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DealSummary } from '@tandem/contracts';
import { describeE2E, launchBrowser, screenshotsOnFailure, startServer, submitSignIn, type TandemServer } from './harness.ts';

const SLUG = 'northwind';
const PASSWORD = 'tandem-demo-2026';

describeE2E('Deals in the browser', () => {
  let server: TandemServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const { watch } = screenshotsOnFailure();

  async function signedIn(email: string, label: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = watch(await context.newPage(), label);
    await page.goto('/login');
    await submitSignIn(page, email, PASSWORD);
    await page.waitForURL(`**/w/${SLUG}`);
    return page;
  }

  async function summary(page: Page, query = ''): Promise<DealSummary> {
    const res = await page.context().request.get(`/api/v1/workspaces/${SLUG}/deals/summary${query}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as DealSummary;
  }

  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  test('a rep filters to won deals, shares the view by its link, and reads a deal’s stage history', async () => {
    const page = await signedIn('sofia@northwind.example', 'rep');
    const won = (await summary(page)).byStatus.find((s) => s.status === 'won')!.count;
    expect(won).toBeGreaterThan(50);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deals' }).click();
    await page.getByRole('heading', { name: 'Deals', exact: true }).waitFor();
    await page.getByText(/^Showing 50 of 1,000 deals$/).waitFor();

    await page.getByRole('group', { name: 'Status' }).getByText('Won', { exact: true }).click();
    await page.waitForURL(/[?&]status=won\b/);
    await page.getByText(new RegExp(`^Showing 50 of ${won} deals$`)).waitFor();
    const table = page.getByRole('table', { name: 'Deals' });
    await expect.poll(() => table.getByText('Closed Lost').count()).toBe(0);
    expect(await table.getByText('Closed Won').count()).toBe(50);
    // The totals follow the filter: no open pipeline, and no win rate without lost deals.
    await page.getByRole('group', { name: 'Open pipeline' }).getByText('Not in the status filter').waitFor();
    await page.getByRole('group', { name: 'Win rate' }).getByText('Include won and lost deals to see it').waitFor();

    // The filtered view is in the address: opening it again shows the same deals.
    await page.reload();
    await page.getByText(new RegExp(`^Showing 50 of ${won} deals$`)).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Won' }).isChecked()).toBe(true);

    // "Load more" follows the cursor.
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText(new RegExp(`^Showing ${Math.min(100, won)} of ${won} deals$`)).waitFor();

    const first = table.getByRole('row').nth(1).getByRole('link').first();
    const name = (await first.textContent())!;
    await first.click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    const history = page.getByLabel('Stage history');
    await history.getByText('Closed Won', { exact: true }).waitFor();
    await history.getByText(/days? in this stage/).first().waitFor();
    expect(await history.locator('.mantine-Timeline-item').count()).toBeGreaterThanOrEqual(2);

    // Back to the list as it was filtered.
    await page.getByRole('main').getByRole('link', { name: 'Deals', exact: true }).click();
    await page.waitForURL(/[?&]status=won\b/);
    await page.getByText(new RegExp(`of ${won} deals$`)).waitFor();
  });

  test('a deal that does not exist gets a friendly page', async () => {
    const page = await signedIn('marcus@northwind.example', 'lead');
    await page.goto(`/w/${SLUG}/deals/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'Deal not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to deals' }).click();
    await page.getByRole('heading', { name: 'Deals', exact: true }).waitFor();
  });

  test('an admin changes a stage’s probability and sees how many deals were recomputed', async () => {
    const page = await signedIn('dana@northwind.example', 'admin');
    const stage = 'Value Proposition';
    const inStage = (await summary(page)).byStage.find((s) => s.stage === stage)!.count;
    expect(inStage).toBeGreaterThan(0);

    await page.goto(`/w/${SLUG}/settings`);
    await page.getByRole('link', { name: 'Stages and rates' }).click();
    await page.getByRole('heading', { name: 'Stages and exchange rates' }).waitFor();

    const probability = page.getByRole('textbox', { name: `Probability of ${stage}` });
    expect(await probability.inputValue()).toBe('50%');
    await probability.fill('55');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save stage mapping' }).click();
    await page.getByRole('status').getByText(`Stage mapping saved. ${inStage} deals were recomputed.`).waitFor();

    // The change is saved as this workspace's own mapping (no longer the built-in one) and reaches the deal list.
    await page.reload();
    expect(await page.getByRole('textbox', { name: `Probability of ${stage}` }).inputValue()).toBe('55%');
    await page.goto(`/w/${SLUG}/deals?stage=${encodeURIComponent(stage)}`);
    await page.getByText(new RegExp(`^Showing \\d+ of ${inStage} deals$`)).waitFor();
    await page.getByRole('table', { name: 'Deals' }).getByText('55% probability').first().waitFor();
  });
});
