import { Link, useSearchParams } from 'react-router-dom';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import { DECISION_KIND_LABELS, DECISION_KINDS, DECISION_PHASE_LABELS, DECISION_PHASES, type DecisionKind, type DecisionPhase, type DecisionSummary } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { DataTable, FilterBar, formatCount, formatDateTime, formatDay, InfiniteQueryView, type DataTableColumn } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useDecisionOwners } from '../../hooks/use-decision-owners.ts';
import { useDecisionLog, type DecisionLogParams } from '../../hooks/use-decisions.ts';
import { PhaseBadge, StanceCountsLine } from '../shared/decision-bits.tsx';

const KIND_DATA = DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABELS[k] }));
const PHASE_DATA = DECISION_PHASES.map((p) => ({ value: p, label: DECISION_PHASE_LABELS[p] }));
const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

function readParams(sp: URLSearchParams): DecisionLogParams {
  return {
    q: sp.get('q') ?? '',
    kind: list(sp.get('kind')) as DecisionKind[],
    status: list(sp.get('status')) as DecisionPhase[],
    owner: sp.get('owner') ?? undefined,
  };
}

function writeParams(p: DecisionLogParams): URLSearchParams {
  const sp = new URLSearchParams();
  if (p.q) sp.set('q', p.q);
  if (p.kind?.length) sp.set('kind', p.kind.join(','));
  if (p.status?.length) sp.set('status', p.status.join(','));
  if (p.owner) sp.set('owner', p.owner);
  return sp;
}

/** The decision log: every strategic call, who owns it, where its input stands and what was chosen. */
export function DecisionLogPage() {
  const ws = useWorkspace();
  const [sp, setSp] = useSearchParams();
  const params = readParams(sp);
  const update = (patch: Partial<DecisionLogParams>, replace = false) => setSp(writeParams({ ...params, ...patch }), { replace });
  const owners = useDecisionOwners(ws.slug);
  return (
    <>
      <PageHeader
        title="Decisions"
        description="Positioning, pricing, launch and segment calls, with sales asked before they are made. Each shows who was asked, what they said and what changed because of it."
        actions={
          ws.can('decisions.write') && (
            <Button component={Link} to={`/w/${ws.slug}/decisions/new`} leftSection={<IconPlus size={16} />}>
              New decision
            </Button>
          )
        }
      />
      <Stack gap="md">
        <FilterBar
          collapseOnPhone
          onClear={() => update({ q: '', kind: [], status: [], owner: undefined })}
          fields={[
            { type: 'search', key: 'q', label: 'Search', value: params.q ?? '', onChange: (q) => update({ q }, true), placeholder: 'Words in the title, context or options', width: 260 },
            { type: 'multiSelect', key: 'kind', label: 'Kind', value: params.kind ?? [], onChange: (v) => update({ kind: v as DecisionKind[] }), data: KIND_DATA, placeholder: 'Any kind', width: 220 },
            { type: 'multiSelect', key: 'status', label: 'Status', value: params.status ?? [], onChange: (v) => update({ status: v as DecisionPhase[] }), data: PHASE_DATA, placeholder: 'Any status', width: 220 },
            { type: 'select', key: 'owner', label: 'Owner', value: params.owner ?? '', emptyValue: '', onChange: (v) => update({ owner: v || undefined }), data: [{ value: '', label: 'Anyone' }, ...owners], width: 200 },
          ]}
        />
        <DecisionList params={params} />
      </Stack>
    </>
  );
}

function DecisionList({ params }: { params: DecisionLogParams }) {
  const ws = useWorkspace();
  const tz = useRequiredSession().user.timeZone;
  const log = useDecisionLog(ws.slug, params);
  const filtered = !!(params.q || params.kind?.length || params.status?.length || params.owner);
  const columns: DataTableColumn<DecisionSummary>[] = [
    {
      key: 'title',
      header: 'Decision',
      primary: true,
      cell: (d) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/w/${ws.slug}/decisions/${d.id}`} size="sm" fw={600} c="dark.8" style={{ textDecoration: 'underline' }}>
            {d.title}
          </Anchor>
          {d.awaitingMyInput && (
            <Text size="xs" c="blue.8">
              Your input is asked
            </Text>
          )}
        </Stack>
      ),
      cellProps: { miw: 240, maw: 380 },
    },
    { key: 'kind', header: 'Kind', cell: (d) => <Text size="sm">{DECISION_KIND_LABELS[d.kind]}</Text> },
    { key: 'status', header: 'Status', cell: (d) => <PhaseBadge phase={d.phase} /> },
    { key: 'owner', header: 'Owner', cell: (d) => <Text size="sm">{d.owner.name}</Text> },
    { key: 'input', header: 'Input', cell: (d) => <StanceCountsLine counts={d.counts} size="xs" /> },
    {
      key: 'when',
      header: 'Closes / decided',
      cell: (d) => <Text size="sm">{d.decidedAt ? `Decided ${formatDay(d.decidedAt.slice(0, 10))}: ${d.chosenOption}` : `${formatDateTime(d.inputClosesAt, tz)}`}</Text>,
      cellProps: { maw: 260 },
    },
  ];
  return (
    <InfiniteQueryView
      query={log}
      items={(p) => p.items}
      error="Could not load the decisions"
      empty={{
        icon: <IconGavel size={28} />,
        title: filtered ? 'No decision matches these filters' : 'No decisions yet',
        description: filtered ? 'Clear a filter or two to see more.' : 'Open a decision for input to ask sales before a positioning, pricing or launch call.',
      }}
    >
      {(rows, data) => (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {formatCount(data.pages[0]?.total ?? 0)} decision{(data.pages[0]?.total ?? 0) === 1 ? '' : 's'}, newest first
          </Text>
          <DataTable rows={rows} rowKey={(d) => d.id} columns={columns} aria-label="Decisions" rowHref={(d) => `/w/${ws.slug}/decisions/${d.id}`} />
        </>
      )}
    </InfiniteQueryView>
  );
}
