import type { ReactNode } from 'react';
import { EmptyState, type MantineSize } from '@mantine/core';
import { flattenPages, queryPhase, type QueryLike } from './query-phase.ts';
import { LoadMore, QueryError, TableSkeleton, type PagedQuery } from './query-parts.tsx';

/** What an empty result shows: Mantine's EmptyState with an optional action (a button or two). */
export interface EmptyView {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  size?: MantineSize;
}

/** Instead of the EmptyState: what a small section shows when it has nothing, e.g. one dimmed line in a card. */
export interface EmptyContent {
  content: ReactNode;
}

interface ViewProps {
  /** Shown while the first answer is on its way. Default: <TableSkeleton />. */
  skeleton?: ReactNode;
  /** Title of the error box, e.g. "Could not load the deals". Default: "Could not load this". */
  error?: string;
  /** Shown while the query is switched off (`enabled: false`), e.g. a filter is invalid. Default: the skeleton. */
  idle?: ReactNode;
  /**
   * Instead of the error box as it is: `(box, error) => …`, e.g. the box inside the page's own layout
   * (`(box) => <AuthLayout title="Set up Tandem">{box}</AuthLayout>`), or a page of its own for a refused link.
   */
  renderError?: (box: ReactNode, error: unknown) => ReactNode;
}

export interface QueryViewProps<T> extends ViewProps {
  query: QueryLike<T>;
  /** When `when(data)` holds, the empty view replaces the content. */
  empty?: (EmptyView | EmptyContent) & { when: (data: T) => boolean };
  children: (data: T) => ReactNode;
}

/** One query's loading, error, empty and loaded states, in the order every page checks them. */
export function QueryView<T>({ query, skeleton, error, renderError, idle, empty, children }: QueryViewProps<T>) {
  const phase = queryPhase(query, empty?.when);
  return renderPhase(phase, { query, skeleton, error, renderError, idle, empty }, () => children(query.data as T));
}

export interface InfiniteQueryViewProps<P, I> extends ViewProps {
  query: QueryLike<{ pages: P[] }> & PagedQuery;
  /** The rows of one page, e.g. `(page) => page.items`. */
  items: (page: P) => readonly I[];
  /** Default: empty when no page has a row. */
  empty?: (EmptyView | EmptyContent) & { when?: (items: I[], data: { pages: P[] }) => boolean };
  /** "Load more" under the content while there are more pages. Default true; false when a DataTable shows it. */
  loadMore?: boolean;
  children: (items: I[], data: { pages: P[] }) => ReactNode;
}

/** A cursor-paged query: the rows of every loaded page, then "Load more" while there are more. */
export function InfiniteQueryView<P, I>({
  query,
  items,
  skeleton,
  error,
  renderError,
  idle,
  empty,
  loadMore = true,
  children,
}: InfiniteQueryViewProps<P, I>) {
  const rows = flattenPages(query.data, items);
  const isEmpty = empty ? (data: { pages: P[] }) => (empty.when ? empty.when(rows, data) : rows.length === 0) : undefined;
  const phase = queryPhase(query, isEmpty);
  return renderPhase(phase, { query, skeleton, error, renderError, idle, empty }, () => (
    <>
      {children(rows, query.data!)}
      {loadMore && <LoadMore query={query} />}
    </>
  ));
}

export function EmptyResult({ icon, title, description, action, size }: EmptyView) {
  return (
    <EmptyState icon={icon} title={title} description={description} size={size}>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}

function renderPhase(
  phase: ReturnType<typeof queryPhase>,
  props: ViewProps & { query: QueryLike<unknown>; empty?: EmptyView | EmptyContent },
  content: () => ReactNode,
) {
  const skeleton = props.skeleton ?? <TableSkeleton />;
  switch (phase) {
    case 'idle':
      return <>{props.idle ?? skeleton}</>;
    case 'pending':
      return <>{skeleton}</>;
    case 'error': {
      const box = <QueryError error={props.query.error} onRetry={() => void props.query.refetch()} title={props.error} />;
      return <>{props.renderError ? props.renderError(box, props.query.error) : box}</>;
    }
    case 'empty':
      return 'content' in props.empty! ? <>{props.empty.content}</> : <EmptyResult {...props.empty!} />;
    case 'ready':
      return <>{content()}</>;
  }
}
