import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ActionBar, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconBulb, IconFilterOff, IconGitMerge, IconMessages, IconPlus } from '@tabler/icons-react';
import { THEME_SORTS, THEME_STATUS_LABELS, THEME_STATUSES, type Theme, type ThemeStatus } from '@tandem/contracts';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { EmptyResult, FilterBar, formatCount, QueryView, readSort, SortSelect, TableSkeleton } from '../../../../app/kit/index.ts';
import { usePhone } from '../../../../app/use-phone.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useWorkspaceDetails } from '../../../workspaces/index.ts';
import { useThemes } from '../../hooks/use-themes.ts';
import { plural } from '../shared/theme-bits.tsx';
import { THEME_SORT_OPTIONS, ThemeBoardTable, type ThemeSort } from './theme-board-table.tsx';
import { ThemeCreateModal } from './theme-create-modal.tsx';
import { ThemeMergeModal } from './theme-merge-modal.tsx';
import { ThemeResponseMetrics } from './theme-response-metrics.tsx';

const DEFAULT_SORT: ThemeSort = '-openPipeline';
const STATUS_DATA = THEME_STATUSES.map((s) => ({ value: s, label: THEME_STATUS_LABELS[s] }));

/** The board's filters live in the address bar, so a filtered view can be shared by its link. */
function useBoardView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => {
    const status = params.getAll('status');
    return {
      status: THEME_STATUSES.filter((s) => status.includes(s)),
      q: params.get('q') ?? '',
      sort: readSort(params.get('sort'), THEME_SORTS, DEFAULT_SORT),
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
  const clearFilters = () => update({ status: [], q: '' });
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
        {noThemesAtAll ? (
          <NoThemesYet canTriage={canTriage} onCreate={() => setCreating(true)} />
        ) : (
          <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
            <Stack gap="sm">
              <FilterBar
                fields={[
                  { type: 'search', key: 'q', label: 'Search', placeholder: 'Theme name or description', value: view.q, onChange: (q) => update({ q }), width: 320 },
                  {
                    type: 'multiSelect',
                    key: 'status',
                    label: 'Status',
                    placeholder: 'Any status',
                    data: STATUS_DATA,
                    value: view.status,
                    onChange: (v) => update({ status: v as ThemeStatus[] }),
                    width: 300,
                  },
                ]}
                onClear={clearFilters}
              >
                {phone && <SortSelect sort={view.sort} onSort={(sort) => update({ sort })} options={THEME_SORT_OPTIONS} w="100%" />}
              </FilterBar>
              <QueryView
                query={themes}
                skeleton={<TableSkeleton rows={6} />}
                empty={{
                  when: (d) => d.items.length === 0,
                  icon: <IconFilterOff size={28} />,
                  title: 'No themes match',
                  description: 'Try other words or another status.',
                  action: (
                    <Button variant="default" onClick={clearFilters}>
                      Clear filters
                    </Button>
                  ),
                }}
              >
                {(d) => (
                  <>
                    <Text size="sm" c="dimmed" aria-live="polite">
                      {plural(d.total, 'theme')}
                      {!phone && `, by ${THEME_SORT_OPTIONS.find((o) => o.value === view.sort)?.label.toLowerCase()}`}
                      {canTriage && ' · select themes to merge them'}
                    </Text>
                    <div style={{ opacity: themes.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
                      <ThemeBoardTable
                        themes={d.items}
                        slug={ws.slug}
                        baseCurrency={baseCurrency}
                        sort={view.sort}
                        onSort={(sort) => update({ sort })}
                        selection={selection}
                      />
                    </div>
                  </>
                )}
              </QueryView>
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
      <EmptyResult
        icon={<IconMessages size={28} />}
        title="No themes yet"
        description={
          canTriage
            ? 'Accept a suggested theme or create one. Suggested themes group the feedback reps have logged by what it says; a theme then shows the pipeline behind it and carries your answer back to every rep who reported it.'
            : 'Marketing groups the feedback reps log into themes. Log what you hear from customers; when it joins a theme you will see the answer here and in your notifications.'
        }
        action={
          canTriage ? (
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
          )
        }
      />
    </Card>
  );
}
