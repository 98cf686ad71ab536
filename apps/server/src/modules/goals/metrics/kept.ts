import { processCache } from '../../../lib/process-caches.ts';

/**
 * Answers kept in process under a key naming everything they read (change stamps, fingerprints, the query), least
 * recently used out past `limit` (decisions 0016 and 0021): a key that moves with every write it depends on makes a
 * kept answer never older than that write.
 */
export function keptAnswers(limit: number) {
  const kept = new Map<string, unknown>();
  return processCache({
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      if (kept.has(key)) {
        const hit = kept.get(key) as T;
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      const value = await compute();
      kept.set(key, value);
      if (kept.size > limit) kept.delete(kept.keys().next().value!);
      return value;
    },
    clear() {
      kept.clear();
    },
  });
}
