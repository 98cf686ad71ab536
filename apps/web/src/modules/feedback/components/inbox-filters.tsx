import { useState } from 'react';
import { Badge, Button, CloseButton, Collapse, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconSearch, IconX } from '@tabler/icons-react';
import { FEEDBACK_KIND_LABELS, FEEDBACK_KINDS, THEME_STATUS_LABELS, THEME_STATUSES, type Member, type Theme } from '@tandem/contracts';
import { usePhone } from '../../../app/use-phone.ts';
import type { InboxView } from '../hooks/use-inbox-view.ts';
import { DebouncedInput } from './debounced-input.tsx';

interface InboxFiltersProps {
  view: InboxView;
  update: (patch: Partial<InboxView>) => void;
  clearFilters: () => void;
  activeFilters: number;
  themes: Theme[];
  members: Member[];
  segments: string[];
  userId: string;
  /** Names of the deal or account the view is narrowed to, when it is. */
  recordLabel: string | null;
}

const KIND_DATA = FEEDBACK_KINDS.map((k) => ({ value: k, label: FEEDBACK_KIND_LABELS[k] }));
const STATUS_DATA = THEME_STATUSES.map((s) => ({ value: s, label: THEME_STATUS_LABELS[s] }));

/** The inbox filters; on a phone the search stays and the rest folds away behind one button. */
export function InboxFilters(props: InboxFiltersProps) {
  const phone = usePhone();
  const [open, setOpen] = useState(false);
  const { view, update, activeFilters, clearFilters, recordLabel } = props;
  const search = (
    <DebouncedInput
      aria-label="Search feedback"
      placeholder="Search the words and quotes"
      leftSection={<IconSearch size={16} />}
      value={view.q}
      onCommit={(q) => update({ q })}
      w={{ base: '100%', sm: 320 }}
    />
  );
  const record = recordLabel && (
    <Badge
      size="lg"
      variant="light"
      tt="none"
      rightSection={<CloseButton size="xs" aria-label="Show feedback on any record" onClick={() => update({ dealId: null, accountId: null })} />}
    >
      {recordLabel}
    </Badge>
  );
  if (!phone) {
    return (
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          {search}
          {record}
          {activeFilters > 0 && (
            <Button variant="subtle" leftSection={<IconX size={14} />} onClick={clearFilters} ml="auto">
              Clear filters
            </Button>
          )}
        </Group>
        <FilterControls {...props} />
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      {search}
      {record}
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          rightSection={activeFilters > 0 ? <Badge size="sm" circle>{activeFilters}</Badge> : undefined}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
        >
          Filters
        </Button>
        {activeFilters > 0 && (
          <Button variant="subtle" leftSection={<IconX size={14} />} onClick={clearFilters}>
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

function FilterControls({ view, update, themes, members, segments, userId }: InboxFiltersProps) {
  const width = (sm: number) => ({ base: '100%', sm });
  const themeData = [
    { value: 'none', label: 'Needs triage (no theme)' },
    ...themes.map((t) => ({ value: t.id, label: t.name })),
  ];
  if (view.theme && !themeData.some((t) => t.value === view.theme)) themeData.push({ value: view.theme, label: 'A theme not listed' });
  const submitters = [
    { value: 'me', label: 'Me' },
    ...members.filter((m) => m.userId !== userId).map((m) => ({ value: m.userId, label: m.name })),
  ];
  if (view.submittedBy && !submitters.some((s) => s.value === view.submittedBy)) {
    submitters.push({ value: view.submittedBy, label: 'A former member' });
  }
  const segmentData = view.segment && !segments.includes(view.segment) ? [...segments, view.segment] : segments;

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <MultiSelect
        label="Kind"
        placeholder={view.kind.length ? undefined : 'Any kind'}
        data={KIND_DATA}
        value={view.kind}
        onChange={(v) => update({ kind: v as InboxView['kind'] })}
        clearable
        w={width(240)}
      />
      <Select
        label="Theme"
        placeholder="Any theme"
        data={themeData}
        value={view.theme}
        onChange={(v) => update({ theme: v })}
        searchable
        clearable
        nothingFoundMessage="No theme by that name"
        w={width(240)}
      />
      <MultiSelect
        label="Theme status"
        placeholder={view.status.length ? undefined : 'Any status'}
        data={STATUS_DATA}
        value={view.status}
        onChange={(v) => update({ status: v as InboxView['status'] })}
        clearable
        w={width(220)}
      />
      <Select
        label="Submitted by"
        placeholder="Anyone"
        data={submitters}
        value={view.submittedBy}
        onChange={(v) => update({ submittedBy: v })}
        searchable
        clearable
        w={width(200)}
      />
      <DebouncedInput label="Competitor" placeholder="Any competitor" value={view.competitor} onCommit={(competitor) => update({ competitor })} w={width(180)} />
      <Select
        label="Segment"
        placeholder="Any segment"
        data={segmentData}
        value={view.segment}
        onChange={(v) => update({ segment: v })}
        searchable
        clearable
        w={width(180)}
      />
      <Group gap="sm" wrap="nowrap" w={{ base: '100%', sm: 'auto' }}>
        <TextInput
          label="Heard from"
          type="date"
          value={view.from}
          onChange={(e) => update({ from: e.currentTarget.value })}
          w={{ base: '50%', sm: 160 }}
        />
        <TextInput
          label="to"
          type="date"
          value={view.to}
          onChange={(e) => update({ to: e.currentTarget.value })}
          error={view.from && view.to && view.from > view.to ? 'Before “from”' : undefined}
          w={{ base: '50%', sm: 160 }}
        />
      </Group>
    </Group>
  );
}
