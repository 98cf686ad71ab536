import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Checkbox, Group, Kbd, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChecks, IconFileImport, IconFilterOff, IconMessages } from '@tabler/icons-react';
import type { FeedbackItem } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { EmptyResult, flattenPages, InfiniteQueryView, TableSkeleton, type EmptyView } from '../../../../app/kit/index.ts';
import { useRequiredSession } from '../../../../app/session.tsx';
import { usePhone } from '../../../../app/use-phone.ts';
import { useWorkspace, type WorkspaceContextValue } from '../../../../app/workspace-context.tsx';
import { useAccount, useDeal, useSegments } from '../../../deals/index.ts';
import { useAllMembers } from '../../../people/index.ts';
import { useFeedbackCount, useFeedbackPages } from '../../hooks/use-feedback.ts';
import { useThemeOptions } from '../../hooks/use-themes.ts';
import { EMPTY_VIEW, inboxFilters, useInboxView, type InboxView } from '../../hooks/use-inbox-view.ts';
import { FeedbackRow } from '../shared/feedback-row.tsx';
import { InboxFilters } from './inbox-filters.tsx';
import { LogFeedbackButton } from '../capture/log-feedback-button.tsx';
import { MoveToTheme } from './move-to-theme.tsx';
import { QUICK_LOG_KEY } from '../capture/quick-log-context.ts';

type Preset = 'all' | 'triage' | 'mine';

function presetOf(view: InboxView, active: number): Preset | null {
  if (active === 0) return 'all';
  if (active === 1 && view.theme === 'none') return 'triage';
  if (active === 1 && view.submittedBy === 'me') return 'mine';
  return null;
}

