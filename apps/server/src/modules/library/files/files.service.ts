import type { Deps } from '../../../lib/deps.ts';

/** The library's files use cases (filled in by the files feature). */
export function createFilesService(deps: Deps) {
  void deps;
  return {};
}

export type FilesService = ReturnType<typeof createFilesService>;
