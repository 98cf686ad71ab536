// The queue table rendered to HTML (no DOM here): the order it claims, and what a row tells a rep.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { requestFixture } from '../shared/request-fixture.ts';
import { QueueTable, tableSort } from './queue-table.tsx';

const html = (node: ReactNode) =>
  renderToStaticMarkup(
    <MantineProvider>
      <MemoryRouter>{node}</MemoryRouter>
    </MantineProvider>,
  );
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the queue table', () => {
  it('shows the API’s one-way sorts in the direction people read them', () => {
    expect(tableSort('score')).toBe('-score');
    expect(tableSort('needed_by')).toBe('needed_by');
    const byScore = html(<QueueTable rows={[requestFixture()]} slug="northwind" sort="score" onSort={() => undefined} />);
    expect(byScore).toMatch(/aria-sort="descending"[^>]*>.*?Score/);
    const byDate = html(<QueueTable rows={[requestFixture()]} slug="northwind" sort="needed_by" onSort={() => undefined} />);
    expect(byDate).toMatch(/aria-sort="ascending"[^>]*>.*?Needed by/);
  });

  it('says a request is below the line, and who placed it and why', () => {
    const r = requestFixture({
      rank: 2,
      plan: { expectedDoneOn: '2026-12-22', belowLine: true, reason: 'Late' },
      override: { kind: 'position', position: 2, reason: 'Board asked for it', by: { userId: requestFixture().requesters[0]!.userId, name: 'Priya Raman' }, at: '2026-12-07T08:00:00.000Z' },
    });
    const out = text(html(<QueueTable rows={[r]} slug="northwind" sort="score" onSort={() => undefined} />));
    expect(out).toContain('#124 Kestrel pricing answers');
    expect(out).toContain('Below the line: late at today’s order');
    expect(out).toMatch(/Placed at 2 by Priya Raman .*: Board asked for it/);
  });
});
