import type { Deps } from '../../../lib/deps.ts';
import { createThemesStructureService, type ThemesStructureService } from './themes-structure.service.ts';
import { createThemesTriageService, type ThemesTriageService } from './themes-triage.service.ts';

/** A theme's own life (triage: status, response, links, follow) and what belongs where (structure: create, merge, split, move), one service to the routes. */
export type ThemesService = ThemesTriageService & ThemesStructureService;

export function createThemesService(deps: Deps): ThemesService {
  return { ...createThemesTriageService(deps), ...createThemesStructureService(deps) };
}
