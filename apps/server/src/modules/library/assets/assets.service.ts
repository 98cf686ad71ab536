import type { Deps } from '../../../lib/deps.ts';

/** The library's assets use cases (filled in by the assets feature). */
export function createAssetsService(deps: Deps) {
  void deps;
  return {};
}

export type AssetsService = ReturnType<typeof createAssetsService>;
