import { Link } from 'react-router-dom';
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconBriefcase, IconFileImport, IconFilterOff } from '@tabler/icons-react';
import { PageHeader } from '../../../app/components/page-header.tsx';
import { EmptyResult, formatCount, InfiniteQueryView, QueryView, SortSelect, TableSkeleton, todayIn } from '../../../app/kit/index.ts';
import { useRequiredSession } from '../../../app/session.tsx';
import { usePhone } from '../../../app/use-phone.ts';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useAllMembers } from '../../people/index.ts';
import { useWorkspaceDetails } from '../../workspaces/index.ts';
import { resolveFilters, scopeOf, useDealListView } from '../hooks/use-deal-list-view.ts';
import { useDealPages, useDealSummary, useSegments } from '../hooks/use-deals.ts';
import { DealFilters } from './deal-filters.tsx';
import { DealsSummary, TotalsSkeleton } from './deals-summary.tsx';
import { DealsTable, SORT_OPTIONS } from './deals-table.tsx';

export function DealsPage() {
  const ws = useWorkspace();
  const session = useRequiredSession();
  const phone = usePhone();
  const me = session.user.id;
  // A rep opens on their own deals ("My deals"); everyone else on all of them. The switch shows which.
  const { view, update, clearFilters, activeFilters } = useDealListView({ me, defaultOwner: ws.membership.role === 'sales' ? me : null });
  const mineOnly = scopeOf(view, me) === 'mine' && activeFilters === 0;
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
  const baseCurrency = summary.data?.baseCurrency ?? everything.data?.baseCurrency ?? workspace.data?.baseCurrency;
  const noDealsAtAll = everything.data?.total.count === 0;

  // The filters and the list do not wait for the workspace's totals; only "no deals at all" does.
  const list = (
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
          userId={session.user.id}
        />
      </Card>
      <QueryView query={summary} error="Could not load the totals" skeleton={<TotalsSkeleton />}>
        {(s) => <DealsSummary summary={s} statuses={view.status} />}
      </QueryView>
      <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <InfiniteQueryView
            query={deals}
            items={(p) => p.items}
            skeleton={<TableSkeleton rows={8} />}
            idle={
              rangeError ? (
                <Text size="sm" c="dimmed">
                  Fix the close date range to see deals.
                </Text>
              ) : undefined
            }
            empty={
              mineOnly
                ? {
                    icon: <IconBriefcase size={28} />,
                    title: 'You own no deals',
                    description: 'Deals whose owner in the CRM is you show here. The rest of the team’s deals are under All deals.',
                    action: (
                      <Button variant="default" onClick={() => update({ owner: null })}>
                        Show all deals
                      </Button>
                    ),
                  }
                : {
                    icon: <IconFilterOff size={28} />,
                    title: view.q.trim() ? `No deals match “${view.q.trim()}”` : 'No deals match these filters',
                    description: view.q.trim()
                      ? 'Search looks in deal and account names. Check the spelling, or clear the filters.'
                      : 'Widen the close date or clear a filter.',
                    action: (
                      <Button variant="default" onClick={clearFilters}>
                        Clear filters
                      </Button>
                    ),
                  }
            }
          >
            {(rows, data) => {
              const total = data.pages[0]?.total ?? 0;
              return (
                <>
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Text size="sm" c="dimmed" aria-live="polite">
                      Showing {formatCount(rows.length)} of {formatCount(total)} {total === 1 ? 'deal' : 'deals'}
                    </Text>
                    {phone && (
                      <SortSelect
                        label="Sort deals"
                        hideLabel
                        size="xs"
                        w={200}
                        options={SORT_OPTIONS}
                        sort={view.sort}
                        onSort={(sort) => update({ sort })}
                      />
                    )}
                  </Group>
                  <div style={{ opacity: deals.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
                    <DealsTable deals={rows} slug={ws.slug} baseCurrency={baseCurrency} sort={view.sort} onSort={(sort) => update({ sort })} />
                  </div>
                </>
              );
            }}
          </InfiniteQueryView>
        </Stack>
      </Card>
    </Stack>
  );

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
      <QueryView query={everything} skeleton={list} empty={{ when: (d) => d.total.count === 0, content: <NoDealsYet /> }}>
        {() => list}
      </QueryView>
    </>
  );
}

function NoDealsYet() {
  const ws = useWorkspace();
  const canImport = ws.can('deals.import');
  return (
    <Card withBorder radius="md" p="xl">
      <EmptyResult
        icon={<IconBriefcase size={28} />}
        title="No deals yet"
        description={
          canImport
            ? 'Import a Salesforce report, a HubSpot export or any CSV of opportunities. Deals bring pipeline, win rates and revenue at stake into Tandem.'
            : 'Deals appear here once an admin or a sales lead imports them from your CRM. Ask them to run an import.'
        }
        action={
          canImport && (
            <Button component={Link} to={`/w/${ws.slug}/imports`} leftSection={<IconFileImport size={18} />}>
              Import deals
            </Button>
          )
        }
      />
    </Card>
  );
}
