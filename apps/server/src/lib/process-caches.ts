/**
 * Every in-process cache of answers read from the database (and the word vectors, which tests replace) registers
 * here, so one call empties them all. The server never needs it (a cache's key moves with the writes it depends on),
 * but two test files that run in one process on clones of the same database (the same workspace ids, the same
 * change-stamp sequence) could otherwise be handed each other's answers: the server test project runs its files in
 * one process (vitest `isolate: false`) and empties the caches before each file (apps/server/test/per-file.ts,
 * decision 0023).
 */
const caches = new Set<{ clear(): void }>();

/** Registers `cache` (a Map, a Set, or anything with `clear()`) and returns it. */
export function processCache<T extends { clear(): void }>(cache: T): T {
  caches.add(cache);
  return cache;
}

/** Empties every registered cache. */
export function clearProcessCaches(): void {
  for (const cache of caches) cache.clear();
}
