/**
 * Field feedback as reps and marketers use it on the demo workspace: a rep on a deal's
 * page presses L, types what the customer said, is shown that others reported it,
 * adds theirs to it and logs with Ctrl+Enter, all without the mouse leaving the
 * keyboard; the deal page and "My feedback" show it in its theme. A PMM moves
 * untriaged feedback into a theme from the inbox. And the loop closes: a rep logs an
 * objection from a deal page, a PMM accepts the suggested theme that holds it and marks
 * it addressed with a response and a link to the new talk track, and the rep reads the
 * answer in the inbox and on "My feedback".
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { DealList, FeedbackItem, FeedbackList, SessionResponse, ThemeDetail, ThemeList, ThemeSuggestionList } from '@tandem/contracts';
import { DEMO_SLUG as SLUG, demoSession, describeE2E, expectAccessible, repoRoot } from './harness.ts';

const DAY = 86_400_000;
/** The README's pictures, retaken with UPDATE_DOC_IMAGES=1 (not on every run). */
const IMAGES = path.join(repoRoot, 'docs', 'images');

describeE2E('Field feedback in the browser', () => {
  const { signIn: signedIn, get } = demoSession();

  test('a rep logs feedback on a deal with the keyboard, adds it to what others reported, and finds it in its theme', async () => {
    const page = await signedIn('sofia@northwind.example', 'rep');
    const me = (await get<SessionResponse>(page, '/auth/session')).user;
    const deal = (await get<DealList>(page, `/workspaces/${SLUG}/deals?owner=${me.id}&status=open&limit=1`)).items[0]!;
    // Something another rep reported recently, already in a theme: what this rep heard too.
    const recent = await get<FeedbackList>(page, `/workspaces/${SLUG}/feedback?limit=100`);
    const earlier = recent.items.find(
      (i) => i.theme && i.submittedBy?.userId !== me.id && i.text.length > 40 && Date.now() - Date.parse(i.observedAt) < 60 * DAY,
    )!;
    expect(earlier).toBeDefined();

    await page.goto(`/w/${SLUG}/deals/${deal.id}`);
    await page.getByRole('heading', { name: deal.name, exact: true }).waitFor();
    const section = page.getByRole('region', { name: 'Feedback' });
    await section.waitFor();
    const before = (await get<FeedbackList>(page, `/workspaces/${SLUG}/feedback?dealId=${deal.id}&limit=1`)).total;

    // L opens the form about the deal on screen, with the cursor in the text.
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Log feedback' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Deal' }).inputValue()).toBe(deal.name);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('placeholder') ?? '')).toMatch(/^e\.g\. /);

    const said = earlier.text.slice(0, 80).trim();
    await page.keyboard.type(said);
    const similar = dialog.getByRole('region', { name: 'Similar feedback' });
    await similar.getByText(/reps? reported this in the last 90 days — add yours to it\?/).waitFor();
    await dialog.getByText('Objection', { exact: true }).click();
    const same = similar.getByRole('button', { name: 'Same thing' }).first();
    await same.click();
    expect(await same.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Control+Enter');

    // Joining an item means joining its theme; the notification says which.
    const notice = page.getByRole('alert').filter({ hasText: 'Feedback logged' });
    await notice.getByText(/^Added to theme /).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await section.getByText(said, { exact: true }).waitFor();
    const after = await get<FeedbackList>(page, `/workspaces/${SLUG}/feedback?dealId=${deal.id}&limit=1`);
    expect(after.total).toBe(before + 1);
    const mine = after.items[0]!;
    expect(mine.kind).toBe('objection');
    expect(mine.account?.id).toBe(deal.account?.id);
    const theme = mine.theme!;
    expect(theme).not.toBeNull();

    // The kind is remembered for the next one.
    await page.keyboard.press('l');
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: 'Objection' }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // "My feedback" shows it with its theme and where that theme stands.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Feedback' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My feedback' }).click();
    await page.getByRole('heading', { name: 'My feedback' }).waitFor();
    const row = page.getByRole('list', { name: 'My feedback' }).getByRole('listitem').first();
    await row.getByText(said, { exact: true }).waitFor();
    await row.getByRole('link', { name: theme.name }).waitFor();
  });

  test('a PMM moves feedback waiting for triage into a theme from the inbox', async () => {
    const page = await signedIn('priya@northwind.example', 'pmm');
    const waiting = await get<FeedbackList>(page, `/workspaces/${SLUG}/feedback?theme=none&limit=1`);
    const target = (await get<ThemeList>(page, `/workspaces/${SLUG}/themes?sort=name`)).items[0]!;

    await page.goto(`/w/${SLUG}/feedback`);
    await page.getByText(`Needs triage (${waiting.total})`, { exact: true }).click();
    await page.waitForURL(/[?&]theme=none\b/);
    const list = page.getByRole('list', { name: 'Feedback' });
    const first = waiting.items[0]!;
    await list.getByRole('listitem').first().getByText(first.text, { exact: true }).waitFor();
    await list.getByRole('checkbox').first().check();

    const bar = page.getByRole('region', { name: 'Move selected feedback' });
    await bar.getByText('1 selected').waitFor();
    // The bar never covers the row just ticked.
    const ticked = (await list.getByRole('listitem').first().boundingBox())!;
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y >= ticked.y + ticked.height || barBox.y + barBox.height <= ticked.y).toBe(true);
    await bar.getByRole('combobox', { name: 'Move to theme' }).click();
    await page.getByRole('option', { name: target.name, exact: true }).click();
    await bar.getByRole('button', { name: 'Move' }).click();
    await page.getByText(`1 moved to “${target.name}”.`).waitFor();

    await page.getByText(`Needs triage (${waiting.total - 1})`, { exact: true }).waitFor();
    await expect.poll(() => list.getByText(first.text, { exact: true }).count()).toBe(0);
    const moved = await get<{ theme: { id: string } | null }>(page, `/workspaces/${SLUG}/feedback/${first.id}`);
    expect(moved.theme?.id).toBe(target.id);

    // Undo, within a few seconds: the item waits for triage again.
    await page.getByRole('alert').filter({ hasText: 'Feedback moved' }).getByRole('button', { name: 'Undo' }).click();
    await page.getByText('1 item is back where it was.').waitFor();
    await page.getByText(`Needs triage (${waiting.total})`, { exact: true }).waitFor();
    expect((await get<{ theme: { id: string } | null }>(page, `/workspaces/${SLUG}/feedback/${first.id}`)).theme).toBeNull();
    await expectAccessible(page, 'feedback inbox (priya)');
  });
  test('the deal picker finds any deal by name, not only the rep’s own and the recently updated ones', async () => {
    const page = await signedIn('marcus@northwind.example', 'picker');
    const me = (await get<SessionResponse>(page, '/auth/session')).user;
    // The least recently updated deal someone else owns: in neither list the picker starts with.
    const stale = (await get<DealList>(page, `/workspaces/${SLUG}/deals?sort=updatedAt&limit=20`)).items.find((d) => d.owner?.userId !== me.id && d.account)!;
    await page.getByRole('button', { name: 'Log feedback' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Log feedback' });
    await dialog.waitFor();
    const picker = dialog.getByRole('combobox', { name: 'Deal' });
    await picker.click();
    await picker.fill(stale.name);
    const listbox = page.getByRole('listbox');
    await listbox.getByText('Other deals', { exact: true }).waitFor();
    await page.getByRole('option', { name: stale.name }).first().click();
    await expect.poll(() => picker.inputValue()).toBe(stale.name);
    // Its account comes with it.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Account' }).inputValue()).toBe(stale.account!.name);
    await page.keyboard.press('Escape');
  });

  test('the loop closes: objection from a deal page → suggested theme accepted → addressed with a talk track → the rep reads the answer', async () => {
    const rep = await signedIn('sofia@northwind.example', 'loop-rep');
    const me = (await get<SessionResponse>(rep, '/auth/session')).user;
    const deal = (await get<DealList>(rep, `/workspaces/${SLUG}/deals?owner=${me.id}&status=open&limit=5`)).items.at(-1)!;
    await rep.goto(`/w/${SLUG}/deals/${deal.id}`);
    await rep.getByRole('heading', { name: deal.name, exact: true }).waitFor();
    const section = rep.getByRole('region', { name: 'Feedback' });
    await section.getByRole('button', { name: 'Log feedback' }).click();
    const dialog = rep.getByRole('dialog', { name: 'Log feedback' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Deal' }).inputValue()).toBe(deal.name);
    await dialog.getByText('Objection', { exact: true }).click();
    const said = 'Their CISO objects that audit logs cannot stream into Splunk; SIEM export is a must before they sign';
    await dialog.getByRole('textbox', { name: 'What did you hear?' }).fill(said);
    await dialog.getByRole('button', { name: 'Log feedback' }).click();
    await rep.getByRole('alert').filter({ hasText: 'Feedback logged' }).waitFor();
    await section.getByText(said, { exact: true }).first().waitFor();
    const logged = (await get<FeedbackList>(rep, `/workspaces/${SLUG}/feedback?dealId=${deal.id}&submittedBy=me&limit=1`)).items[0]!;
    expect(logged).toMatchObject({ text: said, kind: 'objection', theme: null });

    // The PMM groups untriaged feedback again and accepts the suggestion that holds the objection, renamed.
    const pmm = await signedIn('priya@northwind.example', 'loop-pmm');
    await pmm.goto(`/w/${SLUG}/feedback/suggestions`);
    await pmm.getByRole('heading', { name: 'Suggested themes' }).waitFor();
    const again = pmm.getByRole('button', { name: 'Find themes again' });
    await expect.poll(() => again.isEnabled(), { timeout: 30_000 }).toBe(true);
    const before = (await get<ThemeSuggestionList>(pmm, `/workspaces/${SLUG}/theme-suggestions`)).computedAt;
    await again.click();
    let holding: ThemeSuggestionList['items'][number] | undefined;
    await expect
      .poll(
        async () => {
          const list = await get<ThemeSuggestionList>(pmm, `/workspaces/${SLUG}/theme-suggestions`);
          holding = list.computedAt !== before ? list.items.find((x) => x.itemIds.includes(logged.id)) : undefined;
          return !!holding;
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(true);
    const card = pmm.getByRole('article', { name: holding!.label, exact: true });
    await expect.poll(() => again.isEnabled(), { timeout: 60_000 }).toBe(true);
    await card.getByRole('button', { name: 'Rename & accept' }).click();
    await card.getByRole('textbox', { name: 'Theme name' }).fill('SIEM audit log export');
    await card.getByRole('button', { name: 'Accept as this name' }).click();
    await pmm.getByRole('link', { name: 'SIEM audit log export' }).click();
    await pmm.getByRole('heading', { name: 'SIEM audit log export' }).first().waitFor();
    const themeId = new URL(pmm.url()).pathname.split('/').at(-1)!;
    const inTheme = await get<FeedbackItem>(pmm, `/workspaces/${SLUG}/feedback/${logged.id}`);
    expect(inTheme.theme?.id).toBe(themeId);

    // A link to the new talk track, then "addressed" with a response.
    await pmm.getByRole('button', { name: 'Add a link or note' }).click();
    const linkForm = pmm.getByRole('form', { name: 'Add a link or note' });
    await linkForm.getByRole('textbox', { name: 'Title' }).fill('Talk track: audit logs into your SIEM');
    await linkForm.getByRole('textbox', { name: 'Web address' }).fill('https://northwind.example/enablement/siem-talk-track');
    await linkForm.getByRole('button', { name: 'Add' }).click();
    await pmm.getByRole('link', { name: 'Talk track: audit logs into your SIEM' }).first().waitFor();
    const statusForm = pmm.getByRole('form', { name: 'Change status' });
    await statusForm.getByLabel('New status').click();
    await pmm.getByRole('option', { name: 'Addressed', exact: true }).click();
    const answer = 'Audit logs now stream to Splunk, Sentinel and any syslog SIEM. Use the new talk track with security teams.';
    await statusForm.getByRole('textbox', { name: /^Message to the field/ }).fill(answer);
    await statusForm.getByRole('button', { name: /^Set to Addressed/ }).click();
    await pmm.getByText(answer).first().waitFor();
    await pmm.getByText(/notified 1 person|notified \d+ people/).first().waitFor();

    // The rep hears once, in the inbox, and reads the answer on "My feedback".
    const title = 'SIEM audit log export: Addressed';
    await expect
      .poll(
        async () => {
          await rep.goto(`/w/${SLUG}/notifications`);
          await rep.getByRole('heading', { name: 'Notifications' }).first().waitFor();
          return rep.getByText(title, { exact: true }).count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    await rep.getByText(answer, { exact: false }).first().waitFor();
    await rep.goto(`/w/${SLUG}/feedback/mine`);
    await rep.getByRole('heading', { name: 'My feedback' }).waitFor();
    const row = rep.getByRole('list', { name: 'My feedback' }).getByRole('listitem').filter({ hasText: said });
    await row.getByText(answer).waitFor();
    await row.getByRole('link', { name: 'SIEM audit log export' }).waitFor();

    if (process.env.UPDATE_DOC_IMAGES) {
      fs.mkdirSync(IMAGES, { recursive: true });
      await row.scrollIntoViewIfNeeded();
      await rep.screenshot({ path: path.join(IMAGES, 'feedback-mine.png') });
      await pmm.goto(`/w/${SLUG}/feedback/themes`);
      await pmm.getByRole('heading', { name: 'Themes', exact: true }).waitFor();
      await pmm.getByText('Migrating off Redshift').first().waitFor();
      await pmm.screenshot({ path: path.join(IMAGES, 'feedback-themes.png') });
    }
  });
  test('the status form never preselects a step back, says who will be told before sending, and undoes within seconds', async () => {
    const pmm = await signedIn('priya@northwind.example', 'status-pmm');
    const list = await get<ThemeList>(pmm, `/workspaces/${SLUG}/themes?status=in_progress`);
    const t = list.items[0]!;
    const before = await get<ThemeDetail>(pmm, `/workspaces/${SLUG}/themes/${t.id}`);
    const told = before.audience.reporters.length + before.audience.followers.length;
    expect(told).toBeGreaterThan(0);
    await pmm.goto(`/w/${SLUG}/feedback/themes/${t.id}`);
    await pmm.getByRole('heading', { name: t.name }).first().waitFor();
    const form = pmm.getByRole('form', { name: 'Change status' });
    // The next step forward is preselected, and the people told are named before anything is sent.
    await expect.poll(() => form.getByLabel('New status', { exact: true }).inputValue()).toBe('Addressed');
    const first = before.audience.reporters[0] ?? before.audience.followers[0]!;
    await form.getByText(new RegExp(`^Tells ${told} (person|people): .*${first.name}`)).waitFor();
    await form.getByRole('button', { name: `Set to Addressed and notify ${told} ${told === 1 ? 'person' : 'people'}` }).waitFor();

    const answer = 'Shipped: see the release notes in the enablement hub.';
    await form.getByRole('textbox', { name: /^Message to the field/ }).fill(answer);
    await form.getByRole('button', { name: /^Set to Addressed/ }).click();
    const toast = pmm.getByRole('alert').filter({ hasText: 'Set to Addressed' });
    await toast.getByText(/will be told in \d+ seconds/).waitFor();
    // After "Addressed" nothing is preselected: never a step back such as "Set to Acknowledged".
    await form.getByRole('button', { name: 'Choose a status' }).waitFor();
    expect(await form.getByRole('button', { name: /^Set to/ }).count()).toBe(0);
    expect(await form.getByLabel('New status', { exact: true }).inputValue()).toBe('');
    // Going back is possible, and said plainly.
    await form.getByLabel('New status', { exact: true }).click();
    await pmm.getByText('Re-open', { exact: true }).waitFor();
    await pmm.keyboard.press('Escape');

    await toast.getByRole('button', { name: 'Undo' }).click();
    await pmm.getByRole('alert').filter({ hasText: 'Back to In progress. Nobody was told.' }).waitFor();
    const after = await get<ThemeDetail>(pmm, `/workspaces/${SLUG}/themes/${t.id}`);
    expect(after.status).toBe('in_progress');
    expect(after.history[0]?.message ?? null).not.toBe(answer);
    await expect.poll(() => form.getByLabel('New status', { exact: true }).inputValue()).toBe('Addressed');
    await expectAccessible(pmm, 'theme page (priya)');
  });

  test('reps read plain words: "Grouped automatically (… match)" and "Not grouped yet", never "auto" or "Untriaged"', async () => {
    const rep = await signedIn('sofia@northwind.example', 'words-rep');
    await rep.goto(`/w/${SLUG}/feedback/mine`);
    await rep.getByRole('heading', { name: 'My feedback' }).waitFor();
    expect(await rep.getByText('Untriaged', { exact: true }).count()).toBe(0);
    await rep.getByText(/Not grouped yet/).first().waitFor();
    const auto = (await get<FeedbackList>(rep, `/workspaces/${SLUG}/feedback?limit=200`)).items.find((i) => i.assignment?.by === 'auto' && i.theme);
    if (auto) {
      await rep.goto(`/w/${SLUG}/feedback/themes/${auto.theme!.id}`);
      await rep.getByText(/^Grouped automatically \(\d+% match\)$/).first().waitFor();
      expect(await rep.getByText(/^auto( ·|-assigned)/).count()).toBe(0);
    }
    await rep.goto(`/w/${SLUG}/feedback/mine`);
    await rep.getByRole('heading', { name: 'My feedback' }).waitFor();
    await expectAccessible(rep, 'my feedback (sofia)');
  });
});
