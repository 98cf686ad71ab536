// The shared web kit: formatters, one DataTable, one FilterBar, one QueryView. Usage: ./README.md.
export * from './format.ts';
export * from './sort.ts';
export * from './filters.ts';
export * from './query-phase.ts';
export { CardsSkeleton, FormError, LoadMore, QueryError, TableSkeleton, type PagedQuery } from './query-parts.tsx';
export { EmptyResult, InfiniteQueryView, QueryView, type EmptyContent, type EmptyView, type InfiniteQueryViewProps, type QueryViewProps } from './query-view.tsx';
export { DataTable, SortSelect, type DataTableColumn, type DataTableProps } from './data-table.tsx';
export {
  DebouncedTextInput,
  FilterBar,
  FilterDateRange,
  FilterMultiSelect,
  FilterSearch,
  FilterSelect,
  type FilterBarProps,
} from './filter-bar.tsx';
export { ChartFigure, type ChartFigureProps } from './chart-figure.tsx';
export { CommentList, type CommentListItem, type CommentListProps } from './comment-list.tsx';
export { ColumnMapping, type ColumnMappingProps } from './column-mapping.tsx';
export { LineProblems, RefusedLines, refusedLinesCsv, type RefusedLine, type RefusedLinesProps } from './refused-lines.tsx';
export * from './field-catalogue.ts';
export { todayIn } from './today.ts';
