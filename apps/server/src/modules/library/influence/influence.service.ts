import type { Deps } from '../../../lib/deps.ts';

/** The library's influence use cases (filled in by the influence feature). */
export function createInfluenceService(deps: Deps) {
  void deps;
  return {};
}

export type InfluenceService = ReturnType<typeof createInfluenceService>;
