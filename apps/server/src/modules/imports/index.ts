// Imports: files of deals or accounts (Salesforce reports, HubSpot exports, any CSV with a
// mapping) and the upsert API, each taken in as one atomic, recorded, undoable change.
// reading/ turns rows into deals without a database; pipeline/ stages and merges them.
import type { Deps } from '../../lib/deps.ts';
import { createImportsService, type ImportsService } from './imports.service.ts';

export { importsRoutes } from './imports.routes.ts';
export type { ImportsService } from './imports.service.ts';
export type { ImportRequest } from './import-outcome.ts';
export type { ImportProgressReport } from './pipeline/merge.ts';
export { ImportsErrors } from './imports.errors.ts';
export { parseMappingFile } from './reading/mapping-file.ts';
export { parseAccountMappingFile } from './reading/account-mapping-file.ts';

export interface ImportsServices {
  imports: ImportsService;
}

export function createImportsServices(deps: Deps): ImportsServices {
  return { imports: createImportsService(deps) };
}
