// The planned queue rendered to HTML (no DOM here): the line sits between the last request that fits and the first
// that will not be done by its date, in words; late rows say so; the reader's own rows are marked.
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import type { CapacityView } from '@tandem/contracts';
import { CapacityQueue } from './capacity-queue.tsx';

type Row = CapacityView['rows'][number];
const ME = '00000000-0000-4000-8000-000000000001';
const row = (n: number, over: Partial<Row> = {}): Row => ({
  requestId: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  number: 100 + n,
  title: `Request ${n}`,
  type: 'new_asset',
  status: 'triaged',
  rank: n,
  assignee: { userId: '00000000-0000-4000-8000-000000000009', name: 'Priya Raman' },
  remainingHours: 2.5,
  neededBy: '2026-12-20',
  expectedDoneOn: '2026-12-10',
  belowLine: false,
  reason: `Reason ${n}.`,
  requesters: [{ userId: '00000000-0000-4000-8000-000000000002', name: 'Marcus Reed' }],
  ...over,
});
const html = (rows: Row[], lineIndex: number | null) =>
  renderToStaticMarkup(
    <MantineProvider>
      <MemoryRouter>
        <CapacityQueue rows={rows} lineIndex={lineIndex} slug="northwind" userId={ME} />
      </MemoryRouter>
    </MantineProvider>,
  );

describe('CapacityQueue', () => {
  it('draws the line, in words, right before the first request that will not be done by its date', () => {
    const rows = [row(1), row(2, { requesters: [{ userId: ME, name: 'Sofia' }] }), row(3, { belowLine: true }), row(4, { belowLine: true, neededBy: null })];
    const out = html(rows, 2);
    const line = out.indexOf('The line: requests from here on will not be done by their needed-by date');
    expect(line).toBeGreaterThan(out.indexOf('#102 Request 2'));
    expect(line).toBeLessThan(out.indexOf('#103 Request 3'));
    expect(out.split('data-testid="capacity-line"').length - 1).toBe(1);
    expect(out.split('Late for its date').length - 1).toBe(2);
    expect(out.split('>On time<').length - 1).toBe(2);
    // Each row links to its request; the reader's own is marked; hours carry their unit.
    expect(out).toContain('href="/w/northwind/requests/00000000-0000-4000-8000-000000000101"');
    expect(out.split('>Yours<').length - 1).toBe(1);
    expect(out).toContain('2.5 h');
    expect(out).toContain('Reason 3.');
  });

  it('draws no line when everything fits', () => {
    const out = html([row(1), row(2, { neededBy: null })], null);
    expect(out).not.toContain('capacity-line');
    expect(out).toContain('No date to miss');
  });
});
