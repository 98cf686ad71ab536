import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Collapse, Grid, Group, Paper, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconBooks, IconLayoutGrid, IconList, IconPlus, IconSearch } from '@tabler/icons-react';
import { PageHeader } from '../../../../app/components/page-header.tsx';
import { CardsSkeleton, DebouncedTextInput, formatCount, InfiniteQueryView } from '../../../../app/kit/index.ts';
import { usePhone } from '../../../../app/use-phone.ts';
import { useWorkspace } from '../../../../app/workspace-context.tsx';
import { useAssetSearch, type AssetSearchParams } from '../../hooks/use-search.ts';
import { AssetResults, type ResultsView } from './asset-results.tsx';
import { FacetFilters } from './facet-filters.tsx';
import { activeFilterCount, readSearchParams, writeSearchParams } from './search-params.ts';

/** The library: search as you type (the words and filters live in the address bar), facets with counts, grid or list. */
export function LibraryPage() {
  const ws = useWorkspace();
  const phone = usePhone();
  const canWrite = ws.can('library.write');
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readSearchParams(searchParams);
  const [view, setView] = useLocalStorage<ResultsView>({ key: 'tandem.library.view', defaultValue: 'grid' });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const search = useAssetSearch(ws.slug, params);
  const facets = search.data?.pages[0]?.facets;
  const filters = activeFilterCount(params);
  const searching = !!params.q || filters > 0;

  // Typing replaces the history entry (one Back leaves the library); a filter click adds one.
  const update = (next: AssetSearchParams, replace = false) => setSearchParams(writeSearchParams(next), { replace });
  const clear = () => update({});

  const filterPanel = <FacetFilters params={params} facets={facets} canWrite={canWrite} onChange={(next) => update(next)} />;

  return (
    <>
      <PageHeader
        title="Library"
        description="Battlecards, case studies, decks and talk tracks: search by any word, even misspelled, and narrow down by tag."
        actions={
          canWrite && (
            <Button component={Link} to={`/w/${ws.slug}/library/new`} leftSection={<IconPlus size={16} />}>
              New asset
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-end">
          <DebouncedTextInput
            value={params.q ?? ''}
            onCommit={(q) => update({ ...params, q: q.trim() || undefined }, true)}
            delay={200}
            placeholder="Search titles, tags and text — “pricing”, “snowflake batt”…"
            aria-label="Search the library"
            leftSection={<IconSearch size={16} />}
            type="search"
            style={{ flex: 1 }}
            size="md"
          />
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as ResultsView)}
            aria-label="Show results as"
            data={[
              { value: 'grid', label: <ViewLabel icon={<IconLayoutGrid size={16} />} text="Grid" /> },
              { value: 'list', label: <ViewLabel icon={<IconList size={16} />} text="List" /> },
            ]}
          />
        </Group>

        <Grid gap="lg">
          {phone ? (
            <Grid.Col span={12}>
              <Group justify="space-between">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconAdjustmentsHorizontal size={14} />}
                  onClick={() => setFiltersOpen((o) => !o)}
                  aria-expanded={filtersOpen}
                >
                  Filters{filters ? ` (${filters})` : ''}
                </Button>
                {filters > 0 && (
                  <Button variant="subtle" size="xs" onClick={() => update({ q: params.q })}>
                    Clear filters
                  </Button>
                )}
              </Group>
              <Collapse expanded={filtersOpen}>
                <Paper withBorder radius="md" p="md" mt="sm">
                  {filterPanel}
                </Paper>
              </Collapse>
            </Grid.Col>
          ) : (
            <Grid.Col span={{ base: 12, sm: 4, lg: 3 }}>
              <Paper withBorder radius="md" p="md" component="aside" aria-label="Filters">
                <Stack gap="md">
                  <Group justify="space-between">
                    <Text fw={600}>Filters</Text>
                    {filters > 0 && (
                      <Button variant="subtle" size="compact-xs" onClick={() => update({ q: params.q })}>
                        Clear filters
                      </Button>
                    )}
                  </Group>
                  {filterPanel}
                </Stack>
              </Paper>
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, sm: 8, lg: 9 }}>
            <Stack gap="sm">
              <InfiniteQueryView
                query={search}
                items={(p) => p.items}
                skeleton={<CardsSkeleton />}
                error="Could not search the library"
                empty={
                  searching
                    ? {
                        icon: <IconSearch size={28} />,
                        title: params.q ? `Nothing matches “${params.q}”` : 'Nothing matches these filters',
                        description: params.q
                          ? 'Try fewer words or another word for it, or clear the filters. Misspellings in titles are forgiven; in the text they are not.'
                          : 'Clear a filter or two to see more.',
                        action: (
                          <Button variant="default" onClick={clear}>
                            Clear search and filters
                          </Button>
                        ),
                      }
                    : {
                        icon: <IconBooks size={28} />,
                        title: 'The library is empty',
                        description: canWrite
                          ? 'Add the first battlecard, case study or deck: reps find it here and on their deal pages.'
                          : 'Marketing has not published anything yet. Ask for the material you need in Requests.',
                        action: canWrite ? (
                          <Button component={Link} to={`/w/${ws.slug}/library/new`} leftSection={<IconPlus size={16} />}>
                            New asset
                          </Button>
                        ) : undefined,
                      }
                }
              >
                {(hits, data) => (
                  <>
                    <Text size="sm" c="dimmed" aria-live="polite">
                      {resultLine(hits.length, data.pages[0]?.total ?? 0, params.q)}
                    </Text>
                    <AssetResults hits={hits} view={view} slug={ws.slug} />
                  </>
                )}
              </InfiniteQueryView>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function resultLine(shown: number, total: number, q: string | undefined) {
  const what = `${formatCount(total)} asset${total === 1 ? '' : 's'}`;
  const base = q ? `${what} for “${q}”, best match first` : `${what}, most recently updated first`;
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
