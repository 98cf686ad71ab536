import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ActionBar, Button, Card, EmptyState, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconBulb, IconFilterOff, IconGitMerge, IconMessages, IconPlus, IconSearch } from '@tabler/icons-react';
import { THEME_SORTS, THEME_STATUS_LABELS, THEME_STATUSES, type Theme, type ThemeStatus } from '@tandem/contracts';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { QueryError, TableSkeleton } from '../../../app/components/query-state.tsx';
import { usePhone } from '../../../app/use-phone.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { formatCount } from '../../../app/kit/format.ts';
import { useWorkspaceDetails } from '../../workspaces/hooks/use-workspace-details.ts';
import { useThemes } from '../hooks/use-themes.ts';
import { plural } from './theme-bits.tsx';
import { THEME_SORT_OPTIONS, ThemeBoardTable, type ThemeSort } from './theme-board-table.tsx';
import { ThemeCreateModal } from './theme-create-modal.tsx';
import { ThemeMergeModal } from './theme-merge-modal.tsx';
import { ThemeResponseMetrics } from './theme-response-metrics.tsx';

const DEFAULT_SORT: ThemeSort = '-openPipeline';

/** The board's filters live in the address bar, so a filtered view can be shared by its link. */
function useBoardView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => {
    const status = params.getAll('status');
    const sort = params.get('sort') ?? '';
    return {
      status: THEME_STATUSES.filter((s) => status.includes(s)),
      q: params.get('q') ?? '',
      sort: (THEME_SORTS as readonly string[]).includes(sort) ? (sort as ThemeSort) : DEFAULT_SORT,
    };
  }, [params]);
  const update = (patch: Partial<typeof view>) =>
    setParams(
      (prev) => {
        const next = { status: prev.getAll('status'), q: prev.get('q') ?? '', sort: prev.get('sort') ?? DEFAULT_SORT, ...patch };
        const out = new URLSearchParams();
        for (const s of next.status) out.append('status', s);
        if (next.q.trim()) out.set('q', next.q.trim());
        if (next.sort !== DEFAULT_SORT) out.set('sort', next.sort);
        return out;
      },
      { replace: true },
    );
  return { view, update };
}

