import type { Deps } from '../../../lib/deps.ts';

/** The library's usage use cases (filled in by the usage feature). */
export function createUsageService(deps: Deps) {
  void deps;
  return {};
}

export type UsageService = ReturnType<typeof createUsageService>;
