/**
 * Deals as people use them on the demo workspace (Northwind Cloud): a rep filters
 * the list to won deals, the filter survives a reload (so the link can be shared),
 * opens a deal and reads its stage history; an admin changes a stage's probability
 * and sees how many deals were recomputed, and the list shows the new probability.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { DealList, DealSummary, SessionResponse } from '@tandem/contracts';
import { DEMO_SLUG as SLUG, demoSession, describeE2E, expectAccessible } from './harness.ts';

describeE2E('Deals in the browser', () => {
  const { signIn: signedIn, get } = demoSession();

  const dealList = (page: Page, query: string) => get<DealList>(page, `/workspaces/${SLUG}/deals${query}`);
  const summary = (page: Page, query = '') => get<DealSummary>(page, `/workspaces/${SLUG}/deals/summary${query}`);

  const showing = (shown: number, total: number) =>
    new RegExp(`^Showing ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} deals?$`);

  test('a rep filters to won deals, shares the view by its link, and reads a deal’s stage history', async () => {
    const page = await signedIn('sofia@northwind.example', 'rep');
    const won = (await summary(page)).byStatus.find((s) => s.status === 'won')!.count;
    expect(won).toBeGreaterThan(50);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deals' }).click();
    await page.getByRole('heading', { name: 'Deals', exact: true }).waitFor();
    // A rep opens on their own deals; this view is of everyone's.
    await page.locator('label', { hasText: 'All deals' }).click();
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

  test('a rep lands on their own deals, and can switch to all of them', async () => {
    const page = await signedIn('sofia@northwind.example', 'rep-mine');
    const { user } = (await (await page.context().request.get('/api/v1/auth/session')).json()) as SessionResponse;
    const mine = (await summary(page, `?owner=${user.id}`)).total.count;
    expect(mine).toBeGreaterThan(0);
    expect(mine).toBeLessThan(1000);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deals' }).click();
    await page.getByRole('heading', { name: 'Deals', exact: true }).waitFor();
    await page.getByText(showing(Math.min(50, mine), mine)).waitFor();
    expect(await page.getByRole('radio', { name: 'My deals' }).isChecked()).toBe(true);
    // Every deal shown is hers.
    const owners = page.getByRole('table', { name: 'Deals' }).locator('tbody tr td:nth-child(5)');
    await expect.poll(() => owners.allTextContents()).toEqual(Array(Math.min(50, mine)).fill('Sofia Alvarez'));
    await expectAccessible(page, 'rep, my deals');

    // All deals: in the address, so a reload keeps it; nothing else remembers it.
    await page.locator('label', { hasText: 'All deals' }).click();
    await page.waitForURL(/[?&]scope=all\b/);
    await page.getByText(showing(50, 1000)).waitFor();
    await page.reload();
    await page.getByText(showing(50, 1000)).waitFor();
    expect(await page.getByRole('radio', { name: 'All deals' }).isChecked()).toBe(true);
    // Opening the deal list afresh is her own deals again.
    await page.goto(`/w/${SLUG}/deals`);
    await page.getByText(showing(Math.min(50, mine), mine)).waitFor();

    // A sales lead opens on every deal.
    const lead = await signedIn('marcus@northwind.example', 'lead-all');
    await lead.goto(`/w/${SLUG}/deals`);
    await lead.getByText(showing(50, 1000)).waitFor();
    expect(await lead.getByRole('radio', { name: 'All deals' }).isChecked()).toBe(true);
  });

  test('the search box finds a deal by its name or its account’s', async () => {
    const page = await signedIn('marcus@northwind.example', 'lead-search');
    const deal = (await dealList(page, '?limit=20&sort=amount')).items.find((d) => d.account);
    const account = deal!.account!.name;
    const byAccount = await dealList(page, `?limit=1&q=${encodeURIComponent(account)}`);
    expect(byAccount.total).toBeGreaterThan(0);
    expect(byAccount.total).toBeLessThan(1000);

    await page.goto(`/w/${SLUG}/deals`);
    await page.getByText(showing(50, 1000)).waitFor();
    await page.getByRole('textbox', { name: 'Search deals' }).fill(account);
    await page.waitForURL(/[?&]q=/);
    await page.getByText(showing(Math.min(50, byAccount.total), byAccount.total)).waitFor();
    await page.getByRole('table', { name: 'Deals' }).getByRole('link', { name: deal!.name, exact: true }).first().waitFor();
    await expectAccessible(page, 'lead, search');

    // Words that name nothing: said, with the way back.
    await page.getByRole('textbox', { name: 'Search deals' }).fill('zzqx no such deal');
    await page.getByText('No deals match “zzqx no such deal”').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByText(showing(50, 1000)).waitFor();
    expect(await page.getByRole('textbox', { name: 'Search deals' }).inputValue()).toBe('');
  });

  test('an account page lists the account’s deals with stage, amount, owner and close date', async () => {
    const page = await signedIn('marcus@northwind.example', 'lead-account');
    const deal = (await dealList(page, '?limit=20&sort=-amount')).items.find((d) => d.account);
    const accountId = deal!.account!.id;
    const ofAccount = await dealList(page, `?limit=100&accountId=${accountId}`);
    expect(ofAccount.total).toBeGreaterThan(0);

    await page.goto(`/w/${SLUG}/accounts/${accountId}`);
    await page.getByRole('heading', { name: deal!.account!.name, exact: true, level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Deals of this account' });
    await table.waitFor();
    for (const header of ['Deal', 'Stage', 'Amount', 'Owner', 'Close date']) await table.getByRole('columnheader', { name: header }).waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(Math.min(50, ofAccount.total));
    // The deal itself (an account's deals often share a name): its stage and owner on its row.
    const row = table.locator('tr', { has: page.locator(`a[href$="/deals/${deal!.id}"]`) });
    await row.getByText(deal!.stage, { exact: true }).waitFor();
    await row.getByText(deal!.owner?.name ?? 'No owner', { exact: true }).waitFor();
    await expectAccessible(page, 'lead, account');

    await row.getByRole('link', { name: deal!.name, exact: true }).first().click();
    await page.getByRole('heading', { name: deal!.name, exact: true, level: 1 }).waitFor();
  });

  test('on a phone, badges show their whole label and the workspace name can be read', async () => {
    const page = await signedIn('sofia@northwind.example', 'rep-phone', { width: 390, height: 844 });
    // A deal in a long-named open stage: its status badge shares a narrow line with the stage.
    const [deal] = (await dealList(page, `?limit=1&status=open&stage=${encodeURIComponent('Value Proposition')}`)).items;
    await page.goto(`/w/${SLUG}/deals/${deal!.id}`);
    await page.getByRole('heading', { name: deal!.name, exact: true, level: 1 }).waitFor();
    const clipped = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.mantine-Badge-root, .mantine-Badge-label')]
          .filter((b) => b.offsetParent !== null && b.scrollWidth > b.clientWidth)
          .map((b) => `${b.textContent} (${b.scrollWidth} > ${b.clientWidth})`),
      );
    await page.getByText('Open', { exact: true }).first().waitFor();
    expect(await clipped()).toEqual([]);
    await expectAccessible(page, 'rep phone, deal');

    await page.goto(`/w/${SLUG}/deals`);
    await page.getByText(/^Showing \d+ of [\d,]+ deals?$/).waitFor();
    expect(await clipped()).toEqual([]);

    // The workspace name in the header: whole, or cut with the whole name as its tooltip and in the menu.
    const switcher = page.getByRole('button', { name: /^Workspace: Northwind Cloud/ });
    const name = switcher.locator('span', { hasText: /^Northwind/ }).last();
    const cut = await name.evaluate((e) => e.scrollWidth > e.clientWidth);
    if (cut) expect(await switcher.getAttribute('title')).toBe('Northwind Cloud');
    await switcher.click();
    const item = page.getByRole('menuitem', { name: /Northwind Cloud/ }).getByText('Northwind Cloud', { exact: true });
    await item.waitFor();
    expect(await item.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  });
});
