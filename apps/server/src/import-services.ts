import { composeDeps, workspaceHooks, type BaseDeps } from './compose-deps.ts';
import { createImportsServices } from './modules/imports/index.ts';
import { createWorkspacesServices } from './modules/workspaces/index.ts';

/**
 * The services `tandem import` uses (workspaces to find the workspace, imports to run or undo), built without
 * loading the other modules: the process stays about 80 MB smaller (205 → 125 MB once loaded), which keeps a
 * 1,000,000-row import under its 300 MB budget (docs/benchmarks.md, deals import).
 */
export function createImportServices(base: BaseDeps) {
  const deps = composeDeps(base);
  return { deps, ...createWorkspacesServices(deps, workspaceHooks), ...createImportsServices(deps) };
}

export type ImportServices = ReturnType<typeof createImportServices>;
