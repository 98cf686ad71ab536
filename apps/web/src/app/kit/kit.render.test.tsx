// The kit's components rendered to HTML on the server renderer (no DOM here): what they show in
// each state, and the table semantics they promise.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ChartFigure } from './chart-figure.tsx';
import { DataTable, SortSelect, type DataTableColumn } from './data-table.tsx';
import { FilterBar, FilterSelect } from './filter-bar.tsx';
import type { FilterField } from './filters.ts';
import type { QueryLike } from './query-phase.ts';
import { InfiniteQueryView, QueryView } from './query-view.tsx';
import { LineProblems, RefusedLines } from './refused-lines.tsx';

const html = (node: ReactNode) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider>
        <MemoryRouter>{node}</MemoryRouter>
      </MantineProvider>
    </QueryClientProvider>,
  );
const count = (text: string, part: string | RegExp) => text.split(part).length - 1;

interface Deal {
  id: string;
  name: string;
  stage: string;
  amount: string;
  closeDate: string;
}
const deals: Deal[] = [
  { id: 'd1', name: 'Acme renewal', stage: 'Negotiation', amount: '$12,000', closeDate: '2025-03-31' },
  { id: 'd2', name: 'Globex pilot', stage: 'Discovery', amount: '$4,000', closeDate: '2025-04-15' },
];
const columns: DataTableColumn<Deal>[] = [
  { key: 'name', header: 'Deal', sort: 'name', cell: (d) => <a href={`/deals/${d.id}`}>{d.name}</a> },
  { key: 'stage', header: 'Stage', cell: (d) => d.stage },
  { key: 'amount', header: 'Amount', sort: { key: 'amount', first: 'desc' }, align: 'right', cell: (d) => d.amount },
  { key: 'closeDate', header: 'Close date', sort: { key: 'closeDate', first: 'desc' }, cell: (d) => d.closeDate, hiddenOnPhone: true },
];

