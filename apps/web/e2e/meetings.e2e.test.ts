/**
 * Sync meetings in the browser on the demo workspace (issue 17): the next occurrence of the weekly PMM–sales sync
 * shows an agenda written from live data — a feedback theme, a goal at risk or off track, and an action item still
 * open from an earlier meeting — and an action item agreed there appears on the following occurrence's agenda.
 */
import { expect, test } from 'vitest';
import type { InboxList, MeetingSeriesList } from '@tandem/contracts';
import { DEMO_SLUG as SLUG, demoSession, describeE2E, expectAccessible, label } from './harness.ts';

describeE2E('Sync meetings in the browser', () => {
  const tandem = demoSession();

  test('the next agenda shows a theme, a goal at risk and an open action item; an action item agreed there is on the following agenda', async () => {
    // ---- The owner (the head of product marketing) opens the series and its next agenda.
    const pmm = await tandem.signIn('priya@northwind.example', 'pmm');
    await pmm.goto(`/w/${SLUG}/meetings`);
    await pmm.getByRole('heading', { name: 'Sync meetings', level: 1 }).waitFor();
    await expectAccessible(pmm, 'the meeting series list');
    await pmm.getByRole('link', { name: 'PMM–Sales weekly sync' }).first().click();
    await pmm.getByRole('heading', { name: 'PMM–Sales weekly sync', level: 1 }).waitFor();
    await pmm.getByText('Past meetings').waitFor();
    await expectAccessible(pmm, 'the series page');
    await pmm.getByRole('link', { name: 'Next agenda' }).click();
    await pmm.waitForURL(/\/meetings\/[0-9a-f-]{36}\/\d+$/);
    const nextPath = new URL(pmm.url()).pathname;
    const next = Number(nextPath.split('/').pop());
    await pmm.getByRole('heading', { name: /^PMM–Sales weekly sync: /, level: 1 }).waitFor();

    const agenda = pmm.getByRole('list', { name: 'Agenda items' });
    const item = (kind: string) => agenda.getByRole('listitem').filter({ hasText: kind });
    await item('Feedback theme').first().waitFor();
    await expect.poll(() => item('Feedback theme').first().textContent()).toMatch(/New since the last sync|Rising: \d+ new items since the last sync/);
    await expect.poll(() => item('Goal').first().textContent()).toMatch(/At risk|Off track/);
    await expect.poll(() => item('Action item').first().textContent()).toMatch(/Open action item for .*\(agreed in meeting \d+\)/);
    // Each links to its source.
    expect(await item('Feedback theme').first().getByRole('link').getAttribute('href')).toMatch(new RegExp(`^/w/${SLUG}/feedback/themes/`));
    expect(await item('Goal').first().getByRole('link').getAttribute('href')).toMatch(new RegExp(`^/w/${SLUG}/goals/`));
    await expectAccessible(pmm, 'the next agenda');

    // ---- An action item is agreed there, for the EMEA sales lead: she is told.
    const title = 'Send the EMEA win stories to product marketing';
    await pmm.getByRole('textbox', { name: 'New action item' }).fill(title);
    await pmm.getByRole('combobox', { name: label('Owner') }).click();
    await pmm.getByRole('option', { name: 'Elena Petrova' }).click();
    await pmm.getByRole('button', { name: 'Add action item' }).click();
    await pmm.getByText(`Action item added: ${title}. Elena Petrova was told.`).waitFor();
    const elena = await tandem.signIn('elena@northwind.example', 'lead');
    await expect
      .poll(async () => (await tandem.get<InboxList>(elena, `/workspaces/${SLUG}/notifications?limit=50`)).items.map((i) => i.title), { timeout: 30_000, interval: 500 })
      .toContain(`Action item for you: ${title}`);

    // ---- The following occurrence's agenda carries it, with why and a link back to where it was agreed.
    await pmm.goto(nextPath.replace(/\/\d+$/, `/${next + 1}`));
    await pmm.getByRole('heading', { name: /^PMM–Sales weekly sync: /, level: 1 }).waitFor();
    const carried = pmm.getByRole('list', { name: 'Agenda items' }).getByRole('listitem').filter({ hasText: title });
    await carried.waitFor();
    expect(await carried.textContent()).toContain(`Open action item for Elena Petrova`);
    expect(await carried.textContent()).toContain(`(agreed in meeting ${next})`);
    expect(await carried.getByRole('link', { name: title }).getAttribute('href')).toBe(nextPath);

    // ---- The series list as the API reads it still counts one series.
    expect((await tandem.get<MeetingSeriesList>(pmm, `/workspaces/${SLUG}/meetings`)).items.map((s) => s.title)).toContain('PMM–Sales weekly sync');
  }, 300_000);
});
