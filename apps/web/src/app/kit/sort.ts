/**
 * Sort values as the API takes them: `key` ascending, `-key` descending.
 * Pure helpers so the table headers and their tests share one rule.
 */

export type SortDirection = 'asc' | 'desc';

/** What a sortable column sorts by. */
export interface SortSpec {
  /** The API's sort key, without the leading "-". */
  key: string;
  /** The direction of the first click: descending where bigger or later is what people look for. Default 'asc'. */
  first?: SortDirection;
  /** The API only offers `first` for this key (e.g. "-items"): clicking again keeps it. */
  fixed?: boolean;
}

export function sortSpec(spec: string | SortSpec): SortSpec {
  return typeof spec === 'string' ? { key: spec } : spec;
}

/** "-closeDate" → { key: "closeDate", direction: "desc" }; an empty value sorts by nothing. */
export function parseSort(sort: string | null | undefined): { key: string; direction: SortDirection } | null {
  if (!sort) return null;
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  return key ? { key, direction: desc ? 'desc' : 'asc' } : null;
}

export function formatSort(key: string, direction: SortDirection): string {
  return direction === 'desc' ? `-${key}` : key;
}

/** The sort after a click on `spec`'s header: its first direction, or the other one if it already sorts. */
export function nextSort(current: string | null | undefined, spec: string | SortSpec): string {
  const { key, first = 'asc', fixed = false } = sortSpec(spec);
  const now = parseSort(current);
  if (!now || now.key !== key || fixed) return formatSort(key, first);
  return formatSort(key, now.direction === 'asc' ? 'desc' : 'asc');
}

/** The header's `aria-sort`: only the column that sorts says a direction. */
export function ariaSort(current: string | null | undefined, spec: string | SortSpec): 'ascending' | 'descending' | 'none' {
  const now = parseSort(current);
  if (!now || now.key !== sortSpec(spec).key) return 'none';
  return now.direction === 'asc' ? 'ascending' : 'descending';
}

/** Accepts a sort from the address bar only if it is one the API offers; otherwise the fallback. */
export function readSort<S extends string>(value: string | null | undefined, allowed: readonly S[], fallback: S): S {
  return value && (allowed as readonly string[]).includes(value) ? (value as S) : fallback;
}

/** Both directions of each key, e.g. for checking a sort read from the address bar: ["name", "-name", …]. */
export function bothDirections<K extends string>(keys: readonly K[]): (K | `-${K}`)[] {
  return keys.flatMap((k) => [k, `-${k}` as const]);
}
