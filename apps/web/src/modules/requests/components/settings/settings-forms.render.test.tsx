// The settings sections rendered to HTML (no DOM here): an admin gets inputs and save buttons, everyone else the
// same values read-only; each value shows beside its default.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { RequestSettings, Role } from '@tandem/contracts';
import { WorkspaceContext, workspaceContextValue } from '../../../../app/workspace-context.tsx';
import { CalendarForm } from './calendar-form.tsx';
import { DueSoonForm } from './due-soon-form.tsx';
import { SlaTargetsForm } from './sla-targets-form.tsx';
import { WeightsForm } from './weights-form.tsx';

const types = (['new_asset', 'customize', 'competitive_intel', 'deal_support', 'training', 'other'] as const).map((type) => ({ type, firstResponseHours: 8, deliveryHours: 40 }));
const settings: RequestSettings = {
  types: types.map((t) => (t.type === 'customize' ? { ...t, deliveryHours: 16 } : t)),
  weights: { pipeline: 0.4, urgency: 0.3, reach: 0.2, strategic: 0.1 },
  calendar: { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00', holidays: ['2026-12-25', '2026-12-24'] },
  dueSoonFraction: 0.25,
  currency: 'EUR',
  defaults: { types, weights: { pipeline: 0.4, urgency: 0.3, reach: 0.15, strategic: 0.15 } },
};

const html = (role: Role, node: ReactNode) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <MemoryRouter>
          <WorkspaceContext.Provider value={workspaceContextValue({ workspaceId: '00000000-0000-4000-8000-000000000001', slug: 'northwind', name: 'Northwind', role })}>
            {node}
          </WorkspaceContext.Provider>
        </MemoryRouter>
      </MantineProvider>
    </QueryClientProvider>,
  );
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const all = (editable: boolean) => (
  <>
    <SlaTargetsForm settings={settings} editable={editable} />
    <WeightsForm settings={settings} editable={editable} />
    <CalendarForm settings={settings} editable={editable} />
    <DueSoonForm settings={settings} editable={editable} />
  </>
);

describe('request settings sections', () => {
  it('give an admin every field and a save button per section', () => {
    const out = html('admin', all(true));
    for (const b of ['Save targets', 'Save weights', 'Use the defaults', 'Save calendar', 'Add', 'Remove Dec 24, 2026']) expect(out).toContain(b);
    expect(out.match(/readonly=""/gi)).toBeNull();
  });

  it('show everyone else the same values read-only, without buttons', () => {
    const out = html('sales', all(false));
    for (const b of ['Save targets', 'Save weights', 'Save calendar', 'Add a holiday', 'Remove Dec']) expect(out).not.toContain(b);
    // 12 targets, 4 weights, the zone and two times, the due-soon share.
    expect(out.match(/readonly=""/gi)?.length).toBe(20);
  });

  it('show each value beside its default, the weights’ meaning and the working week in words', () => {
    const out = text(html('admin', all(true)));
    expect(out).toContain('Customize for a prospect');
    expect(out).toContain('Default 40 h');
    expect(out).toContain('Reach How many people and accounts ask for it (default 0.15)');
    expect(out).toContain('Score = 0.4 × pipeline at stake + 0.3 × urgency + 0.2 × reach + 0.1 × strategic boost.');
    expect(out).toContain('Monday to Friday, 09:00–17:00 (8 business hours a day), Europe/Berlin time.');
    // Holidays in date order.
    expect(out.indexOf('Dec 24, 2026')).toBeLessThan(out.indexOf('Dec 25, 2026'));
    expect(out).toContain('Holidays (2)');
  });
});
