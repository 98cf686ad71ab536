import type { Deps } from '../../../lib/deps.ts';

/** The library's shares use cases (filled in by the shares feature). */
export function createSharesService(deps: Deps) {
  void deps;
  return {};
}

export type SharesService = ReturnType<typeof createSharesService>;
