import { useState } from 'react';
import { Badge, Button, Chip, Collapse, Group, Input, Select, Stack, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconX } from '@tabler/icons-react';
import { StageCategory, type DealSummary, type Member } from '@tandem/contracts';
import { usePhone } from '../../../app/use-phone.ts';
import type { DealListView } from '../hooks/use-deal-list-view.ts';
import { CLOSE_PERIOD_LABELS, CLOSE_PERIODS, periodRange, type ClosePeriod } from './close-periods.ts';
import { STATUS_LABELS } from './deal-bits.tsx';
import { formatDay } from '../../../app/kit/format.ts';
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
  rangeError: string | undefined;
  /** The signed-in person, offered first among owners. */
  userId: string;
}

const PERIOD_DATA = [
  { value: 'any', label: 'Any time' },
  ...CLOSE_PERIODS.map((p) => ({ value: p, label: CLOSE_PERIOD_LABELS[p] })),
  { value: 'custom', label: CLOSE_PERIOD_LABELS.custom },
];

/** Filters of the deal list; on a phone they fold away behind one button. */
export function DealFilters(props: DealFiltersProps) {
  const phone = usePhone();
  const [open, setOpen] = useState(false);
  if (!phone) return <FilterControls {...props} />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          rightSection={props.activeFilters > 0 ? <Badge size="sm" circle>{props.activeFilters}</Badge> : undefined}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
        >
          Filters
        </Button>
        {props.activeFilters > 0 && (
          <Button variant="subtle" leftSection={<IconX size={14} />} onClick={props.clearFilters}>
            Clear filters
          </Button>
        )}
      </Group>
      <Collapse expanded={open}>
        <FilterControls {...props} />
      </Collapse>
    </Stack>
  );
}

function FilterControls(props: DealFiltersProps) {
  const { view, update, clearFilters, activeFilters, stages, members, segments, fyStartMonth, today, rangeError, userId } = props;
  const phone = usePhone();
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
  const width = (sm: number) => ({ base: '100%', sm });

  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-start" wrap="wrap">
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
          <Group gap="sm" align="flex-start" wrap="nowrap" w={{ base: '100%', sm: 'auto' }}>
            <TextInput
              label="From"
              type="date"
              value={view.closeFrom}
              onChange={(e) => update({ closeFrom: e.currentTarget.value })}
              w={{ base: '50%', sm: 160 }}
            />
            <TextInput
              label="To"
              type="date"
              value={view.closeTo}
              onChange={(e) => update({ closeTo: e.currentTarget.value })}
              error={rangeError}
              w={{ base: '50%', sm: 160 }}
            />
          </Group>
        )}
      </Group>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label="Stage"
          placeholder="Any stage"
          data={stageData}
          value={view.stage}
          onChange={(v) => update({ stage: v })}
          searchable
          clearable
          nothingFoundMessage="No deals are in a stage with that name"
          w={width(230)}
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
        {activeFilters > 0 && !phone && (
          <Button variant="subtle" leftSection={<IconX size={14} />} onClick={clearFilters}>
            Clear filters
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function periodDescription(view: DealListView, fyStartMonth: number | undefined, today: string): string | undefined {
  if (!view.period || view.period === 'custom' || fyStartMonth === undefined) return undefined;
  const r = periodRange(view.period, fyStartMonth, today);
  const span = `${formatDay(r.from)} – ${formatDay(r.to)}`;
  return r.quarter ? `Fiscal Q${r.quarter}: ${span}` : span;
}
