import type { Deps } from '../../../lib/deps.ts';
import { createThemesMergeService, type ThemesMergeService } from './themes-merge.service.ts';
import { createThemesStructureService, type ThemesStructureService } from './themes-structure.service.ts';
import { createThemesTriageService, type ThemesTriageService } from './themes-triage.service.ts';

/**
 * A theme's own life (triage: status, response, links, follow), what belongs where (structure: create, split, move)
 * and merging (merge, undo a merge), one service to the routes.
 */
export type ThemesService = ThemesTriageService & ThemesStructureService & ThemesMergeService;

export function createThemesService(deps: Deps): ThemesService {
  return { ...createThemesTriageService(deps), ...createThemesStructureService(deps), ...createThemesMergeService(deps) };
}
