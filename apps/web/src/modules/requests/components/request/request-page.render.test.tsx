// The request page's sections rendered to HTML (no DOM here): what a rep and a PMM see.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { requestFixture } from '../shared/request-fixture.ts';
import { RequestActions } from './request-actions.tsx';
import { ScoreBreakdown } from './score-breakdown.tsx';
import { PlanCard, SlaClocks } from './sla-and-plan.tsx';

const html = (node: ReactNode) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <MemoryRouter>{node}</MemoryRouter>
      </MantineProvider>
    </QueryClientProvider>,
  );
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the request page', () => {
  it('shows each part of the score as value × weight with its detail, and the total', () => {
    const out = text(html(<ScoreBreakdown score={requestFixture().score} />));
    expect(out).toContain('Pipeline at stake €84,000 at stake over 2 open deals 60 × 0.5 30');
    expect(out).toContain('Urgency Needed in 9 working days 35 × 0.3 10.5');
    expect(out).toContain('Total 47.5');
  });

  it('tells a rep the request is below the line, and why', () => {
    const r = requestFixture({
      status: 'triaged',
      rank: 7,
      plan: { expectedDoneOn: '2026-12-22', belowLine: true, reason: 'Six requests ahead of it use the team’s hours until Dec 21.' },
    });
    const out = text(html(<PlanCard request={r} />));
    expect(out).toContain('Number 7 in the queue');
    expect(out).toContain('Below the line');
    expect(out).toContain('Six requests ahead of it use the team’s hours until Dec 21.');
    expect(out).toContain('The line: with the team’s weekly hours');
    // Without the server's sentence, the dates say it.
    const plain = text(html(<PlanCard request={{ ...r, plan: { ...r.plan!, reason: '' } }} />));
    expect(plain).toContain('Expected done Dec 22, 2026 (needed by Dec 18, 2026).');
  });

  it('shows SLA due times in the reader’s time zone', () => {
    const out = text(html(<SlaClocks request={requestFixture()} tz="America/New_York" />));
    expect(out).toMatch(/First response .*Due Dec 8, 2026,? 4:00\s?AM/);
    expect(out).toMatch(/6\.5 business hours left/);
  });

  it('offers only the steps the server allows', () => {
    const rep = text(html(<RequestActions request={requestFixture()} slug="northwind" />));
    expect(rep).not.toContain('Triage');
    expect(rep).not.toContain('Deliver');
    expect(rep).toContain('More actions');
    const pmm = requestFixture({ permissions: { ...requestFixture().permissions, triage: true, decline: true, merge: true, override: true } });
    expect(text(html(<RequestActions request={pmm} slug="northwind" />))).toContain('Triage');
    const delivered = requestFixture({ status: 'delivered', permissions: { ...requestFixture().permissions, accept: true, reopen: true } });
    const out = text(html(<RequestActions request={delivered} slug="northwind" />));
    expect(out).toContain('Accept delivery');
    expect(out).toContain('Reopen');
  });
});
