import { useSearchParams } from 'react-router-dom';
import { Group, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconColumns, IconInbox, IconList } from '@tabler/icons-react';
import { REQUEST_STATUS_LABELS, REQUEST_STATUSES, REQUEST_TYPE_LABELS, REQUEST_TYPES } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { FilterBar, formatCount, InfiniteQueryView, SortSelect } from '../../../../app/kit/index.ts';
import { usePhone } from '../../../../app/use-phone.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useRequestQueue, type RequestSort } from '../../hooks/use-requests.ts';
import { NewRequestButton } from '../form/new-request-button.tsx';
import { MyStanding } from './my-standing.tsx';
import { QueueBoard } from './queue-board.tsx';
import { activeFilters, queueQuery, readQueueState, writeQueueState, type QueueState, type Whose } from './queue-params.ts';
import { QueueTable } from './queue-table.tsx';

const STATUS_DATA = REQUEST_STATUSES.map((s) => ({ value: s, label: REQUEST_STATUS_LABELS[s] }));
const TYPE_DATA = REQUEST_TYPES.map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t] }));
const SORT_OPTIONS: { value: RequestSort; label: string }[] = [
  { value: 'score', label: 'Queue order' },
  { value: 'needed_by', label: 'Needed by, soonest first' },
  { value: 'created', label: 'Newest first' },
  { value: 'updated', label: 'Recently changed' },
];

/** The queue: every open ask in one public order (pins and placements first, then the score), as a list or a board. */
export function QueuePage() {
  const ws = useWorkspace();
  const phone = usePhone();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = readQueueState(searchParams);
  const update = (patch: Partial<QueueState>, replace = false) => setSearchParams(writeQueueState({ ...state, ...patch }), { replace });
  const whoseData = [
    { value: 'all', label: 'Everyone’s' },
    { value: 'mine', label: 'Mine (filed or joined)' },
    ...(ws.can('requests.triage') ? [{ value: 'assigned', label: 'Assigned to me' }] : []),
  ];

  return (
    <>
      <PageHeader
        title="Requests"
        description="What sales asked marketing for, in one queue everyone sees. The order comes from the pipeline at stake, the dates and how many people ask; open a request to see why it stands where it does."
        actions={<NewRequestButton />}
      />
      <Stack gap="md">
        <MyStanding slug={ws.slug} />
        <Group justify="space-between" align="flex-end" gap="sm">
          <SegmentedControl
            value={state.view}
            onChange={(v) => update({ view: v === 'board' ? 'board' : 'list' })}
            aria-label="Show requests as"
            data={[
              { value: 'list', label: <ViewLabel icon={<IconList size={16} />} text="List" /> },
              { value: 'board', label: <ViewLabel icon={<IconColumns size={16} />} text="Board by status" /> },
            ]}
          />
          {phone && state.view === 'list' && (
            <SortSelect sort={state.sort} onSort={(sort) => update({ sort })} options={SORT_OPTIONS} label="Sort requests" hideLabel w={220} />
          )}
        </Group>
        <FilterBar
          collapseOnPhone
          onClear={() => update({ status: [], type: [], whose: 'all', q: '' })}
          fields={[
            { type: 'search', key: 'q', label: 'Search', value: state.q, onChange: (q) => update({ q }, true), placeholder: 'Words in the title or text', width: 240 },
            ...(state.view === 'list'
              ? [{ type: 'multiSelect' as const, key: 'status', label: 'Status', value: state.status, onChange: (v: string[]) => update({ status: v as QueueState['status'] }), data: STATUS_DATA, placeholder: 'Open requests', width: 220 }]
              : []),
            { type: 'multiSelect', key: 'type', label: 'Type', value: state.type, onChange: (v) => update({ type: v as QueueState['type'] }), data: TYPE_DATA, placeholder: 'Any type', width: 220 },
            { type: 'select', key: 'whose', label: 'Whose', value: state.whose, emptyValue: 'all', onChange: (v) => update({ whose: (v ?? 'all') as Whose }), data: whoseData, width: 200 },
          ]}
        />
        {state.view === 'board' ? <QueueBoard state={state} slug={ws.slug} /> : <QueueList state={state} onSort={(sort) => update({ sort })} />}
      </Stack>
    </>
  );
}

function QueueList({ state, onSort }: { state: QueueState; onSort: (sort: RequestSort) => void }) {
  const ws = useWorkspace();
  const queue = useRequestQueue(ws.slug, queueQuery(state));
  const filtered = activeFilters(state) > 0;
  return (
    <InfiniteQueryView
      query={queue}
      items={(p) => p.items}
      error="Could not load the requests"
      empty={{
        icon: <IconInbox size={28} />,
        title: filtered ? 'No request matches these filters' : 'The queue is empty',
        description: filtered ? 'Clear a filter or two to see more.' : 'Nothing is waiting for marketing. Need material or help on a deal? File a request.',
        action: filtered ? undefined : <NewRequestButton variant="default" />,
      }}
    >
      {(rows, data) => (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {resultLine(rows.length, data.pages[0]?.total ?? 0, state)}
          </Text>
          <QueueTable rows={rows} slug={ws.slug} sort={state.sort} onSort={onSort} />
        </>
      )}
    </InfiniteQueryView>
  );
}

function resultLine(shown: number, total: number, state: QueueState): string {
  const order = SORT_OPTIONS.find((o) => o.value === state.sort)?.label.toLowerCase() ?? 'queue order';
  // Without a status filter the list is the open queue, and says so.
  const base = `${formatCount(total)}${state.status.length === 0 ? ' open' : ''} request${total === 1 ? '' : 's'}, ${order}`;
  return shown < total ? `${base} · showing ${formatCount(shown)}` : base;
}

function ViewLabel({ icon, text }: { icon: React.ReactNode; text: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      {icon}
      <VisuallyHidden>{text}</VisuallyHidden>
    </Group>
  );
}
