import { Fragment, type MouseEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Box,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  UnstyledButton,
  type MantineSize,
  type MantineSpacing,
  type PaperProps,
  type TableTdProps,
  type TableThProps,
  type TableTrProps,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { usePhone } from '../use-phone.ts';
import { LoadMore, type PagedQuery } from './query-parts.tsx';
import { ariaSort, nextSort, type SortSpec } from './sort.ts';

export interface DataTableColumn<T> {
  /** Unique among the columns (React key). */
  key: string;
  header: ReactNode;
  /** Plain-text name for "Sort by …" and the phone card's labels. Default: `header` when it is a string. */
  label?: string;
  cell: (row: T, index: number) => ReactNode;
  /** Makes the header a sort button: the API's key (ascending first) or a SortSpec. */
  sort?: string | SortSpec;
  align?: 'left' | 'center' | 'right';
  /** Left out of the default phone card (a checkbox, or what the card's title already says). */
  hiddenOnPhone?: boolean;
  /** Shown unlabelled on top of the default phone card. Default: the first column. */
  primary?: boolean;
  /** Props of the column's cells (w, miw, maw, style…), the same for every row or per row. */
  cellProps?: TableTdProps | ((row: T) => TableTdProps);
  headerProps?: TableThProps;
}

export interface DataTableProps<T, S extends string = string> {
  rows: readonly T[];
  /** A stable key; the index is there for rows that have no id of their own (the lines of a file). */
  rowKey: (row: T, index: number) => string;
  columns: readonly DataTableColumn<T>[];
  /** Names the table, and the list of cards on a phone. */
  'aria-label'?: string;
  /** A visible caption (Mantine puts it under the table unless captionSide="top"). */
  caption?: ReactNode;
  captionSide?: 'top' | 'bottom';
  /** The current sort as the API takes it: "key" or "-key". */
  sort?: S;
  onSort?: (sort: S) => void;
  /** A click anywhere on the row opens this address; links and buttons inside keep their own target. */
  rowHref?: (row: T) => string;
  /** `state` for the row's navigation, e.g. where "back" should return to. */
  rowLinkState?: unknown;
  onRowClick?: (row: T, event: MouseEvent<HTMLTableRowElement>) => void;
  rowProps?: (row: T) => TableTrProps;
  /** A full-width row under the row (attempts, details); return null when it is closed. */
  renderExpanded?: (row: T) => ReactNode;
  expandedCellProps?: TableTdProps;
  /** The phone's card for a row (its content: the kit draws the card). Default: the columns as label/value pairs. */
  renderCard?: (row: T) => ReactNode;
  cardProps?: (row: T) => PaperProps;
  /** Overrides the phone check: false keeps the table (scrolling sideways) on a phone. */
  phone?: boolean;
  /** Below this width the table scrolls sideways. Default 720. */
  minWidth?: number;
  verticalSpacing?: MantineSpacing;
  horizontalSpacing?: MantineSpacing;
  /** Default: on when rows are clickable. */
  highlightOnHover?: boolean;
  /** Alternate row shading, for long lists of short rows. */
  striped?: boolean;
  /** "Load more" under the rows, for cursor-paged lists (leave it out inside an InfiniteQueryView). */
  loadMore?: PagedQuery;
}

// Clicks on these keep their own meaning instead of opening the row.
const INTERACTIVE = 'a, button, input, label, select, textarea, [role="button"], [role="checkbox"], [data-row-click="ignore"]';

function columnLabel<T>(column: DataTableColumn<T>): string {
  return column.label ?? (typeof column.header === 'string' ? column.header : column.key);
}

function cellPropsOf<T>(column: DataTableColumn<T>, row: T): TableTdProps {
  const props = typeof column.cellProps === 'function' ? column.cellProps(row) : column.cellProps;
  return { ta: column.align === 'left' ? undefined : column.align, ...props };
}

/** One table for every list: sortable headers, clickable rows, cards on a phone, "Load more". */
export function DataTable<T, S extends string = string>(props: DataTableProps<T, S>) {
  const isPhone = usePhone();
  const phone = props.phone ?? isPhone;
  return (
    <>
      {phone ? <DataCards {...props} /> : <DataRows {...props} />}
      {props.loadMore && <LoadMore query={props.loadMore} />}
    </>
  );
}

function DataRows<T, S extends string>({
  rows,
  rowKey,
  columns,
  caption,
  captionSide,
  sort,
  onSort,
  rowHref,
  rowLinkState,
  onRowClick,
  rowProps,
  renderExpanded,
  expandedCellProps,
  minWidth = 720,
  verticalSpacing = 'xs',
  horizontalSpacing,
  highlightOnHover,
  striped,
  ...rest
}: DataTableProps<T, S>) {
  const navigate = useNavigate();
  const clickable = !!(rowHref || onRowClick);
  const open = (row: T, e: MouseEvent<HTMLTableRowElement>) => {
    if ((e.target as HTMLElement).closest(INTERACTIVE)) return;
    onRowClick?.(row, e);
    if (rowHref) void navigate(rowHref(row), { state: rowLinkState });
  };
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table
        verticalSpacing={verticalSpacing}
        horizontalSpacing={horizontalSpacing}
        highlightOnHover={highlightOnHover ?? clickable}
        striped={striped}
        captionSide={captionSide}
        aria-label={rest['aria-label']}
      >
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) =>
              c.sort && onSort ? (
                <SortableHeader key={c.key} column={c} sort={sort} onSort={onSort} />
              ) : (
                <Table.Th key={c.key} ta={c.align === 'left' ? undefined : c.align} {...c.headerProps}>
                  {c.header}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => {
            const extra = rowProps?.(row);
            const expanded = renderExpanded?.(row);
            return (
              <Fragment key={rowKey(row, i)}>
                <Table.Tr
                  {...extra}
                  onClick={
                    clickable
                      ? (e) => {
                          extra?.onClick?.(e);
                          open(row, e);
                        }
                      : extra?.onClick
                  }
                  style={clickable ? { cursor: 'pointer', ...(extra?.style as object) } : extra?.style}
                >
                  {columns.map((c) => (
                    <Table.Td key={c.key} {...cellPropsOf(c, row)}>
                      {c.cell(row, i)}
                    </Table.Td>
                  ))}
                </Table.Tr>
                {expanded !== undefined && expanded !== null && expanded !== false && (
                  <Table.Tr>
                    <Table.Td colSpan={columns.length} {...expandedCellProps}>
                      {expanded}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SortableHeader<T, S extends string>({
  column,
  sort,
  onSort,
}: {
  column: DataTableColumn<T>;
  sort: S | undefined;
  onSort: (sort: S) => void;
}) {
  const spec = column.sort!;
  const state = ariaSort(sort, spec);
  const active = state !== 'none';
  const Icon = !active ? IconSelector : state === 'descending' ? IconArrowDown : IconArrowUp;
  const right = column.align === 'right';
  return (
    <Table.Th aria-sort={state} ta={column.align === 'left' ? undefined : column.align} {...column.headerProps}>
      <UnstyledButton onClick={() => onSort(nextSort(sort, spec) as S)} aria-label={`Sort by ${columnLabel(column).toLowerCase()}`}>
        <Group gap={4} wrap="nowrap" justify={right ? 'flex-end' : column.align === 'center' ? 'center' : 'flex-start'}>
          <Text size="sm" fw={700} c={active ? undefined : 'dark.4'} ta={column.align}>
            {column.header}
          </Text>
          <Icon size={14} color={active ? undefined : 'var(--mantine-color-gray-5)'} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function DataCards<T, S extends string>({ rows, rowKey, columns, renderCard, cardProps, ...rest }: DataTableProps<T, S>) {
  return (
    <Stack gap="xs" role="list" aria-label={rest['aria-label']}>
      {rows.map((row, i) => (
        <Paper key={rowKey(row, i)} withBorder p="sm" radius="md" role="listitem" {...cardProps?.(row)}>
          {renderCard ? renderCard(row) : <ColumnsCard row={row} index={i} columns={columns} />}
        </Paper>
      ))}
    </Stack>
  );
}

/** The default phone card: the primary column on top, the others as label/value pairs. */
function ColumnsCard<T>({ row, index, columns }: { row: T; index: number; columns: readonly DataTableColumn<T>[] }) {
  const shown = columns.filter((c) => !c.hiddenOnPhone);
  const primary = shown.find((c) => c.primary) ?? shown[0];
  const others = shown.filter((c) => c !== primary);
  return (
    <Stack gap={6}>
      {primary && <div>{primary.cell(row, index)}</div>}
      {others.length > 0 && (
        <Stack component="dl" gap={4} m={0}>
          {others.map((c) => (
            <Group key={c.key} justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Text component="dt" size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                {columnLabel(c)}
              </Text>
              <Box component="dd" m={0} ta="right" style={{ minWidth: 0 }}>
                {c.cell(row, index)}
              </Box>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** The sort as a select, for a phone where the cards have no headers to click. */
export function SortSelect<S extends string>({
  sort,
  onSort,
  options,
  label = 'Sort by',
  hideLabel = false,
  size,
  w,
}: {
  sort: S;
  onSort: (sort: S) => void;
  options: readonly { value: S; label: string }[];
  label?: string;
  /** No visible label: `label` names the select for screen readers only (beside a "Showing …" line). */
  hideLabel?: boolean;
  size?: MantineSize;
  w?: number | string;
}) {
  return (
    <Select
      {...(hideLabel ? { 'aria-label': label } : { label })}
      data={[...options]}
      value={sort}
      onChange={(v) => v && onSort(v as S)}
      allowDeselect={false}
      size={size}
      w={w}
    />
  );
}
