import { Badge, CloseButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { FEEDBACK_KIND_LABELS, FEEDBACK_KINDS, THEME_STATUS_LABELS, THEME_STATUSES, type Member, type Theme } from '@tandem/contracts';
import { countActive, DebouncedTextInput, FilterBar, type FilterField } from '../../../../app/kit/index.ts';
import type { InboxView } from '../../hooks/use-inbox-view.ts';

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
export function InboxFilters({ view, update, clearFilters, activeFilters, themes, members, segments, userId, recordLabel }: InboxFiltersProps) {
  const themeData = [{ value: 'none', label: 'Needs triage (no theme)' }, ...themes.map((t) => ({ value: t.id, label: t.name }))];
  if (view.theme && !themeData.some((t) => t.value === view.theme)) themeData.push({ value: view.theme, label: 'A theme not listed' });
  const submitters = [{ value: 'me', label: 'Me' }, ...members.filter((m) => m.userId !== userId).map((m) => ({ value: m.userId, label: m.name }))];
  if (view.submittedBy && !submitters.some((s) => s.value === view.submittedBy)) {
    submitters.push({ value: view.submittedBy, label: 'A former member' });
  }
  const segmentData = view.segment && !segments.includes(view.segment) ? [...segments, view.segment] : segments;

  const fields: FilterField[] = [
    { type: 'multiSelect', key: 'kind', label: 'Kind', placeholder: 'Any kind', data: KIND_DATA, value: view.kind, onChange: (v) => update({ kind: v as InboxView['kind'] }) },
    {
      type: 'select',
      key: 'theme',
      label: 'Theme',
      placeholder: 'Any theme',
      data: themeData,
      value: view.theme,
      onChange: (theme) => update({ theme }),
      searchable: true,
      nothingFoundMessage: 'No theme by that name',
      width: 240,
    },
    {
      type: 'multiSelect',
      key: 'status',
      label: 'Theme status',
      placeholder: 'Any status',
      data: STATUS_DATA,
      value: view.status,
      onChange: (v) => update({ status: v as InboxView['status'] }),
      width: 220,
    },
    { type: 'select', key: 'submittedBy', label: 'Submitted by', placeholder: 'Anyone', data: submitters, value: view.submittedBy, onChange: (submittedBy) => update({ submittedBy }), searchable: true, width: 200 },
    { type: 'search', key: 'competitor', label: 'Competitor', placeholder: 'Any competitor', value: view.competitor, onChange: (competitor) => update({ competitor }), plain: true, width: 180 },
    { type: 'select', key: 'segment', label: 'Segment', placeholder: 'Any segment', data: segmentData, value: view.segment, onChange: (segment) => update({ segment }), searchable: true, width: 180 },
    {
      type: 'dateRange',
      key: 'heard',
      label: 'Heard',
      fromLabel: 'Heard from',
      toLabel: 'to',
      orderError: 'Before “from”',
      value: { from: view.from, to: view.to },
      onChange: ({ from, to }) => update({ from, to }),
    },
  ];

  const pinned = (
    <>
      <DebouncedTextInput
        aria-label="Search feedback"
        placeholder="Search the words and quotes"
        leftSection={<IconSearch size={16} />}
        value={view.q}
        onCommit={(q) => update({ q })}
        w={{ base: '100%', sm: 320 }}
      />
      {recordLabel && (
        <Badge
          size="lg"
          variant="light"
          tt="none"
          rightSection={<CloseButton size="xs" aria-label="Show feedback on any record" onClick={() => update({ dealId: null, accountId: null })} />}
        >
          {recordLabel}
        </Badge>
      )}
    </>
  );

  // The fields count themselves; the search and the deal or account the view is narrowed to are the rest.
  const others = activeFilters - countActive(fields);
  return (
    <FilterBar
      fields={fields}
      pinned={pinned}
      pinnedLine
      collapseOnPhone
      activeCount={others}
      onClear={clearFilters}
    />
  );
}
