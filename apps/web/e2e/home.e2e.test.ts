/**
 * Each role's home on the demo workspace, at desktop (1280×900) and phone (390×844) size (issue 16): a rep's home
 * lists the themes of their deals from the server's query — feedback on any of their open deals and their own, the
 * most of their open pipeline first — with the count and a link to each theme, exactly as the API answers it; a PMM,
 * a sales lead and an admin open their own homes. Axe on each; no page wider than the window. Photos of every home go
 * to apps/web/e2e/screenshots/ (or HOME_SCREENSHOTS_DIR) for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { MyDealThemes } from '@tandem/contracts';
import type { Page } from 'playwright-core';
import { DEMO_SLUG as SLUG, demoSession, describeE2E, expectAccessible, screenshotDir } from './harness.ts';

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;
const shots = process.env.HOME_SCREENSHOTS_DIR ?? screenshotDir;

async function photograph(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `home-${name}.png`), fullPage: true });
}

async function noSidewaysScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, 'the page is wider than the window').toBeLessThanOrEqual(client);
}

describeE2E('Home pages by role', () => {
  const tandem = demoSession();

  for (const size of SIZES) {
    test(`a rep's home (${size.name}) lists the themes of their deals as the server ranks them, each linking to its theme`, async () => {
      const rep = await tandem.signIn('sofia@northwind.example', `rep-${size.name}`, size.viewport);
      await rep.getByRole('heading', { name: 'Welcome, Sofia', level: 1 }).waitFor();
      const card = rep.getByRole('region', { name: 'Themes from your deals' });
      const api = await tandem.get<MyDealThemes>(rep, `/workspaces/${SLUG}/home/my-deal-themes?limit=5`);
      expect(api.items.length, 'the demo gives Sofia themes on her deals').toBeGreaterThan(0);
      // The pipeline ranks them: never more behind a later theme than an earlier one.
      const pipeline = api.items.map((t) => Number(t.openPipeline));
      expect(pipeline).toEqual([...pipeline].sort((a, b) => b - a));
      const list = card.getByRole('list', { name: 'Themes from your deals' });
      await list.waitFor();
      const links = list.getByRole('link');
      expect(await links.allTextContents()).toEqual(api.items.map((t) => t.name));
      const first = api.items[0]!;
      const row = list.getByRole('listitem').first();
      await row.getByText(first.items === 1 ? /^1 item/ : new RegExp(`^${first.items} items`)).waitFor();
      if (first.openDeals > 0) await row.getByText(new RegExp(`on ${first.openDeals === 1 ? '1 open deal' : `${first.openDeals} open deals`}`)).waitFor();
      await photograph(rep, `sofia-${size.name}`);
      await expectAccessible(rep, `rep home, ${size.name}`);
      await noSidewaysScroll(rep);
      await links.first().click();
      await rep.waitForURL(`**/w/${SLUG}/feedback/themes/${first.id}`);
      await rep.getByRole('heading', { name: first.name, level: 1 }).waitFor();
    });
  }

  const others = [
    { email: 'priya@northwind.example', who: 'priya', name: 'Priya', region: 'Feedback to triage' },
    { email: 'marcus@northwind.example', who: 'marcus', name: 'Marcus', region: 'Goals at a glance' },
    { email: 'dana@northwind.example', who: 'dana', name: 'Dana', region: 'Goals at a glance' },
  ];
  for (const o of others) {
    test(`${o.who}'s home at desktop and phone size`, async () => {
      for (const size of SIZES) {
        const page = await tandem.signIn(o.email, `${o.who}-${size.name}`, size.viewport);
        await page.getByRole('heading', { name: `Welcome, ${o.name}`, level: 1 }).waitFor();
        await page.getByRole('region', { name: o.region }).first().waitFor();
        await photograph(page, `${o.who}-${size.name}`);
        await expectAccessible(page, `${o.who}'s home, ${size.name}`);
        await noSidewaysScroll(page);
        await page.close();
      }
    });
  }
});