export function FeedbackInboxPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const tz = session.user.timeZone;
  const canTriage = ws.can('feedback.triage');
  const phone = usePhone();
  const { view, update, clearFilters, activeFilters } = useInboxView();
  // Null while the date range is backwards: the list waits for a range that makes sense.
  const filters = inboxFilters(view, tz);
  const items = useFeedbackPages(ws.slug, filters ?? {}, { enabled: filters !== null });
  const untriaged = useFeedbackCount(ws.slug, { theme: 'none' });
  const themes = useThemeOptions(ws.slug);
  const members = useAllMembers(ws.slug);
  const segments = useSegments(ws.slug);
  const deal = useDeal(ws.slug, view.dealId ?? undefined).data;
  const account = useAccount(ws.slug, !view.dealId ? (view.accountId ?? undefined) : undefined).data;
  const recordLabel = view.dealId ? `Deal: ${deal?.name ?? '…'}` : view.accountId ? `Account: ${account?.name ?? '…'}` : null;

  const rows = flattenPages(items.data, (p) => p.items);
  const filterKey = JSON.stringify(filters);
  const [selection, setSelection] = useState<{ key: string; ids: Set<string> }>({ key: filterKey, ids: new Set() });
  // A new filter starts a new selection: items out of sight are never moved by surprise.
  const selected = selection.key === filterKey ? selection.ids : new Set<string>();
  const select = (ids: Set<string>) => setSelection({ key: filterKey, ids });
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    select(next);
  };
  const allShown = rows.length > 0 && rows.every((r) => selected.has(r.id));

  const preset = presetOf(view, activeFilters);
  const triageCount = untriaged.data;

  return (
    <>
      <PageHeader
        title="Feedback"
        description="What reps hear from customers: pain points, objections, requests and competitor news, with the theme each belongs to."
        actions={
          ws.can('feedback.import') ? (
            <Button component={Link} to={`/w/${ws.slug}/feedback/import`} variant="default" leftSection={<IconFileImport size={16} />}>
              Import
            </Button>
          ) : undefined
        }
      />
      <Stack gap="md">
        <SegmentedControl
          value={preset ?? ''}
          onChange={(v) => {
            const next = { ...EMPTY_VIEW, q: view.q };
            if (v === 'triage') next.theme = 'none';
            if (v === 'mine') next.submittedBy = 'me';
            update(next);
          }}
          data={[
            { value: 'all', label: phone ? 'All' : 'All feedback' },
            { value: 'triage', label: triageCount ? `Needs triage (${triageCount})` : 'Needs triage' },
            { value: 'mine', label: phone ? 'Mine' : 'Logged by me' },
          ]}
          aria-label="Show"
          w={{ base: '100%', sm: 'fit-content' }}
        />
        <Card withBorder radius="md" p="md">
          <InboxFilters
            view={view}
            update={update}
            clearFilters={clearFilters}
            activeFilters={activeFilters}
            themes={themes.data?.items ?? []}
            members={members.data ?? []}
            segments={segments.data ?? []}
            userId={session.user.id}
            recordLabel={recordLabel}
          />
        </Card>
        {/* Overflow visible: the move bar inside sticks to the bottom of the window, not of this card. */}
        <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} style={{ overflow: 'visible' }}>
          <Stack gap="sm">
            <InfiniteQueryView
              query={items}
              items={(p) => p.items}
              skeleton={<TableSkeleton rows={6} />}
              idle={<EmptyResult {...NO_MATCH} action={<ClearFilters onClick={clearFilters} />} />}
              empty={inboxEmpty(view, activeFilters, clearFilters, ws)}
            >
              {(rows, data) => {
                const total = data.pages[0]?.total ?? 0;
                return (
                  <>
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <Group gap="sm">
                        {canTriage && (
                          <Checkbox
                            checked={allShown}
                            indeterminate={!allShown && rows.some((r) => selected.has(r.id))}
                            onChange={() => select(allShown ? new Set() : new Set(rows.map((r) => r.id)))}
                            aria-label="Select all shown"
                            label={allShown ? 'All shown selected' : 'Select all shown'}
                            size="sm"
                          />
                        )}
                        <Text size="sm" c="dimmed" aria-live="polite">
                          Showing {rows.length} of {total} {total === 1 ? 'item' : 'items'}, most recently heard first
                        </Text>
                      </Group>
                    </Group>
                    <div style={{ opacity: items.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
                      <Stack gap={0} role="list" aria-label="Feedback">
                        {rows.map((item: FeedbackItem) => (
                          <FeedbackRow
                            key={item.id}
                            item={item}
                            slug={ws.slug}
                            tz={tz}
                            selection={canTriage ? { selected: selected.has(item.id), onToggle: () => toggle(item.id) } : undefined}
                          />
                        ))}
                      </Stack>
                    </div>
                    {/* After the list, sticky at the bottom: it takes its own room and never covers the row just ticked. */}
                    {canTriage && selected.size > 0 && (
                      <MoveToTheme
                        items={rows.filter((r) => selected.has(r.id)).map((r) => ({ id: r.id, themeId: r.theme?.id ?? null }))}
                        themes={themes.data?.items ?? []}
                        onMoved={() => select(new Set())}
                        onClear={() => select(new Set())}
                      />
                    )}
                  </>
                );
              }}
            </InfiniteQueryView>
          </Stack>
        </Card>
      </Stack>
    </>
  );
}

const NO_MATCH: EmptyView = {
  icon: <IconFilterOff size={28} />,
  title: 'No feedback matches these filters',
  description: 'Widen the dates or clear a filter.',
};

function ClearFilters({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="default" onClick={onClick}>
      Clear filters
    </Button>
  );
}

/** What an empty inbox says: nothing to triage, nothing matching the filters, or nothing logged yet. */
function inboxEmpty(view: InboxView, activeFilters: number, clearFilters: () => void, ws: WorkspaceContextValue): EmptyView {
  if (activeFilters === 1 && view.theme === 'none') {
    return {
      icon: <IconChecks size={28} />,
      title: 'Nothing waits for triage',
      description: 'Every item is in a theme. New feedback that Tandem cannot file on its own shows up here.',
    };
  }
  if (activeFilters > 0) return { ...NO_MATCH, action: <ClearFilters onClick={clearFilters} /> };
  return {
    icon: <IconMessages size={28} />,
    title: 'No feedback yet',
    description: (
      <>
        Heard a pain point, an objection or a feature request on a call? Log it with “Log feedback” or press{' '}
        <Kbd size="xs">{QUICK_LOG_KEY}</Kbd> anywhere. Marketing groups similar feedback into themes and tells everyone who
        reported it what they did about it.
      </>
    ),
    action: (
      <>
        <LogFeedbackButton />
        {ws.can('feedback.import') && (
          <Button component={Link} to={`/w/${ws.slug}/feedback/import`} variant="default" leftSection={<IconFileImport size={16} />}>
            Import a spreadsheet
          </Button>
        )}
      </>
    ),
  };
}