export function ThemeBoardPage() {
  const ws = useWorkspace();
  const phone = usePhone();
  const canTriage = ws.can('feedback.triage');
  const { view, update } = useBoardView();
  const [search, setSearch] = useState(view.q);
  const pushSearch = useDebouncedCallback((q: string) => update({ q }), 300);
  const baseCurrency = useWorkspaceDetails(ws.slug).data?.baseCurrency;
  const themes = useThemes(ws.slug, { status: view.status, q: view.q || undefined, sort: view.sort });
  const [creating, setCreating] = useState(false);
  const [merging, setMerging] = useState(false);
  // Themes by id, so a selection survives filtering the list.
  const [selected, setSelected] = useState<Map<string, Theme>>(new Map());

  const rows = themes.data?.items ?? [];
  const filtered = view.status.length > 0 || !!view.q;
  const noThemesAtAll = !filtered && themes.data?.total === 0 && !themes.isPlaceholderData;

  const selection = canTriage
    ? {
        selected: new Set(selected.keys()),
        toggle: (id: string) =>
          setSelected((prev) => {
            const next = new Map(prev);
            const theme = rows.find((t) => t.id === id);
            if (next.has(id)) next.delete(id);
            else if (theme) next.set(id, theme);
            return next;
          }),
        setAll: (ids: string[]) => setSelected(new Map(rows.filter((t) => ids.includes(t.id)).map((t) => [t.id, t]))),
      }
    : undefined;

  return (
    <>
      <PageHeader
        title="Themes"
        description={`What the field keeps hearing, grouped into themes and weighed by the revenue behind them. Amounts are in ${baseCurrency ?? 'the base currency'}.`}
        actions={
          canTriage ? (
            <>
              <Button component={Link} to={`/w/${ws.slug}/feedback/suggestions`} variant="default" leftSection={<IconBulb size={16} />}>
                Suggested themes
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                New theme
              </Button>
            </>
          ) : undefined
        }
      />
      <Stack gap="md">
        <ThemeResponseMetrics slug={ws.slug} />
        {themes.isError ? (
          <QueryError error={themes.error} onRetry={() => void themes.refetch()} />
        ) : noThemesAtAll ? (
          <NoThemesYet canTriage={canTriage} onCreate={() => setCreating(true)} />
        ) : (
          <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
            <Stack gap="sm">
              <Group gap="sm" align="flex-end" wrap="wrap">
                <TextInput
                  label="Search"
                  placeholder="Theme name or description"
                  leftSection={<IconSearch size={16} />}
                  value={search}
                  onChange={(e) => {
                    setSearch(e.currentTarget.value);
                    pushSearch(e.currentTarget.value);
                  }}
                  style={{ flex: '1 1 220px' }}
                />
                <MultiSelect
                  label="Status"
                  placeholder={view.status.length ? undefined : 'Any status'}
                  data={THEME_STATUSES.map((s) => ({ value: s, label: THEME_STATUS_LABELS[s] }))}
                  value={view.status}
                  onChange={(v) => update({ status: v as ThemeStatus[] })}
                  clearable
                  style={{ flex: '1 1 260px' }}
                />
                {phone && (
                  <Select
                    label="Sort by"
                    data={THEME_SORT_OPTIONS}
                    value={view.sort}
                    onChange={(v) => v && update({ sort: v as ThemeSort })}
                    allowDeselect={false}
                    style={{ flex: '1 1 100%' }}
                  />
                )}
              </Group>
              {themes.isPending ? (
                <TableSkeleton rows={6} />
              ) : rows.length === 0 ? (
                <EmptyState icon={<IconFilterOff size={28} />} title="No themes match" description="Try other words or another status.">
                  <EmptyState.Actions>
                    <Button
                      variant="default"
                      onClick={() => {
                        setSearch('');
                        update({ status: [], q: '' });
                      }}
                    >
                      Clear filters
                    </Button>
                  </EmptyState.Actions>
                </EmptyState>
              ) : (
                <>
                  <Text size="sm" c="dimmed" aria-live="polite">
                    {plural(themes.data.total, 'theme')}
                    {!phone && `, by ${THEME_SORT_OPTIONS.find((o) => o.value === view.sort)?.label.toLowerCase()}`}
                    {canTriage && ' · select themes to merge them'}
                  </Text>
                  <div style={{ opacity: themes.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
                    <ThemeBoardTable
                      themes={rows}
                      slug={ws.slug}
                      baseCurrency={baseCurrency}
                      sort={view.sort}
                      onSort={(sort) => update({ sort })}
                      selection={selection}
                    />
                  </div>
                </>
              )}
            </Stack>
          </Card>
        )}
      </Stack>
      {canTriage && (
        <>
          <ActionBar opened={selected.size > 0 && !merging} onClose={() => setSelected(new Map())} aria-label="Selected themes">
            <Group gap="sm" wrap="nowrap" px="xs">
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {formatCount(selected.size)} selected
              </Text>
              <Button size="xs" leftSection={<IconGitMerge size={14} />} onClick={() => setMerging(true)}>
                Merge into…
              </Button>
              <Button size="xs" variant="subtle" color="gray" onClick={() => setSelected(new Map())}>
                Clear
              </Button>
            </Group>
          </ActionBar>
          <ThemeCreateModal slug={ws.slug} opened={creating} onClose={() => setCreating(false)} />
          <ThemeMergeModal
            slug={ws.slug}
            opened={merging}
            selected={[...selected.values()]}
            onClose={() => setMerging(false)}
            onMerged={() => {
              setMerging(false);
              setSelected(new Map());
            }}
          />
        </>
      )}
    </>
  );
}

function NoThemesYet({ canTriage, onCreate }: { canTriage: boolean; onCreate: () => void }) {
  const ws = useWorkspace();
  return (
    <Card withBorder radius="md" p="xl">
      <EmptyState
        icon={<IconMessages size={28} />}
        title="No themes yet"
        description={
          canTriage
            ? 'Accept a suggested theme or create one. Suggested themes group the feedback reps have logged by what it says; a theme then shows the pipeline behind it and carries your answer back to every rep who reported it.'
            : 'Marketing groups the feedback reps log into themes. Log what you hear from customers; when it joins a theme you will see the answer here and in your notifications.'
        }
      >
        <EmptyState.Actions>
          {canTriage ? (
            <>
              <Button component={Link} to={`/w/${ws.slug}/feedback/suggestions`} leftSection={<IconBulb size={18} />}>
                See suggested themes
              </Button>
              <Button variant="default" leftSection={<IconPlus size={18} />} onClick={onCreate}>
                New theme
              </Button>
            </>
          ) : (
            <Button component={Link} to={`/w/${ws.slug}/feedback`} leftSection={<IconMessages size={18} />}>
              Go to feedback
            </Button>
          )}
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
}
