/**
 * Totals and facet counts of searches without words, kept per filter set until the library changes. They read
 * every asset of the workspace (80,000 rows in the benchmark: the one part of a search that grows with the
 * library), while what the library looks like is one index-only scan away (`searchRepository.stamp`: how many
 * statements changed the workspace's assets, one row read by key). Per process, a few hundred filter sets at most, the least recently used dropped.
 */
const MAX_ENTRIES = 300;

export class CountsCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: T }>();

  constructor(private readonly max = MAX_ENTRIES) {}

  get(key: string, stamp: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.stamp !== stamp) return undefined;
    this.entries.set(key, hit); // most recently used last
    return hit.value;
  }

  set(key: string, stamp: string, value: T) {
    this.entries.delete(key);
    this.entries.set(key, { stamp, value });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}
