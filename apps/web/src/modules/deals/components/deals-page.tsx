import { Link } from 'react-router-dom';
import { Button, Card, EmptyState, Group, Select, Stack, Text } from '@mantine/core';
import { IconBriefcase, IconFileImport, IconFilterOff } from '@tabler/icons-react';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { LoadMore, QueryError, TableSkeleton } from '../../../app/components/query-state.tsx';
import { useRequiredSession } from '../../../app/session.tsx';
import { usePhone } from '../../../app/use-phone.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useAllMembers } from '../../people/hooks/use-members.ts';
import { useWorkspaceDetails } from '../../workspaces/hooks/use-workspace-details.ts';
import type { DealSort } from '../api/deals.api.ts';
import { resolveFilters, useDealListView } from '../hooks/use-deal-list-view.ts';
import { useDealPages, useDealSummary, useSegments } from '../hooks/use-deals.ts';
import { todayIn } from './close-periods.ts';
import { DealFilters } from './deal-filters.tsx';
import { DealsSummary } from './deals-summary.tsx';
import { DealsTable, SORT_OPTIONS } from './deals-table.tsx';
import { formatCount } from '../../../app/kit/format.ts';

export function DealsPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const phone = usePhone();
  const { view, update, clearFilters, activeFilters } = useDealListView();
  const workspace = useWorkspaceDetails(ws.slug);
  const members = useAllMembers(ws.slug);
  const segments = useSegments(ws.slug);
  const today = todayIn(session.user.timeZone);

  // A named period is a fiscal one: wait for the fiscal year rather than guess it.
  const fyStartMonth = workspace.data?.fiscalYearStartMonth;
  const waitingForFiscalYear = !!view.period && view.period !== 'custom' && fyStartMonth === undefined;
  const { filters, rangeError } = resolveFilters(view, fyStartMonth ?? 1, today);
  const ready = !waitingForFiscalYear && !rangeError;

  const everything = useDealSummary(ws.slug, {});
  const summary = useDealSummary(ws.slug, filters, ready);
  const deals = useDealPages(ws.slug, filters, view.sort, ready);
  const rows = deals.data?.pages.flatMap((p) => p.items) ?? [];
  const total = deals.data?.pages[0]?.total ?? 0;
  const baseCurrency = summary.data?.baseCurrency ?? everything.data?.baseCurrency ?? workspace.data?.baseCurrency;
  const noDealsAtAll = everything.data?.total.count === 0;

  return (
    <>
      <PageHeader
        title="Deals"
        description={`Every opportunity from your CRM, in one list. Totals are in ${baseCurrency ?? 'the base currency'}; quarters follow your fiscal year.`}
        actions={
          ws.can('deals.import') && !noDealsAtAll ? (
            <Button component={Link} to={`/w/${ws.slug}/imports`} variant="default" leftSection={<IconFileImport size={16} />}>
              Import deals
            </Button>
          ) : undefined
        }
      />
      {everything.isError ? (
        <QueryError error={everything.error} onRetry={() => void everything.refetch()} />
      ) : noDealsAtAll ? (
        <NoDealsYet />
      ) : (
        <Stack gap="md">
          <Card withBorder radius="md" p="md">
            <DealFilters
              view={view}
              update={update}
              clearFilters={clearFilters}
              activeFilters={activeFilters}
              stages={everything.data?.byStage ?? []}
              members={members.data ?? []}
              segments={segments.data ?? []}
              fyStartMonth={fyStartMonth}
              today={today}
              rangeError={rangeError}
              userId={session.user.id}
            />
          </Card>
          {summary.isError ? (
            <QueryError error={summary.error} onRetry={() => void summary.refetch()} title="Could not load the totals" />
          ) : (
            <DealsSummary summary={ready ? summary.data : undefined} statuses={view.status} />
          )}
          <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
            {!ready || deals.isPending ? (
              rangeError ? (
                <Text size="sm" c="dimmed">
                  Fix the close date range to see deals.
                </Text>
              ) : (
                <TableSkeleton rows={8} />
              )
            ) : deals.isError ? (
              <QueryError error={deals.error} onRetry={() => void deals.refetch()} />
            ) : rows.length === 0 ? (
              <EmptyState
                icon={<IconFilterOff size={28} />}
                title="No deals match these filters"
                description="Widen the close date or clear a filter."
              >
                <EmptyState.Actions>
                  <Button variant="default" onClick={clearFilters}>
                    Clear filters
                  </Button>
                </EmptyState.Actions>
              </EmptyState>
            ) : (
              <Stack gap="sm">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text size="sm" c="dimmed" aria-live="polite">
                    Showing {formatCount(rows.length)} of {formatCount(total)} {total === 1 ? 'deal' : 'deals'}
                  </Text>
                  {phone && (
                    <Select
                      aria-label="Sort deals"
                      size="xs"
                      data={SORT_OPTIONS}
                      value={view.sort}
                      onChange={(v) => v && update({ sort: v as DealSort })}
                      allowDeselect={false}
                      w={200}
                    />
                  )}
                </Group>
                <div style={{ opacity: deals.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
                  <DealsTable deals={rows} slug={ws.slug} baseCurrency={baseCurrency} sort={view.sort} onSort={(sort) => update({ sort })} />
                </div>
                <LoadMore query={deals} />
              </Stack>
            )}
          </Card>
        </Stack>
      )}
    </>
  );
}

function NoDealsYet() {
  const ws = useWorkspace();
  const canImport = ws.can('deals.import');
  return (
    <Card withBorder radius="md" p="xl">
      <EmptyState
        icon={<IconBriefcase size={28} />}
        title="No deals yet"
        description={
          canImport
            ? 'Import a Salesforce report, a HubSpot export or any CSV of opportunities. Deals bring pipeline, win rates and revenue at stake into Tandem.'
            : 'Deals appear here once an admin or a sales lead imports them from your CRM. Ask them to run an import.'
        }
      >
        {canImport && (
          <EmptyState.Actions>
            <Button component={Link} to={`/w/${ws.slug}/imports`} leftSection={<IconFileImport size={18} />}>
              Import deals
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Card>
  );
}
