/**
 * Attribution in the browser on the demo workspace (issue 18): the CRO compares the nine models for a quarter and sets
 * the model of record with a rationale; a rep disputes a deal's split; the CRO accepts it with a new split; both see
 * the trail and the adjusted figure.
 */
import { expect, test } from 'vitest';
import type { DealAttribution } from '@tandem/contracts';
import { DEMO_SLUG as SLUG, demoSession, describeE2E, expectAccessible, label } from './harness.ts';

describeE2E('Attribution in the browser', () => {
  const tandem = demoSession();

  test('an admin compares the models and sets the model of record; a rep disputes a split; the admin resolves it; both see the trail and the adjusted figure', async () => {
    // ---- The CRO compares the models for a quarter.
    const admin = await tandem.signIn('dana@northwind.example', 'admin');
    await admin.goto(`/w/${SLUG}/attribution`);
    await admin.getByRole('heading', { name: 'Attribution', level: 1 }).waitFor();
    const table = admin.getByRole('table', { name: 'Credit by model' });
    await table.waitFor();
    for (const h of ['First touch', 'Last touch', 'Linear', 'U-shaped', 'W-shaped', 'Full path', 'Time decay', 'J-shaped', 'Inverse J', 'Spread']) {
      await table.getByRole('columnheader', { name: h, exact: true }).waitFor();
    }
    await admin.getByText('22.5% each to the first, lead-creation, opportunity-creation and closing touchpoints').waitFor();
    await expectAccessible(admin, 'the attribution page');

    // ---- … and sets the model of record with a rationale.
    await admin.getByRole('combobox', { name: label('Model') }).selectOption('w_shaped');
    await admin.getByRole('textbox', { name: label('Rationale') }).fill('Lead and opportunity creation are where both teams earn the deal.');
    await admin.getByRole('button', { name: 'Set model of record' }).click();
    await admin.getByText(/W-shaped is the model of record from/).waitFor();
    await admin.getByText(/chosen by Dana Whitfield: “Lead and opportunity creation are where both teams earn the deal.”/).waitFor();

    // A won demo deal with touchpoints.
    const deals = await tandem.get<{ items: { id: string }[] }>(admin, `/workspaces/${SLUG}/deals?status=won&limit=40`);
    let dealId = '';
    for (const d of deals.items) {
      const credit = await tandem.get<DealAttribution>(admin, `/workspaces/${SLUG}/attribution/deals/${d.id}`);
      if (!credit.unattributed && credit.models.linear.length > 1) {
        dealId = d.id;
        break;
      }
    }
    expect(dealId).not.toBe('');

    // ---- A rep disputes the deal's split.
    const rep = await tandem.signIn('sofia@northwind.example', 'rep');
    await rep.goto(`/w/${SLUG}/attribution/deals/${dealId}`);
    await rep.getByRole('heading', { name: /^Credit: /, level: 1 }).waitFor();
    await rep.getByRole('table', { name: 'Credit by team under each model' }).waitFor();
    await rep.getByRole('textbox', { name: label('Reason') }).fill('Sales ran every meeting after the first webinar.');
    await rep.getByRole('button', { name: 'Raise dispute' }).click();
    await rep.getByText(/Told: .*Dana Whitfield/).waitFor();
    await expectAccessible(rep, 'a deal’s credit with a dispute raised');

    // ---- The CRO accepts it with a new split.
    await admin.goto(`/w/${SLUG}/attribution/deals/${dealId}`);
    await admin.getByText('Sales ran every meeting after the first webinar.', { exact: false }).waitFor();
    await admin.getByRole('textbox', { name: 'Marketing %' }).fill('30');
    await admin.getByRole('textbox', { name: 'Sales %' }).fill('70');
    await admin.getByRole('textbox', { name: 'Partners %' }).fill('0');
    await admin.getByRole('textbox', { name: label('Reason for the resolution') }).fill('Marketing sourced it; sales carried it.');
    await admin.getByRole('button', { name: 'Resolve dispute' }).click();
    await admin.getByText(/Told: Sofia Alvarez/).waitFor();
    await admin.getByRole('heading', { name: 'Adjusted figure (W-shaped)' }).waitFor();

    // ---- Both see the trail and the adjusted figure.
    await rep.reload();
    await rep.getByRole('heading', { name: 'Adjusted figure (W-shaped)' }).waitFor();
    await rep.getByText(/accepted it on .*: Marketing sourced it; sales carried it\. Split set to marketing 30 %, sales 70 %, partners 0 %\./).waitFor();
    await expectAccessible(rep, 'a deal’s credit with the adjusted figure');
    await admin.goto(`/w/${SLUG}/attribution/disputes`);
    await admin.getByRole('heading', { name: 'Credit disputes', level: 1 }).waitFor();
  }, 240_000);
});
