import type { Deps } from '../../../lib/deps.ts';
import { createCompetitorInsightsService, type CompetitorInsightsService } from './competitors-insights.service.ts';
import { createCompetitorRecordsService, type CompetitorRecordsService } from './competitors-records.service.ts';

/** Competitor records (create, edit, aliases, delete) and what their pages read, one service to the routes. */
export type CompetitorsService = CompetitorRecordsService & CompetitorInsightsService;

export function createCompetitorsService(deps: Deps): CompetitorsService {
  return { ...createCompetitorRecordsService(deps), ...createCompetitorInsightsService(deps) };
}
