/**
 * A suggested theme whose name is weak is never published with one click: the card says why the name is weak and
 * asks for a name, and the accept form explains it again. Made deterministic on the demo workspace by creating a
 * theme with the name of its largest suggestion: that name is then a duplicate, which the list calls weak. Checked
 * with axe at desktop and phone size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SessionResponse, ThemeDetail, ThemeList, ThemeSuggestionList } from '@tandem/contracts';
import { describeE2E, expectAccessible, launchBrowser, screenshotsOnFailure, submitSignIn, startServer, type TandemServer } from './harness.ts';

const SLUG = 'northwind';
const PASSWORD = 'tandem-demo-2026';
/** Set to a folder to keep pictures of the card and form at both sizes (for a look, not for the test). */
const SHOTS = process.env.E2E_SHOTS_DIR;

describeE2E('Suggested theme names in the browser', () => {
  let server: TandemServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const { watch } = screenshotsOnFailure();

  async function signedIn(email: string, label: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport });
    contexts.push(context);
    const page = watch(await context.newPage(), label);
    await page.goto('/login');
    await submitSignIn(page, email, PASSWORD);
    await page.waitForURL(`**/w/${SLUG}`);
    return page;
  }

  async function apiCall<T>(page: Page, method: 'get' | 'post', url: string, data?: unknown): Promise<{ status: number; body: T }> {
    const { csrfToken } = (await (await page.context().request.get('/api/v1/auth/session')).json()) as SessionResponse;
    const res = await page.context().request[method](`/api/v1${url}`, { data, headers: { 'X-CSRF-Token': csrfToken } });
    return { status: res.status(), body: (await res.json().catch(() => null)) as T };
  }

  async function shot(page: Page, name: string) {
    if (!SHOTS) return;
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
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

  test('a weak suggested name asks for a name before accepting, says why, and takes the name typed', async () => {
    const pmm = await signedIn('priya@northwind.example', 'pmm');
    let list = (await apiCall<ThemeSuggestionList>(pmm, 'get', `/workspaces/${SLUG}/theme-suggestions`)).body;
    if (!list.computedAt) list = (await apiCall<ThemeSuggestionList>(pmm, 'post', `/workspaces/${SLUG}/theme-suggestions/refresh`)).body;
    // The demo's suggestions read well: names are phrases from the texts, with keywords beside them.
    expect(list.items.length).toBeGreaterThan(0);
    for (const s of list.items) expect(s.label, s.label).not.toMatch(/,/);
    const readable = list.items.filter((x) => !x.nameIsWeak);
    expect(readable.length).toBeGreaterThanOrEqual(2);
    const s = readable[0]!;

    // Somebody makes a theme with that name: the suggestion's name is now a duplicate, and weak.
    const made = await apiCall<ThemeDetail>(pmm, 'post', `/workspaces/${SLUG}/themes`, { name: s.label, itemIds: [] });
    expect(made.status).toBe(201);

    await pmm.goto(`/w/${SLUG}/feedback/suggestions`);
    await pmm.getByRole('heading', { name: 'Suggested themes', level: 1 }).waitFor();
    const card = pmm.getByRole('article', { name: s.label, exact: true });
    await card.getByText('Name it before accepting.').waitFor();
    await card.getByText(`A theme named “${s.label}” already exists`, { exact: false }).waitFor();
    // No one-click accept: only "Rename & accept", described by the reason.
    expect(await card.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);
    const nameIt = card.getByRole('button', { name: 'Rename & accept' });
    expect(await nameIt.getAttribute('aria-describedby')).toBeTruthy();
    // A suggestion with a good name still accepts in one click.
    const good = readable[1]!;
    await pmm.getByRole('article', { name: good.label, exact: true }).getByRole('button', { name: 'Accept', exact: true }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await expectAccessible(pmm, 'desktop, weak name');
    await shot(pmm, 'desktop-weak-card');

    await nameIt.click();
    const field = card.getByRole('textbox', { name: 'Theme name' });
    await expect.poll(() => field.inputValue()).toBe(s.label);
    await card.getByText('Type a name, or confirm this one.', { exact: false }).waitFor();
    await expectAccessible(pmm, 'desktop, accept form');
    await shot(pmm, 'desktop-weak-form');

    // Confirming the taken name is refused on the field; a new name is accepted.
    await card.getByRole('button', { name: 'Accept as this name' }).click();
    await card.getByText(`A theme named "${s.label}" already exists`, { exact: true }).waitFor();
    await shot(pmm, 'desktop-taken-name');
    const same = (await apiCall<ThemeList>(pmm, 'get', `/workspaces/${SLUG}/themes?q=${encodeURIComponent(s.label)}`)).body;
    expect(same.items.filter((t) => t.name === s.label)).toHaveLength(1);

    // The same card and form at phone size, before the name is changed.
    const phone = await signedIn('priya@northwind.example', 'pmm-phone', { width: 390, height: 844 });
    await phone.goto(`/w/${SLUG}/feedback/suggestions`);
    const phoneCard = phone.getByRole('article', { name: s.label, exact: true });
    await phoneCard.getByText('Name it before accepting.').waitFor();
    await phoneCard.scrollIntoViewIfNeeded();
    await expectAccessible(phone, 'phone, weak name');
    await shot(phone, 'phone-weak-card');
    await phoneCard.getByRole('button', { name: 'Rename & accept' }).click();
    await phoneCard.getByRole('textbox', { name: 'Theme name' }).waitFor();
    await expectAccessible(phone, 'phone, accept form');
    await shot(phone, 'phone-weak-form');

    const renamed = 'First suggested theme, named by hand';
    await field.fill(renamed);
    await card.getByRole('button', { name: 'Accept as this name' }).click();
    await pmm.getByRole('link', { name: renamed }).first().waitFor();
    const themes = (await apiCall<ThemeList>(pmm, 'get', `/workspaces/${SLUG}/themes?q=${encodeURIComponent(renamed)}`)).body;
    expect(themes.items.map((t) => t.name)).toContain(renamed);

    // A name that became weak after the page loaded (another PMM took it): the one-click Accept is refused by the
    // server, and the card opens the name field with the reason instead of publishing the name.
    const goodCard = pmm.getByRole('article', { name: good.label, exact: true });
    await goodCard.getByRole('button', { name: 'Accept', exact: true }).waitFor();
    expect((await apiCall<ThemeDetail>(pmm, 'post', `/workspaces/${SLUG}/themes`, { name: good.label, itemIds: [] })).status).toBe(201);
    await goodCard.getByRole('button', { name: 'Accept', exact: true }).click();
    const goodField = goodCard.getByRole('textbox', { name: 'Theme name' });
    await expect.poll(() => goodField.inputValue()).toBe(good.label);
    await goodCard.getByText(`A theme named “${good.label}” already exists`, { exact: false }).waitFor();
    await goodCard.scrollIntoViewIfNeeded();
    await shot(pmm, 'desktop-refused-accept');
    const still = (await apiCall<ThemeSuggestionList>(pmm, 'get', `/workspaces/${SLUG}/theme-suggestions`)).body;
    expect(still.items.find((x) => x.id === good.id)).toMatchObject({ nameIsWeak: true });
  });
});
