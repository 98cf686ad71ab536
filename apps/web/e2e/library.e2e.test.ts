/**
 * The library as PMMs and reps use it on the demo workspace (issue 14): a PMM writes an asset, attaches a PDF and
 * publishes it; a rep on one of their deals finds it from the deal page by a misspelled search, makes a share link
 * for the deal, and the prospect opens it in a browser of their own without signing in; the open is counted on
 * the asset page.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { DealList, SessionResponse, ShareLinkList } from '@tandem/contracts';
import { pdfOf } from '../../server/src/modules/library/files/fixtures/sample-files.ts';
import { browserSession, DEMO_PASSWORD, DEMO_SLUG as SLUG, describeE2E, label, screenshotsOnFailure, submitSignIn } from './harness.ts';

describeE2E('The library in the browser', () => {
  const tandem = browserSession();
  const { watch } = screenshotsOnFailure();

  async function signIn(email: string, who: string): Promise<Page> {
    const page = watch(await tandem.newPage(), who);
    await page.goto('/login');
    await submitSignIn(page, email, DEMO_PASSWORD);
    await page.waitForURL(`**/w/${SLUG}`);
    return page;
  }
  async function get<T>(page: Page, apiPath: string): Promise<T> {
    const res = await page.context().request.get(`/api/v1${apiPath}`);
    if (res.status() !== 200) throw new Error(`GET /api/v1${apiPath} answered ${res.status()}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  test('a PMM publishes an asset with a PDF; a rep finds it from a deal by a misspelled search and shares it; the prospect’s open is counted', async () => {
    const title = 'Kestrel Freight pricing sheet';
    const fileName = 'kestrel-pricing.pdf';

    // ---- The PMM writes it, attaches the PDF, and publishes it.
    const pmm = await signIn('priya@northwind.example', 'pmm');
    await pmm.goto(`/w/${SLUG}/library/new`);
    await pmm.getByRole('heading', { name: 'New asset', exact: true }).waitFor();
    await pmm.getByRole('textbox', { name: label('Title') }).fill(title);
    await pmm.getByRole('combobox', { name: 'Type' }).click();
    await pmm.getByRole('option', { name: 'Pricing sheet', exact: true }).click();
    await pmm
      .getByRole('textbox', { name: 'Body (Markdown)' })
      .fill('## Tiers for Kestrel Freight\n\n| Tier | Price |\n|---|---|\n| Team | $2,500 a month |\n\nMulti-year terms: ask deal desk.');
    await pmm.getByRole('button', { name: 'Save draft' }).click();
    await pmm.getByRole('heading', { name: title, exact: true }).waitFor();
    await pmm.getByRole('alert').filter({ hasText: 'Draft saved' }).waitFor();
    const assetPath = new URL(pmm.url()).pathname;
    const assetId = assetPath.split('/').pop()!;

    const chooser = pmm.waitForEvent('filechooser');
    await pmm.getByRole('button', { name: 'Choose files' }).click();
    await (await chooser).setFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdfOf('Kestrel Freight: Team tier $2,500') });
    await pmm.getByText(`${fileName} was added.`).waitFor({ timeout: 30_000 });
    await pmm.getByRole('list', { name: 'Files of this asset' }).getByText(fileName, { exact: true }).waitFor();

    await pmm.getByRole('link', { name: 'Edit' }).click();
    await pmm.getByRole('heading', { name: `Edit: ${title}`, exact: true }).waitFor();
    await pmm.getByRole('button', { name: 'Publish…' }).click();
    await pmm.getByRole('textbox', { name: 'What changed in version 1?' }).fill('First version, with the PDF for the buyer.');
    await pmm.getByRole('button', { name: 'Publish version 1' }).click();
    await pmm.getByRole('alert').filter({ hasText: /^Published/ }).getByText(/^Published version 1 — /).waitFor();
    await pmm.waitForURL(`**${assetPath}`);
    await pmm.getByRole('heading', { name: title, exact: true }).waitFor();

    // ---- A rep, on one of their open deals, finds it by a misspelled search and makes a link for the deal.
    const rep = await signIn('sofia@northwind.example', 'rep');
    const me = (await get<SessionResponse>(rep, '/auth/session')).user;
    const deal = (await get<DealList>(rep, `/workspaces/${SLUG}/deals?owner=${me.id}&status=open&limit=1`)).items[0]!;
    await rep.goto(`/w/${SLUG}/deals/${deal.id}`);
    await rep.getByRole('heading', { name: deal.name, exact: true }).waitFor();
    // The panel suggests what is tagged for the deal; the rep searches it for the sheet, misspelling both words.
    const panel = rep.getByRole('region', { name: 'For this deal' });
    await panel.getByRole('searchbox').or(panel.getByRole('textbox')).first().fill('kestrl pricng');
    await panel.getByRole('link', { name: title, exact: true }).waitFor();
    await panel.getByRole('link', { name: `Share ${title} for this deal` }).click();
    await rep.waitForURL(`**${assetPath}?share=deal:${deal.id}`);
    await rep.getByRole('heading', { name: title, exact: true }).waitFor();
    const share = rep.getByRole('region', { name: 'Share with a prospect' });
    // The deal the rep came from is already chosen.
    await expect.poll(() => share.getByRole('combobox', { name: 'For deal' }).inputValue()).toContain(deal.name);
    await share.getByRole('button', { name: 'Make link' }).click();
    const urlBox = share.getByRole('textbox', { name: 'Share link' });
    await urlBox.waitFor();
    const url = await urlBox.inputValue();
    expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    await share.getByRole('button', { name: 'Done' }).click();
    await share.getByText('Not opened yet').waitFor();

    // ---- The prospect opens it in a browser of their own: no session, no sign-in page.
    const prospect = watch(await tandem.newPage(), 'prospect');
    expect((await prospect.context().cookies()).length).toBe(0);
    const opened = await prospect.goto(url);
    expect(opened?.status()).toBe(200);
    expect(new URL(prospect.url()).pathname).toBe(new URL(url).pathname);
    await prospect.getByRole('heading', { level: 1, name: title }).waitFor();
    await prospect.getByText('Multi-year terms: ask deal desk.').waitFor();
    const download = prospect.getByRole('link', { name: fileName });
    await download.waitFor();
    const file = await prospect.context().request.get(new URL((await download.getAttribute('href'))!, url).toString());
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Nothing of the workspace but its name: no app, no link into it.
    expect(await prospect.locator('a[href*="/w/"]').count()).toBe(0);

    // ---- The open is counted on the asset page, for the deal.
    const links = await get<ShareLinkList>(rep, `/workspaces/${SLUG}/assets/${assetId}/share-links`);
    expect(links.items).toHaveLength(1);
    expect(links.items[0]).toMatchObject({ opens: 1, visitors: 1, deal: { id: deal.id } });
    for (const page of [rep, pmm]) {
      await page.goto(assetPath);
      await page.getByRole('heading', { name: title, exact: true }).waitFor();
      await page.getByRole('region', { name: 'Share with a prospect' }).getByText(/^1 open, 1 visitor · last /).waitFor();
      await page.getByRole('group', { name: 'Share opens' }).getByText('1', { exact: true }).waitFor();
    }
  }, 240_000);
});
