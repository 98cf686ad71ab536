import type { Deps } from '../../../lib/deps.ts';

/** The library's competitors use cases (filled in by the competitors feature). */
export function createCompetitorsService(deps: Deps) {
  void deps;
  return {};
}

export type CompetitorsService = ReturnType<typeof createCompetitorsService>;
