/**
 * Alignment in the browser on the demo workspace (issue 19): the admin runs a pulse; six marketing and six sales
 * people answer it (two on a phone-sized window); the admin closes it; the index shows per-friction scores, the
 * perception gap and the playbook for the weakest friction; the results filtered down to the four sales reps show
 * "too few answers".
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { PulseList } from '@tandem/contracts';
import { DEMO_SLUG as SLUG, demoSession, describeE2E, expectAccessible } from './harness.ts';

const PHONE = { width: 390, height: 844 };
const MARKETING = ['priya', 'leo', 'hannah', 'nora', 'felix', 'ines'];
const SALES = ['marcus', 'elena', 'sofia', 'jamal', 'mei', 'tom'];
const ON_A_PHONE = new Set(['hannah', 'sofia']);

describeE2E('Alignment in the browser', () => {
  const tandem = demoSession();

  async function answer(page: Page, agree: number) {
    await page.getByRole('link', { name: /^Answer pulse \d+$/ }).click();
    await page.getByRole('heading', { name: /^Pulse \d+$/, level: 1 }).waitFor();
    const groups = page.getByRole('radiogroup');
    const n = await groups.count();
    expect(n).toBeGreaterThanOrEqual(16);
    for (let i = 0; i < n; i++) await groups.nth(i).getByRole('radio', { name: new RegExp(`^${agree},`) }).check();
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByText('Your answer is in', { exact: true }).waitFor();
  }

  test('an admin runs a pulse, twelve people answer, the index shows scores, the gap and the playbook; four reps are too few', async () => {
    const admin = await tandem.signIn('dana@northwind.example', 'admin');
    await admin.goto(`/w/${SLUG}/alignment/admin`);
    await admin.getByRole('heading', { name: 'Pulse surveys', level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'Run a pulse now' }).click();
    await admin.getByText(/Pulse \d+ is open for 7 days\. \d+ marketing and sales members were invited\./).waitFor();
    await expectAccessible(admin, 'the pulse admin page');

    // ---- Six marketing and six sales people answer (two on a phone-sized window), each from the index page's banner.
    for (const [i, who] of [...MARKETING, ...SALES].entries()) {
      const page = await tandem.signIn(`${who}@northwind.example`, who, ON_A_PHONE.has(who) ? PHONE : undefined);
      await page.goto(`/w/${SLUG}/alignment`);
      await answer(page, i < MARKETING.length ? 4 : 2 + (i % 2));
      if (who === 'sofia') await expectAccessible(page, 'the pulse answered, on a phone');
      await page.context().close();
    }
    const pulses = await tandem.get<PulseList>(admin, `/workspaces/${SLUG}/pulses`);
    const pulse = pulses.items[0]!;
    expect(pulse.answered).toBe(12);

    // ---- The admin closes it; the index shows scores, the gap and the playbook.
    await admin.reload();
    await admin.getByRole('button', { name: `Close pulse ${pulse.number} now` }).click();
    await admin.getByText(`Pulse ${pulse.number} is closed; its results are readable.`).waitFor();
    await admin.goto(`/w/${SLUG}/alignment`);
    await admin.getByRole('heading', { name: 'Alignment Index', level: 1 }).waitFor();
    await admin.getByText(`pulse ${pulse.number}`, { exact: true }).waitFor();
    const communication = admin.getByTestId('friction-communication');
    await communication.getByLabel(/^Communication: \d+ of 100$/).waitFor();
    await communication.getByText(/Perception gap: marketing 4 vs sales 2\.5 of 5/).waitFor();
    await admin.getByRole('heading', { name: /^Playbook: / }).waitFor();
    // The meetings' and attribution's signals read the demo's live data: numbers, each in words.
    const territory = admin.getByTestId('friction-territory');
    await territory.getByText(/: \d+\/100 — \d+ of \d+ credit disputes raised in 180 days resolved/).waitFor();
    await territory.getByText(/: \d+\/100 — \d+ % of the revenue won in 180 days/).waitFor();
    await admin.getByTestId('friction-responsibility').getByText(/: \d+\/100 — The nine credit models disagree by \d+ points/).waitFor();
    const involvement = admin.getByTestId('friction-involvement');
    await involvement.getByText(/: \d+\/100 — \d+ of \d+ action items agreed in sync meetings done by their due date/).waitFor();
    await expectAccessible(admin, 'the Alignment Index');
    // The action items' evidence: the meetings page for the same 90 days.
    await involvement.getByRole('link', { name: 'Meeting action items done' }).click();
    await admin.getByRole('heading', { name: 'Sync meetings', level: 1 }).waitFor();
    await admin.getByText(/Action items due in the period done by their due date: \d+ of \d+/).waitFor();
    await admin.goBack();
    await admin.getByRole('heading', { name: 'Alignment Index', level: 1 }).waitFor();

    // ---- Filtered down to the four sales reps: too few answers, nothing shown.
    await admin.getByRole('link', { name: `pulse ${pulse.number}` }).click();
    await admin.getByRole('heading', { name: 'Pulse results', level: 1 }).waitFor();
    await admin.getByText('12 of').first().waitFor();
    await admin.getByRole('combobox', { name: 'Who' }).click();
    await admin.getByRole('option', { name: 'Sales reps only' }).click();
    await admin.waitForURL(/role=sales$/);
    await admin.getByText('Too few answers: fewer than 5 people in this group answered.').waitFor();
    expect(await admin.getByText('too few answers').count()).toBeGreaterThanOrEqual(8);
    await expectAccessible(admin, 'pulse results filtered to four reps');
  }, 600_000);
});
