import { Chip, Group, Input, SegmentedControl, Select } from '@mantine/core';
import { StageCategory, type DealSummary, type Member } from '@tandem/contracts';
import { describeDayRange, FilterBar, FilterDateRange, FilterSearch, filterSummary, FilterSelect } from '../../../app/kit/index.ts';
import { scopeOf, type DealListView } from '../hooks/use-deal-list-view.ts';
import { CLOSE_PERIOD_LABELS, CLOSE_PERIODS, periodRange, type ClosePeriod } from './close-periods.ts';
import { STATUS_LABELS } from './deal-bits.tsx';
import { TypeableSelect } from './typeable-select.tsx';

interface DealFiltersProps {
  view: DealListView;
  update: (patch: Partial<DealListView>) => void;
  clearFilters: () => void;
  activeFilters: number;
  /** Stages in use in the workspace (from the unfiltered summary). */
  stages: DealSummary['byStage'];
  members: Member[];
  segments: string[];
  /** Undefined until the workspace's fiscal year is known. */
  fyStartMonth: number | undefined;
  today: string;
  /** The signed-in person, offered first among owners. */
  userId: string;
}

const PERIOD_DATA = [
  { value: 'any', label: 'Any time' },
  ...CLOSE_PERIODS.map((p) => ({ value: p, label: CLOSE_PERIOD_LABELS[p] })),
  { value: 'custom', label: CLOSE_PERIOD_LABELS.custom },
];

const width = (sm: number) => ({ base: '100%', sm });

/** Filters of the deal list, all in the address bar; on a phone they fold away behind one button. */
export function DealFilters(props: DealFiltersProps) {
  const { view, update, clearFilters, activeFilters, stages, members, segments, fyStartMonth, today, userId } = props;
  const me = members.find((m) => m.userId === userId);
  const owners = [
    ...(me ? [{ value: me.userId, label: `${me.name} (you)` }] : []),
    ...members.filter((m) => m !== me).map((m) => ({ value: m.userId, label: m.name })),
  ];
  const stageData = StageCategory.options
    .map((category) => ({
      group: STATUS_LABELS[category],
      items: stages.filter((s) => s.stageCategory === category).map((s) => s.stage),
    }))
    .filter((g) => g.items.length > 0);
  if (view.stage && !stages.some((s) => s.stage.toLowerCase() === view.stage!.toLowerCase())) {
    stageData.push({ group: 'Other', items: [view.stage] });
  }
  const range = { from: view.closeFrom, to: view.closeTo };
  const scope = scopeOf(view, userId);
  // "My deals" is the switch's, not a filter's, to show.
  const ownerName = scope === null && view.owner && (members.find((m) => m.userId === view.owner)?.name ?? view.owner);
  const summary = filterSummary([
    view.q.trim() && `“${view.q.trim()}”`,
    view.status.length > 0 && `Status: ${view.status.map((s) => STATUS_LABELS[s]).join(', ')}`,
    view.period && `Close date: ${view.period === 'custom' ? (describeDayRange(range) ?? CLOSE_PERIOD_LABELS.custom) : CLOSE_PERIOD_LABELS[view.period]}`,
    view.stage && `Stage: ${view.stage}`,
    ownerName && `Owner: ${ownerName}`,
    view.segment && `Segment: ${view.segment}`,
  ]);

  const pinned = (
    <>
      <SegmentedControl
        aria-label="Whose deals"
        value={scope ?? ''}
        onChange={(v) => update({ owner: v === 'mine' ? userId : null })}
        data={[
          { value: 'mine', label: 'My deals' },
          { value: 'all', label: 'All deals' },
        ]}
        w={{ base: '100%', sm: 'auto' }}
      />
      <FilterSearch
        field={{
          type: 'search',
          key: 'q',
          label: 'Search deals',
          hideLabel: true,
          placeholder: 'Search deal or account names',
          value: view.q,
          onChange: (q) => update({ q }),
          width: 320,
        }}
      />
    </>
  );

  return (
    <FilterBar activeCount={activeFilters} onClear={clearFilters} summary={summary} pinned={pinned} pinnedLine collapseOnPhone>
      <Input.Wrapper label="Status" w={{ base: '100%', sm: 'auto' }}>
        <Chip.Group multiple value={view.status} onChange={(v) => update({ status: v as StageCategory[] })}>
          <Group gap={6} mt={4} wrap="nowrap" role="group" aria-label="Status">
            {StageCategory.options.map((s) => (
              <Chip key={s} value={s} size="sm" variant="outline">
                {STATUS_LABELS[s]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Input.Wrapper>
      <Select
        label="Close date"
        data={PERIOD_DATA}
        value={view.period ?? 'any'}
        allowDeselect={false}
        onChange={(v) => update({ period: v === 'any' || !v ? null : (v as ClosePeriod | 'custom') })}
        description={periodDescription(view, fyStartMonth, today)}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        w={width(250)}
      />
      {view.period === 'custom' && (
        <FilterDateRange
          field={{
            type: 'dateRange',
            key: 'close',
            label: 'Close date range',
            value: range,
            onChange: (r) => update({ closeFrom: r.from, closeTo: r.to }),
          }}
        />
      )}
      <FilterSelect
        field={{
          type: 'select',
          key: 'stage',
          label: 'Stage',
          placeholder: 'Any stage',
          data: stageData,
          value: view.stage,
          onChange: (v) => update({ stage: v }),
          searchable: true,
          nothingFoundMessage: 'No deals are in a stage with that name',
          width: 230,
        }}
      />
      <TypeableSelect
        label="Owner"
        placeholder="Anyone"
        options={owners}
        value={view.owner}
        onChange={(v) => update({ owner: v })}
        typedLabel={(t) => `Owner named “${t}”`}
        w={width(230)}
      />
      <TypeableSelect
        label="Segment"
        placeholder="Any segment"
        options={segments.map((s) => ({ value: s, label: s }))}
        value={view.segment}
        onChange={(v) => update({ segment: v })}
        typedLabel={(t) => `Segment “${t}”`}
        w={width(200)}
      />
    </FilterBar>
  );
}

function periodDescription(view: DealListView, fyStartMonth: number | undefined, today: string): string | undefined {
  if (!view.period || view.period === 'custom' || fyStartMonth === undefined) return undefined;
  const r = periodRange(view.period, fyStartMonth, today);
  const span = describeDayRange(r);
  return r.quarter ? `Fiscal Q${r.quarter}: ${span}` : (span ?? undefined);
}