describe('DataTable', () => {
  it('renders one table with sort buttons and aria-sort on the sortable headers only', () => {
    const out = html(
      <DataTable rows={deals} rowKey={(d) => d.id} columns={columns} aria-label="Deals" sort="-closeDate" onSort={() => {}} phone={false} />,
    );
    expect(count(out, '<table')).toBe(1);
    expect(out).toContain('aria-label="Deals"');
    expect(count(out, 'aria-sort=')).toBe(3);
    expect(out).toMatch(/<th[^>]*aria-sort="descending"[^>]*>.*?Sort by close date/);
    expect(out).toMatch(/<th[^>]*aria-sort="none"[^>]*>.*?Sort by deal/);
    expect(count(out, /<button[^>]*aria-label="Sort by /)).toBe(3);
    expect(out).toMatch(/<th[^>]*>Stage<\/th>/);
    expect(count(out, '<tr')).toBe(3);
    expect(out).toContain('Acme renewal');
    expect(out).toMatch(/<td[^>]*text-align:\s*right[^>]*>\$12,000<\/td>/);
  });

  it('leaves the headers plain without onSort, and adds a full-width row for what is expanded', () => {
    const out = html(
      <DataTable
        rows={deals}
        rowKey={(d) => d.id}
        columns={columns}
        aria-label="Deals"
        phone={false}
        renderExpanded={(d) => (d.id === 'd1' ? <span>attempts of d1</span> : null)}
      />,
    );
    expect(out).not.toContain('aria-sort');
    expect(out).not.toContain('Sort by');
    expect(count(out, '<tr')).toBe(4);
    expect(out).toMatch(/<td[^>]*colSpan="4"[^>]*><span>attempts of d1<\/span><\/td>/i);
  });

  it('on a phone lists the rows as cards with the columns as label/value pairs', () => {
    const out = html(<DataTable rows={deals} rowKey={(d) => d.id} columns={columns} aria-label="Deals" phone />);
    expect(out).not.toContain('<table');
    expect(out).toMatch(/role="list"[^>]*aria-label="Deals"|aria-label="Deals"[^>]*role="list"/);
    expect(count(out, 'role="listitem"')).toBe(2);
    expect(count(out, '<dt')).toBe(4); // Stage and Amount for each deal; the name is the card's title
    expect(out).toMatch(/<dt[^>]*>Stage<\/dt><dd[^>]*>Negotiation<\/dd>/);
    expect(out).not.toContain('Close date'); // hidden on phone
  });

  it('uses the caller’s card on a phone, and shows Load more while there are pages', () => {
    const more = { hasNextPage: true, isFetchingNextPage: false, fetchNextPage: async () => {} };
    const out = html(
      <DataTable rows={deals} rowKey={(d) => d.id} columns={columns} phone renderCard={(d) => <b>card {d.name}</b>} loadMore={more} />,
    );
    expect(out).toContain('<b>card Acme renewal</b>');
    expect(out).toContain('Load more');
    const last = html(
      <DataTable rows={deals} rowKey={(d) => d.id} columns={columns} phone={false} loadMore={{ ...more, hasNextPage: false }} />,
    );
    expect(last).not.toContain('Load more');
  });
});

const query = <T,>(over: Partial<QueryLike<T>>): QueryLike<T> => ({
  data: undefined,
  error: null,
  isPending: false,
  isError: false,
  fetchStatus: 'idle',
  refetch: () => {},
  ...over,
});

describe('QueryView', () => {
  const view = (q: QueryLike<string[]>) =>
    html(
      <QueryView
        query={q}
        error="Could not load the deals"
        idle={<i>fix the filters</i>}
        empty={{ when: (d) => d.length === 0, title: 'No deals yet', description: 'Import some.', action: <button>Import deals</button> }}
      >
        {(d) => <p>{d.join(', ')}</p>}
      </QueryView>,
    );

  it('shows a skeleton while loading and the idle view while switched off', () => {
    expect(view(query({ isPending: true, fetchStatus: 'fetching' }))).toContain('aria-busy="true"');
    expect(view(query({ isPending: true, fetchStatus: 'idle' }))).toContain('<i>fix the filters</i>');
  });

  it('shows the error with its title and Try again', () => {
    const out = view(query({ isError: true, error: new Error('The server is down') }));
    expect(out).toContain('Could not load the deals');
    expect(out).toContain('The server is down');
    expect(out).toContain('Try again');
  });

  it('shows the empty state with its action, else the content', () => {
    const empty = view(query({ data: [] }));
    expect(empty).toContain('No deals yet');
    expect(empty).toContain('Import some.');
    expect(empty).toContain('<button>Import deals</button>');
    expect(view(query({ data: ['a', 'b'] }))).toContain('<p>a, b</p>');
  });

  it('joins the pages of an infinite query and adds Load more', () => {
    const pages = { pages: [{ items: ['a', 'b'] }, { items: ['c'] }] };
    const paged = { hasNextPage: true, isFetchingNextPage: false, fetchNextPage: async () => {} };
    const out = html(
      <InfiniteQueryView query={{ ...query({ data: pages }), ...paged }} items={(p) => p.items} empty={{ title: 'Nothing' }}>
        {(items) => <p>{items.join('')}</p>}
      </InfiniteQueryView>,
    );
    expect(out).toContain('<p>abc</p>');
    expect(out).toContain('Load more');
    const none = html(
      <InfiniteQueryView query={{ ...query({ data: { pages: [{ items: [] as string[] }] } }), ...paged }} items={(p) => p.items} empty={{ title: 'Nothing' }}>
        {(items) => <p>{items.join('')}</p>}
      </InfiniteQueryView>,
    );
    expect(none).toContain('Nothing');
    expect(none).not.toContain('Load more');
  });
});

describe('QueryView with TanStack Query’s own results', () => {
  function Deals({ enabled, initial }: { enabled: boolean; initial?: string[] }) {
    const q = useQuery({ queryKey: ['deals', enabled, initial], queryFn: async () => ['x'], enabled, initialData: initial });
    return (
      <QueryView query={q} idle={<i>held back</i>} empty={{ when: (d) => d.length === 0, title: 'No deals' }}>
        {(d) => <p>{d.length} deals</p>}
      </QueryView>
    );
  }
  function Pages() {
    const q = useInfiniteQuery({
      queryKey: ['pages'],
      queryFn: async () => ({ items: ['a'], nextCursor: null as string | null }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      initialData: { pages: [{ items: ['a', 'b'], nextCursor: 'c2' }], pageParams: [null] },
    });
    return (
      <InfiniteQueryView query={q} items={(p) => p.items} error="Could not load the pages">
        {(items) => <p>{items.length} items</p>}
      </InfiniteQueryView>
    );
  }

  it('accepts useQuery and useInfiniteQuery results as they are', () => {
    expect(html(<Deals enabled={false} />)).toContain('<i>held back</i>');
    expect(html(<Deals enabled initial={[]} />)).toContain('No deals');
    expect(html(<Deals enabled initial={['a', 'b']} />)).toContain('<p>2 deals</p>');
    const pages = html(<Pages />);
    expect(pages).toContain('<p>2 items</p>');
    expect(pages).toContain('Load more');
  });
});

describe('FilterBar', () => {
  const noop = () => {};
  const fields = (from: string, to: string, status: string[]): FilterField[] => [
    { type: 'search', key: 'q', label: 'Search', value: '', onChange: noop },
    { type: 'multiSelect', key: 'status', label: 'Status', value: status, data: [{ value: 'open', label: 'Open' }], onChange: noop },
    { type: 'dateRange', key: 'when', label: 'Close date', value: { from, to }, onChange: noop },
  ];

  it('offers Clear filters only while a filter is set', () => {
    expect(html(<FilterBar fields={fields('', '', [])} phone={false} />)).not.toContain('Clear filters');
    expect(html(<FilterBar fields={fields('', '', ['open'])} phone={false} />)).toContain('Clear filters');
    expect(html(<FilterBar activeCount={1} onClear={noop} phone={false} />)).toContain('Clear filters');
  });

  it('shows From/To as date inputs and the order error on To', () => {
    const out = html(<FilterBar fields={fields('2025-03-02', '2025-03-01', [])} phone={false} />);
    expect(count(out, 'type="date"')).toBe(2);
    expect(out).toContain('>From<');
    expect(out).toContain('>To<');
    expect(out).toContain('“To” must be on or after “From”');
    expect(out).toMatch(/role="group"[^>]*aria-label="Close date"|aria-label="Close date"[^>]*role="group"/);
  });

  it('on a phone folds the filters behind a button with the count, and says what is filtered', () => {
    const out = html(<FilterBar fields={fields('', '', ['open'])} collapseOnPhone phone />);
    expect(out).toMatch(/aria-expanded="false"[^>]*>.*Filters/);
    expect(out).toContain('Filtered by Status: Open');
    expect(out).toContain('Clear filters');
  });

  it('takes controls as children', () => {
    const out = html(
      <FilterBar activeCount={0} phone={false}>
        <FilterSelect field={{ type: 'select', key: 'role', label: 'Role', value: 'all', emptyValue: 'all', data: [{ value: 'all', label: 'All roles' }], onChange: noop }} />
      </FilterBar>,
    );
    expect(out).toContain('Role');
    expect(out).toContain('All roles');
  });
});

describe('QueryView for a section', () => {
  it('shows what a section gives as its empty content instead of the EmptyState', () => {
    const out = html(
      <QueryView query={query<string[]>({ data: [] })} empty={{ when: (d) => d.length === 0, content: <p>Nothing logged on this deal yet.</p> }}>
        {(d) => <p>{d.length}</p>}
      </QueryView>,
    );
    expect(out).toContain('<p>Nothing logged on this deal yet.</p>');
    expect(out).not.toContain('mantine-EmptyState');
    const pages = { pages: [{ items: [] as string[] }] };
    const paged = { hasNextPage: false, isFetchingNextPage: false, fetchNextPage: async () => {} };
    const infinite = html(
      <InfiniteQueryView query={{ ...query({ data: pages }), ...paged }} items={(p) => p.items} empty={{ content: <p>No items in this theme yet.</p> }}>
        {(items) => <p>{items.join('')}</p>}
      </InfiniteQueryView>,
    );
    expect(infinite).toContain('<p>No items in this theme yet.</p>');
  });
});

describe('FilterBar with a pinned search on its own line', () => {
  const noop = () => {};
  const kind: FilterField = { type: 'multiSelect', key: 'kind', label: 'Kind', value: ['objection'], data: [{ value: 'objection', label: 'Objection' }], onChange: noop };
  const competitor: FilterField = { type: 'search', key: 'competitor', label: 'Competitor', value: 'Acme', onChange: noop, plain: true };
  const search = <input aria-label="Search feedback" />;

  it('puts the pinned search and Clear filters on a line above the filters on a desktop', () => {
    const out = html(<FilterBar pinned={search} pinnedLine fields={[kind]} onClear={noop} phone={false} />);
    const searchAt = out.indexOf('aria-label="Search feedback"');
    const clearAt = out.indexOf('Clear filters');
    const kindAt = out.indexOf('Kind');
    expect(searchAt).toBeGreaterThan(-1);
    expect(searchAt).toBeLessThan(clearAt);
    expect(clearAt).toBeLessThan(kindAt);
    // Without pinnedLine the search leads the row and Clear filters ends it.
    const inline = html(<FilterBar pinned={search} fields={[kind]} onClear={noop} phone={false} />);
    expect(inline.indexOf('Kind')).toBeLessThan(inline.indexOf('Clear filters'));
  });

  it('keeps the phone layout: the search first, the rest folded, a plain text filter named in the summary', () => {
    const out = html(<FilterBar pinned={search} pinnedLine fields={[kind, competitor]} collapseOnPhone phone />);
    expect(out.indexOf('aria-label="Search feedback"')).toBeLessThan(out.indexOf('Filters'));
    expect(out).toContain('Filtered by Kind: Objection · Competitor: Acme');
  });
});

describe('FilterBar with unlabelled controls', () => {
  const channel: FilterField = {
    type: 'select',
    key: 'channel',
    label: 'Channel',
    hideLabel: true,
    placeholder: 'Any channel',
    value: 'slack',
    data: [{ value: 'slack', label: 'Slack' }],
    onChange: () => {},
  };

  it('names a field that hides its label by aria-label only, and lines Clear filters up without the label gap', () => {
    const out = html(<FilterBar fields={[channel]} labelled={false} phone={false} />);
    expect(out).toMatch(/<input[^>]*aria-label="Channel"/);
    expect(out).not.toContain('<label');
    expect(out).toContain('Clear filters');
  });

  it('still names it in the phone’s summary', () => {
    expect(html(<FilterBar fields={[channel]} labelled={false} phone />)).toContain('Filtered by Channel: Slack');
  });
});

describe('FilterBar’s phone summary', () => {
  it('keeps Clear filters whole beside a long summary line', () => {
    const long: FilterField = {
      type: 'select',
      key: 'action',
      label: 'Action',
      value: 'team',
      data: [{ value: 'team', label: 'Teams (all), with a label long enough to wrap on a phone' }],
      onChange: () => {},
    };
    const out = html(<FilterBar fields={[long]} phone />);
    expect(out).toContain('Filtered by Action: Teams (all)');
    expect(out).toMatch(/<div[^>]*style="flex-shrink:\s*0"[^>]*><button[^>]*>.*?Clear filters/);
  });
});

describe('DataTable for rows without ids, and SortSelect without a visible label', () => {
  const lines = [
    { line: 5, message: 'not an amount' },
    { line: 5, message: 'not an amount' },
  ];
  const lineColumns: DataTableColumn<(typeof lines)[number]>[] = [
    { key: 'line', header: 'Line', cell: (p) => p.line },
    { key: 'message', header: 'Problem', cell: (p) => p.message },
  ];

  it('keys rows by their index when asked, and stripes them', () => {
    const out = html(<DataTable rows={lines} rowKey={(_, i) => String(i)} columns={lineColumns} aria-label="Rows not imported" striped phone={false} />);
    expect(count(out, '<tr')).toBe(3);
    expect(out).toMatch(/<tr[^>]*data-striped="odd"/);
    expect(html(<DataTable rows={lines} rowKey={(_, i) => String(i)} columns={lineColumns} phone={false} />)).not.toContain('data-striped');
  });

  it('names the sort select by aria-label only when its label is hidden', () => {
    const options = [{ value: '-amount', label: 'Amount, largest first' }] as const;
    const hidden = html(<SortSelect sort="-amount" onSort={() => {}} options={options} label="Sort deals" hideLabel size="xs" />);
    expect(hidden).toMatch(/<input[^>]*aria-label="Sort deals"/);
    expect(hidden).not.toContain('<label');
    expect(hidden).toMatch(/mantine-Select-root" data-size="xs"/);
    const shown = html(<SortSelect sort="-amount" onSort={() => {}} options={options} />);
    expect(shown).toMatch(/<label[^>]*>Sort by/);
  });
});

describe('ChartFigure', () => {
  it('hides the drawing from screen readers and gives them the numbers as a table with a caption', () => {
    const out = html(
      <ChartFigure label="Views per week: 5 views" caption="5 views over 2 weeks" table={{ caption: 'Views per week', columns: ['Week of', 'Views'], rows: [{ key: 'w1', cells: ['Mar 2', 3] }, { key: 'w2', cells: ['Mar 9', 2] }] }}>
        <svg role="img" />
      </ChartFigure>,
    );
    expect(out).toMatch(/<figure[^>]*aria-label="Views per week: 5 views"/);
    expect(out).toMatch(/<div aria-hidden="true"><svg role="img"><\/svg><\/div>/);
    expect(out).toContain('<caption>Views per week</caption>');
    expect(count(out, '<tr>')).toBe(3);
    expect(out).toContain('<td>Mar 9</td><td>2</td>');
    expect(out).toMatch(/<figcaption[^>]*>5 views over 2 weeks<\/figcaption>/);
  });
});

describe('LineProblems and RefusedLines', () => {
  const lines = [
    { line: 3, column: 'Amount', value: 'abc', message: '"abc" is not an amount' },
    { line: 3, column: 'Close Date', value: '', message: 'The close date is empty' },
    ...Array.from({ length: 60 }, (_, i) => ({ line: 10 + i, column: 'Stage', value: 'x', message: `Problem ${i}` })),
  ];
  it('lists each problem with its line, column and value, an empty value said so, the first 50 then more', () => {
    const out = html(<LineProblems lines={lines} label="Rows not imported" />);
    expect(count(out, '<table')).toBe(1);
    expect(out).toContain('aria-label="Rows not imported"');
    expect(out).toContain('&quot;abc&quot; is not an amount');
    expect(out).toContain('(empty)');
    expect(out).toContain('Problem 47');
    expect(out).not.toContain('Problem 48');
    expect(out).toContain('Show 12 more of 12');
    expect(out).not.toContain('Download');
  });
  it('puts the same table under a heading with the CSV download, and shows nothing when no line was refused', () => {
    const out = html(<RefusedLines lines={lines.slice(0, 2)} title="Lines not imported" fileName="t.csv" />);
    expect(out).toMatch(/<h2[^>]*>Lines not imported<\/h2>/);
    expect(out).toContain('Download the refused lines (CSV)');
    expect(out).toContain('aria-label="Lines not imported"');
    expect(html(<RefusedLines lines={[]} title="Lines not imported" fileName="t.csv" />).replace(/<style[^>]*>[^<]*<\/style>/g, '')).toBe('');
  });
});
