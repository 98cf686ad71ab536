import type { Deps } from '../../../lib/deps.ts';

/** The library's search use cases (filled in by the search feature). */
export function createSearchService(deps: Deps) {
  void deps;
  return {};
}

export type SearchService = ReturnType<typeof createSearchService>;
