/**
 * Merging themes on the board, and taking it back: a PMM selects two themes, merges one into the other, reads in
 * the toast what moved where, and clicks "Undo" within the few seconds it is offered; both themes are back with
 * the items they had. On a phone the toast and its "Undo" are on screen, not under the bar or off its edge.
 */
import path from 'node:path';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ThemeDetail, ThemeList } from '@tandem/contracts';
import { DEMO_SLUG as SLUG, demoSession, describeE2E, expectAccessible, screenshotDir } from './harness.ts';

describeE2E('Merging themes, and undoing it', () => {
  const { signIn: signedIn, get } = demoSession();

  /** Selects two themes on the board, merges the smaller into the bigger, and clicks "Undo" in the toast. */
  async function mergeAndUndo(page: Page, pair: ThemeList['items'], shot: string) {
    const [keep, fold] = [...pair].sort((a, b) => b.metrics.items - a.metrics.items) as [ThemeList['items'][number], ThemeList['items'][number]];
    await page.goto(`/w/${SLUG}/feedback/themes`);
    await page.getByRole('heading', { name: 'Themes', exact: true }).waitFor();
    for (const t of pair) await page.getByRole('checkbox', { name: `Select ${t.name}`, exact: true }).first().check();
    await page.getByRole('button', { name: 'Merge into…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge themes' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Merge 1 theme' }).click();

    const toast = page.getByRole('alert').filter({ hasText: 'Themes merged' });
    await toast.getByText(`“${fold.name}” is now part of “${keep.name}”: its ${fold.metrics.items} item`, { exact: false }).waitFor();
    const undo = toast.getByRole('button', { name: 'Undo' });
    // On screen whole, at any size: nothing to scroll to, nothing cut off — once the toast has slid in (measured
    // mid-transition, its box still lies partly outside the window).
    const viewport = page.viewportSize()!;
    await expect
      .poll(
        async () => {
          const box = (await undo.boundingBox())!;
          return box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
        },
        { timeout: 5_000 },
      )
      .toBe(true);
    // …and its word whole, however long the message beside it ("U" on a phone once).
    expect(await undo.evaluate((el) => [...el.querySelectorAll('*'), el].every((e) => e.scrollWidth <= e.clientWidth))).toBe(true);
    if (process.env.E2E_SHOTS) await page.screenshot({ path: path.join(screenshotDir, `${shot}.png`) });
    const merged = await get<ThemeDetail>(page, `/workspaces/${SLUG}/themes/${fold.id}`);
    expect(merged.mergedInto?.id).toBe(keep.id);

    await undo.click();
    await page.getByRole('alert').filter({ hasText: `“${fold.name}” is back on its own, with its ${fold.metrics.items} item` }).waitFor();
    const [a, b] = [await get<ThemeDetail>(page, `/workspaces/${SLUG}/themes/${keep.id}`), await get<ThemeDetail>(page, `/workspaces/${SLUG}/themes/${fold.id}`)];
    expect(b.mergedInto).toBeNull();
    expect([a.metrics.items, b.metrics.items]).toEqual([keep.metrics.items, fold.metrics.items]);
    // Both are on the board again.
    await page.getByRole('checkbox', { name: `Select ${fold.name}`, exact: true }).first().waitFor();
    return { keep, fold };
  }

  test('a PMM merges two themes, reads what moved, and undoes it from the toast', async () => {
    const pmm = await signedIn('priya@northwind.example', 'merge-desktop', { width: 1280, height: 800 });
    const board = await get<ThemeList>(pmm, `/workspaces/${SLUG}/themes`);
    await mergeAndUndo(pmm, board.items.slice(0, 2), 'theme-merge-toast-desktop');
    await expectAccessible(pmm, 'theme board after a merge undone (priya)');
  });

  test('on a phone the toast and its Undo are on screen', async () => {
    const pmm = await signedIn('priya@northwind.example', 'merge-phone', { width: 390, height: 844 });
    const board = await get<ThemeList>(pmm, `/workspaces/${SLUG}/themes`);
    await mergeAndUndo(pmm, board.items.slice(2, 4), 'theme-merge-toast-phone');
  });
});
