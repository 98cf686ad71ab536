/**
 * Requests in the browser on the demo workspace (issue 15): a rep files a request from one of their deal pages
 * (the deal already linked), a PMM triages it with an estimate the team cannot meet by its date, the capacity view
 * shows it below the line (to the rep, with the reason), the PMM starts it and delivers it with a library asset,
 * and the rep accepts it. The rep's inbox has a notice for each step the PMM took, each opening the request.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { DealList, InboxList, RequestDetail, RequestList, SessionResponse } from '@tandem/contracts';
import { REQUEST_STATUSES } from '@tandem/contracts';
import { DEMO_SLUG as SLUG, demoSession, describeE2E, expectAccessible, label } from './harness.ts';

/** A day `n` days after today (UTC), as the date input takes it. */
function daysFromNow(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

/** The statuses the deal page's requests panel lists. */
const SHOWN = REQUEST_STATUSES.filter((s) => s !== 'merged').join(',');

describeE2E('Requests in the browser', () => {
  const tandem = demoSession();

  /** The rep's inbox items about the request (newest first), read through the API as the rep. */
  async function requestNotices(rep: Page, requestId: string) {
    const inbox = await tandem.get<InboxList>(rep, `/workspaces/${SLUG}/notifications?limit=100`);
    return inbox.items.filter((i) => i.link?.includes(requestId));
  }

  /** Waits until the rep has at least `n` notices about the request; returns them. */
  async function waitForNotices(rep: Page, requestId: string, n: number, step: string) {
    await expect
      .poll(async () => (await requestNotices(rep, requestId)).length, { timeout: 30_000, interval: 500, message: `the rep's notice for "${step}"` })
      .toBeGreaterThanOrEqual(n);
    return requestNotices(rep, requestId);
  }

  test('a rep files from a deal; a PMM triages; it shows below the line; the PMM delivers an asset; the rep accepts; the rep’s inbox has each step', async () => {
    const title = 'Kestrel Freight: security questionnaire answers';
    const neededBy = daysFromNow(3);

    // ---- The rep, on one of their open deals, asks marketing for help: the deal is already linked.
    const rep = await tandem.signIn('sofia@northwind.example', 'rep');
    const me = (await tandem.get<SessionResponse>(rep, '/auth/session')).user;
    // One of her open deals nobody has asked marketing about yet (the demo links its requests to deals at random,
    // and which ones depends on the day it was seeded).
    const open = (await tandem.get<DealList>(rep, `/workspaces/${SLUG}/deals?owner=${me.id}&status=open&limit=100`)).items;
    let deal: DealList['items'][number] | undefined;
    for (const d of open) {
      // Every status the deal page's panel shows (all but merged).
      const linked = await tandem.get<RequestList>(rep, `/workspaces/${SLUG}/requests?dealId=${d.id}&status=${SHOWN}&limit=1`);
      if (linked.items.length === 0) {
        deal = d;
        break;
      }
    }
    if (!deal) throw new Error(`the demo gave ${me.email} no open deal without a request (of ${open.length})`);
    await rep.goto(`/w/${SLUG}/deals/${deal.id}`);
    await rep.getByRole('heading', { name: deal.name, exact: true }).waitFor();
    const panel = rep.getByRole('region', { name: 'Requests to marketing' });
    await panel.getByText('Nobody has asked marketing for anything on this deal yet.').waitFor();
    await panel.getByRole('button', { name: 'Request help from marketing' }).click();
    const dialog = rep.getByRole('dialog', { name: 'New request to marketing' });
    await dialog.getByRole('textbox', { name: label('Title') }).waitFor();
    // The deal the rep came from is linked already.
    await dialog.getByText(deal.name).first().waitFor();
    await dialog.getByRole('combobox', { name: label('What do you need?') }).click();
    await rep.getByRole('option', { name: 'Customize for a prospect', exact: true }).click();
    await dialog.getByRole('textbox', { name: label('Title') }).fill(title);
    await dialog
      .getByRole('textbox', { name: label('Description') })
      .fill('Their security team sent 180 questions; I need our standard answers adapted to their freight platform before the review call.');
    await dialog.getByLabel(label('Needed by')).fill(neededBy);
    await dialog.getByRole('button', { name: 'File request' }).click();
    // The form turns into what happened and who was told.
    const done = rep.getByRole('dialog', { name: 'Request filed' });
    const filed = done.getByRole('status');
    await filed.getByText(/^Filed #\d+/).waitFor();
    const number = Number(/#(\d+)/.exec((await filed.textContent()) ?? '')![1]);
    const mine = await tandem.get<RequestList>(rep, `/workspaces/${SLUG}/requests?requester=me&dealId=${deal.id}`);
    const request = mine.items.find((r) => r.number === number)!;
    expect(request).toMatchObject({ title, type: 'customize', status: 'new', neededBy, dealCount: 1 });
    await done.getByRole('button', { name: 'Close', exact: true }).last().click();
    // The deal page lists it.
    await panel.getByRole('link', { name: `#${number} ${title}` }).waitFor();
    const requestPath = `/w/${SLUG}/requests/${request.id}`;

    // ---- A PMM triages it: 120 hours of work, theirs, due in three days: more than the team has before then.
    const pmm = await tandem.signIn('priya@northwind.example', 'pmm');
    const pmmMe = (await tandem.get<SessionResponse>(pmm, '/auth/session')).user;
    await pmm.goto(requestPath);
    await pmm.getByRole('heading', { name: `#${number} ${title}`, exact: true }).waitFor();
    await pmm.getByRole('button', { name: 'Triage', exact: true }).click();
    const triage = pmm.getByRole('dialog', { name: 'Triage' });
    await triage.getByRole('textbox', { name: label('Estimate') }).fill('120');
    await triage.getByRole('textbox', { name: label('Assignee') }).or(triage.getByRole('combobox', { name: label('Assignee') })).first().click();
    await pmm.getByRole('option', { name: pmmMe.name, exact: true }).click();
    await triage.getByRole('button', { name: 'Triage', exact: true }).click();
    // It says who was told: the rep who filed it.
    await pmm.getByText(/Sofia Alvarez.* told\./).first().waitFor();
    await expect.poll(async () => (await tandem.get<RequestDetail>(pmm, `/workspaces/${SLUG}/requests/${request.id}`)).status).toBe('triaged');
    await waitForNotices(rep, request.id, 1, 'triaged');

    // ---- The capacity view shows it below the line; the rep sees where it stands and why.
    await rep.goto(`/w/${SLUG}/requests/capacity`);
    await rep.getByRole('heading', { name: 'Capacity and the line', level: 1 }).waitFor();
    await rep.getByRole('figure', { name: /^Hours needed against hours available/ }).waitFor();
    const table = rep.getByRole('table', { name: 'Planned requests in queue order' });
    const row = table.getByRole('row').filter({ has: rep.getByRole('link', { name: `#${number} ${title}` }) });
    await row.getByText('Late for its date').waitFor();
    await table.getByTestId('capacity-line').waitFor();
    // The line is drawn above it: the line's row comes first.
    const rowTexts = await table.getByRole('row').allTextContents();
    const lineAt = rowTexts.findIndex((t) => t.startsWith('The line:'));
    const rowAt = rowTexts.findIndex((t) => t.includes(`#${number} ${title}`));
    expect(lineAt).toBeGreaterThan(0);
    expect(rowAt).toBeGreaterThan(lineAt);
    const yours = rep.getByRole('listitem').filter({ hasText: `#${number} ${title}` }).filter({ hasText: 'below the line' });
    await yours.first().waitFor();
    await expectAccessible(rep, 'capacity');

    // ---- The PMM starts work and delivers it with a library asset.
    await pmm.goto(requestPath);
    await pmm.getByRole('button', { name: 'Start work' }).click();
    await expect.poll(async () => (await tandem.get<RequestDetail>(pmm, `/workspaces/${SLUG}/requests/${request.id}`)).status).toBe('in_progress');
    await pmm.getByRole('button', { name: 'Deliver', exact: true }).click();
    const deliver = pmm.getByRole('dialog', { name: 'Deliver' });
    // The library's search forgives the typo.
    await deliver.getByLabel(label('Library assets')).fill('snowflak battlecard');
    await pmm.getByRole('option', { name: 'Battlecard: Northwind vs Snowflake' }).click();
    await deliver.getByRole('textbox', { name: label('Note') }).fill('Adapted answers are in the battlecard’s security section.');
    await deliver.getByRole('button', { name: 'Deliver', exact: true }).click();
    await expect.poll(async () => (await tandem.get<RequestDetail>(pmm, `/workspaces/${SLUG}/requests/${request.id}`)).status).toBe('delivered');
    await waitForNotices(rep, request.id, 3, 'started and delivered');

    // ---- The rep sees the delivery (the asset links to its library page) and accepts it.
    await rep.goto(requestPath);
    await rep.getByRole('heading', { name: `#${number} ${title}`, exact: true }).waitFor();
    await rep.getByRole('link', { name: 'Battlecard: Northwind vs Snowflake' }).first().waitFor();
    await rep.getByRole('button', { name: 'Accept delivery' }).click();
    await expect.poll(async () => (await tandem.get<RequestDetail>(rep, `/workspaces/${SLUG}/requests/${request.id}`)).status).toBe('accepted');
    const detail = await tandem.get<RequestDetail>(rep, `/workspaces/${SLUG}/requests/${request.id}`);
    expect(detail.delivery?.assets.map((a) => a.title)).toEqual(['Battlecard: Northwind vs Snowflake']);

    // ---- The rep's inbox shows each step the PMM took, each opening the request.
    const notices = await requestNotices(rep, request.id);
    const titles = notices.map((n) => n.title);
    for (const step of [/Priya Raman triaged it: .*assigned to Priya Raman/, /Priya Raman started work on it/, /Priya Raman delivered .*please accept it/]) {
      expect(titles.some((t) => t.startsWith(`#${number} `) && step.test(t)), `${String(step)} among ${JSON.stringify(titles)}`).toBe(true);
    }
    await rep.goto(`/w/${SLUG}/notifications`);
    await rep.getByRole('heading', { level: 1 }).waitFor();
    for (const n of notices) await rep.getByText(n.title, { exact: false }).first().waitFor();
    await rep.getByText(notices.at(-1)!.title).first().click();
    await rep.waitForURL(`**${requestPath}`);
  }, 300_000);

  test('a number out of range is never clamped: it stays as typed and is refused next to its field, in readable red', async () => {
    // ---- The admin types a weight of 12 (at most 10): the field keeps 12 and says why it was not saved.
    const admin = await tandem.signIn('dana@northwind.example', 'admin');
    await admin.goto(`/w/${SLUG}/requests/settings`);
    await admin.getByRole('heading', { name: 'Request settings', level: 1 }).waitFor();
    const weights = admin.getByRole('form', { name: 'Score weights' });
    const pipeline = weights.getByRole('textbox', { name: label('Pipeline at stake') });
    await pipeline.fill('12');
    await pipeline.blur();
    expect(await pipeline.inputValue()).toBe('12');
    await weights.getByRole('button', { name: 'Save weights' }).click();
    await weights.getByText('a weight is at most 10').waitFor();
    expect(await pipeline.inputValue()).toBe('12');
    await expectAccessible(admin, 'request settings with a refused weight');

    // ---- A PMM types 100 hours a week for themselves (at most 80): the same.
    const pmm = await tandem.signIn('priya@northwind.example', 'pmm');
    const pmmMe = (await tandem.get<SessionResponse>(pmm, '/auth/session')).user;
    await pmm.goto(`/w/${SLUG}/requests/capacity`);
    await pmm.getByRole('heading', { name: 'Capacity and the line', level: 1 }).waitFor();
    const editor = pmm.getByRole('form', { name: 'Weekly hours per PMM' });
    const hoursField = editor.getByRole('textbox', { name: label(pmmMe.name) });
    await hoursField.fill('100');
    await hoursField.blur();
    expect(await hoursField.inputValue()).toMatch(/^100\b/);
    await editor.getByRole('button', { name: 'Save weekly hours' }).click();
    await editor.getByText('From 0 to 80 hours a week').waitFor();
    expect(await hoursField.inputValue()).toMatch(/^100\b/);
    await expectAccessible(pmm, 'capacity with refused weekly hours');
  }, 180_000);
});
