/**
 * Shared goals, the scorecard and win/loss in the browser on the demo workspace (issue 16): an admin creates a
 * goal owned by marketing and sales with a win-rate key result for one segment (the editor says what the owners
 * miss before it is saved); the home scorecard shows its progress; the number opens exactly the deals behind it
 * (checked against the deal list's own filters); the win/loss page shows the loss reasons and the themes behind them.
 */
import { expect, test } from 'vitest';
import type { DealList, GoalList, WinLoss } from '@tandem/contracts';
import { DEMO_SLUG as SLUG, demoSession, describeE2E, expectAccessible, label } from './harness.ts';

describeE2E('Goals, scorecard and win/loss in the browser', () => {
  const tandem = demoSession();
  const TITLE = 'Win more Enterprise deals, together';
  const KR = 'Enterprise win rate';

  test('an admin creates a shared goal with a win-rate key result for Enterprise; the scorecard shows it; its number lists exactly its deals; win/loss shows the reasons', async () => {
    const admin = await tandem.signIn('dana@northwind.example', 'admin');

    // ---- The editor: owners from one team only are called out before saving.
    await admin.goto(`/w/${SLUG}/goals/new`);
    await admin.getByRole('heading', { name: 'New goal', level: 1 }).waitFor();
    // Saving an empty form says what needs a look, in a colour that reads (axe color-contrast).
    await admin.getByRole('button', { name: 'Create goal' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Some fields need a look (marked above).' }).waitFor();
    await admin.getByText('A goal needs a title').waitFor();
    await expectAccessible(admin, 'goal editor, fields to fix');
    await admin.getByRole('textbox', { name: label('Title') }).first().fill(TITLE);
    await admin.getByRole('textbox', { name: label('Why it matters') }).fill('Marketing’s Enterprise story and sales’ Enterprise pipeline are one number.');
    const owners = admin.getByRole('combobox', { name: label('Owners') });
    await owners.click();
    await admin.getByRole('option', { name: /^Marcus Reed/ }).click();
    await admin.getByText('Add an owner from marketing (a PMM): a shared goal needs one from each team.').waitFor();
    await owners.fill('Priya');
    await admin.getByRole('option', { name: /^Priya Raman/ }).click();
    await admin.keyboard.press('Escape');
    await expect.poll(() => admin.getByText(/Add an owner from/).count()).toBe(0);

    const kr = admin.getByRole('group', { name: 'Key result 1' });
    await kr.getByRole('textbox', { name: label('Title') }).fill(KR);
    await kr.getByRole('combobox', { name: label('Metric') }).click();
    await admin.getByRole('option', { name: 'Win rate', exact: true }).click();
    // The metric's definition is shown where it is picked.
    await kr.getByText(/closed/i).first().waitFor();
    await kr.getByRole('combobox', { name: label('Segment') }).click();
    await admin.getByRole('option', { name: 'Enterprise', exact: true }).click();
    await kr.getByRole('textbox', { name: label('Baseline') }).fill('20');
    await kr.getByRole('textbox', { name: label('Target') }).fill('35');
    await expectAccessible(admin, 'goal editor');
    await admin.getByRole('button', { name: 'Create goal' }).click();

    await admin.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await admin.getByRole('heading', { name: KR, level: 2 }).waitFor();
    await expectAccessible(admin, 'goal page');

    // ---- The goal as the API reads it: its key result and the period it counts.
    const goals = await tandem.get<GoalList>(admin, `/workspaces/${SLUG}/goals`);
    const goal = goals.items.find((g) => g.title === TITLE)!;
    expect(goal.owners.map((o) => o.name).sort()).toEqual(['Marcus Reed', 'Priya Raman']);
    const keyResult = goal.keyResults[0]!;
    expect(keyResult).toMatchObject({ metric: 'win-rate', filters: { segment: 'Enterprise' }, baseline: 0.2, target: 0.35 });
    const closed = keyResult.current.denominator ?? 0;
    const won = keyResult.current.numerator ?? 0;

    // ---- The edit page is the same form: a title taken away is called out, one given back is saved.
    await admin.getByRole('link', { name: 'Edit' }).click();
    await admin.getByRole('heading', { name: `Edit goal: ${TITLE}`, level: 1 }).waitFor();
    const title = admin.getByRole('textbox', { name: label('Title') }).first();
    await title.fill('');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Some fields need a look (marked above).' }).waitFor();
    await expectAccessible(admin, 'goal edit, fields to fix');
    await title.fill(TITLE);
    await admin.getByRole('textbox', { name: label('Why it matters') }).fill('One Enterprise number for both teams.');
    await admin.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await admin.getByText('One Enterprise number for both teams.').waitFor();

    // ---- Home (the admin's scorecard) shows the goal and its progress.
    await admin.goto(`/w/${SLUG}`);
    await admin.getByRole('heading', { name: 'Welcome, Dana', level: 1 }).waitFor();
    const glance = admin.getByRole('region', { name: 'Goals at a glance' });
    await glance.getByRole('link', { name: TITLE }).waitFor();
    const number = glance.getByRole('link', { name: new RegExp(`the records behind ${KR}$`) });
    const shown = keyResult.current.noData ? 'No data yet' : `(${won} of ${closed})`;
    expect(await number.textContent()).toContain(shown);
    await expectAccessible(admin, 'admin home scorecard');

    // ---- The number opens exactly the deals it counts: Enterprise deals closed in the period so far.
    await number.click();
    await admin.getByRole('heading', { name: 'Behind the number: Win rate', level: 1 }).waitFor();
    const url = new URL(admin.url());
    const from = url.searchParams.get('from')!;
    const to = url.searchParams.get('to')!;
    expect(from).toBe(goal.period.start);
    const expected = await tandem.get<DealList>(
      admin,
      `/workspaces/${SLUG}/deals?status=won&status=lost&segment=Enterprise&closeFrom=${from}&closeTo=${to}&limit=200`,
    );
    expect(expected.total).toBe(closed);
    const table = admin.getByRole('table', { name: 'Records behind the number' });
    if (closed > 0) {
      await table.waitFor();
      await admin.getByText(`Showing ${Math.min(closed, 50)} of ${closed} counted`).waitFor();
      const names = await table.locator('tbody tr td:first-child').allTextContents();
      expect(names.sort()).toEqual(expected.items.map((d) => d.name).slice(0, 50).sort());
      // "Won only" narrows to the wins.
      await admin.getByText('Won only', { exact: true }).click();
      await admin.getByText(`Showing ${Math.min(won, 50)} of ${won} counted as a success`).waitFor();
    } else {
      await admin.getByText('No records').waitFor();
    }
    await expectAccessible(admin, 'records behind a number');

    // ---- Win/loss: the loss reasons, their revenue and the themes behind them.
    await admin.goto(`/w/${SLUG}/win-loss`);
    await admin.getByRole('heading', { name: 'Win/loss', level: 1 }).waitFor();
    const reasons = admin.getByRole('list', { name: 'Loss reasons and the themes behind them' });
    await reasons.waitFor();
    const api = new URL(admin.url());
    expect(api.pathname).toBe(`/w/${SLUG}/win-loss`);
    const lossReasons = await reasons.getByRole('listitem').count();
    expect(lossReasons).toBeGreaterThan(0);
    await reasons.getByText('Price', { exact: true }).waitFor();
    await reasons.getByText('Product gap', { exact: true }).waitFor();
    await admin.getByRole('region', { name: 'Price against product gap' }).getByText(/^Price: /).waitFor();
    await expectAccessible(admin, 'win/loss');
  });

  test('the win/loss page and the API agree on lost deals by reason', async () => {
    const lead = await tandem.signIn('marcus@northwind.example', 'lead');
    await lead.goto(`/w/${SLUG}/win-loss`);
    await lead.getByRole('heading', { name: 'Win/loss', level: 1 }).waitFor();
    const reasons = lead.getByRole('list', { name: 'Loss reasons and the themes behind them' });
    await reasons.waitFor();
    // The page asked for the last four quarters: read the same from the API and compare the deal counts per reason.
    const first = await reasons.getByRole('listitem').first().textContent();
    const request = await lead.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.includes('/win-loss?'))!);
    const w = await tandem.get<WinLoss>(lead, request.slice(request.indexOf('/api/v1') + '/api/v1'.length));
    const top = w.byReason[0]!;
    expect(first).toContain(top.label);
    expect(first).toContain(`${top.lost.count} ${top.lost.count === 1 ? 'deal' : 'deals'}`);
  });
});
