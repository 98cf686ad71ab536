/**
 * Decisions in the browser on the demo workspace (issue 17): a PMM opens a decision for input asking a sales lead,
 * the lead objects with a comment, the PMM records the outcome — refused until it says what changed because of the
 * input — and the lead reads the outcome in the inbox, which opens the decision. On the decision's page the PMM links a
 * feedback theme it concerns.
 */
import { expect, test } from 'vitest';
import type { InboxList } from '@tandem/contracts';
import { DEMO_SLUG as SLUG, demoSession, describeE2E, expectAccessible, label } from './harness.ts';

describeE2E('Decisions in the browser', () => {
  const tandem = demoSession();

  test('a PMM opens a decision for input, a sales lead objects, the PMM decides saying what changed, the lead reads the outcome in the inbox', async () => {
    const title = 'Bundle onboarding into the Growth plan';

    // ---- The PMM opens the decision for input, asking the North America sales lead.
    const pmm = await tandem.signIn('priya@northwind.example', 'pmm');
    await pmm.goto(`/w/${SLUG}/decisions/new`);
    await pmm.getByRole('heading', { name: 'New decision', level: 1 }).waitFor();
    await pmm.getByRole('textbox', { name: label('Title') }).fill(title);
    await pmm.getByRole('textbox', { name: label('Context') }).fill('Onboarding is sold separately and slows mid-market deals.');
    await pmm.getByRole('textbox', { name: 'Option 1' }).fill('Include onboarding in Growth');
    await pmm.getByRole('textbox', { name: 'Option 2' }).fill('Keep onboarding as an add-on');
    await pmm.getByRole('combobox', { name: label('People') }).click();
    await pmm.getByRole('option', { name: /^Marcus Reed/ }).click();
    await pmm.keyboard.press('Escape');
    await expectAccessible(pmm, 'the new-decision form');
    await pmm.getByRole('button', { name: 'Open for input' }).click();
    await pmm.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    const decisionPath = new URL(pmm.url()).pathname;
    await pmm.getByRole('heading', { name: title, level: 1 }).waitFor();
    await pmm.getByText('Opened for input. Marcus Reed was told.').waitFor();
    await pmm.getByText(/^Input closes in /).waitFor();

    // ---- On the decision's page the PMM links what it concerns: a feedback theme, opened from there.
    await pmm.getByRole('button', { name: 'Link themes, assets or goals' }).click();
    await pmm.getByRole('combobox', { name: label('Feedback themes, library assets and goals') }).click();
    const theme = pmm.getByRole('option').first();
    const themeName = (await theme.textContent())!.trim();
    await theme.click();
    await pmm.keyboard.press('Escape');
    await expectAccessible(pmm, 'the decision’s link editor');
    await pmm.getByRole('button', { name: 'Save links' }).click();
    await pmm.getByText('Links saved: the decision now concerns one item. No one was told.').waitFor();
    const linked = pmm.getByRole('list', { name: 'What it concerns' }).getByRole('link', { name: themeName });
    expect(await linked.getAttribute('href')).toMatch(new RegExp(`^/w/${SLUG}/feedback/themes/[0-9a-f-]{36}$`));

    // ---- The sales lead objects, with a comment.
    const lead = await tandem.signIn('marcus@northwind.example', 'lead');
    await lead.goto(decisionPath);
    await lead.getByRole('heading', { name: title, level: 1 }).waitFor();
    await lead.getByRole('radio', { name: 'Object' }).check();
    await lead.getByRole('textbox', { name: 'Comment' }).fill('Three of my open quotes price onboarding separately.');
    await lead.getByRole('button', { name: 'Send my input' }).click();
    await lead.getByText(/Your input was recorded \(object\)/).waitFor();
    await expectAccessible(lead, 'a decision with the lead’s objection');

    // ---- A rep who was not asked reads it, and is told why there is no form for her.
    const rep = await tandem.signIn('sofia@northwind.example', 'rep', { width: 390, height: 844 });
    await rep.goto(decisionPath);
    await rep.getByText(/^You were not asked for input on this decision; only the stakeholders above give it\./).waitFor();
    expect(await rep.getByRole('button', { name: 'Send my input' }).count()).toBe(0);
    await expectAccessible(rep, 'a decision a rep was not asked about, on a phone');

    // ---- The PMM sees the objection and must say what changed.
    await pmm.reload();
    await pmm.getByText('Three of my open quotes price onboarding separately.').waitFor();
    await pmm.getByText('1 objection').first().waitFor();
    await pmm.getByRole('radio', { name: 'Include onboarding in Growth' }).check();
    await pmm.getByRole('textbox', { name: label('Rationale') }).fill('Deals with onboarding close faster.');
    await pmm.getByRole('button', { name: 'Record the decision' }).click();
    // The refusal shows once, beside the field; the form's alert points at it.
    await pmm.getByText('say what changed because of the input: one person objected').waitFor();
    await pmm.getByText('Check the field marked below.').waitFor();
    await pmm.getByRole('textbox', { name: label('What changed because of the input') }).fill('Quotes already sent keep onboarding as an add-on.');
    await pmm.getByRole('button', { name: 'Record the decision' }).click();
    await pmm.getByText('Decided: Include onboarding in Growth. Marcus Reed was told.').waitFor();

    // ---- The lead reads the outcome in the inbox; it opens the decision with what changed.
    const outcome = `Decided: ${title} — Include onboarding in Growth`;
    await expect
      .poll(async () => (await tandem.get<InboxList>(lead, `/workspaces/${SLUG}/notifications?limit=50`)).items.map((i) => i.title), { timeout: 30_000, interval: 500 })
      .toContain(outcome);
    await lead.goto(`/w/${SLUG}/notifications`);
    await lead.getByRole('heading', { level: 1 }).waitFor();
    await lead.getByText(outcome).first().click();
    await lead.waitForURL(`**${decisionPath}`);
    await lead.getByText('Quotes already sent keep onboarding as an add-on.').first().waitFor();
  }, 300_000);
});
