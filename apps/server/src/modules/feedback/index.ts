// Feedback: what the field hears from customers, grouped into themes weighed by the revenue behind them,
// answered by marketing, with the answer carried back to everyone who reported it.
import type { Deps } from '../../lib/deps.ts';
import type { FeedbackServices } from './feedback.routes.ts';
import { createFeedbackImportService } from './feedback-import/feedback-import.service.ts';
import { createFeedbackService } from './items/items.service.ts';
import { createSuggestionsService } from './suggestions/suggestions.service.ts';
import { createThemesService } from './themes/themes.service.ts';

export { feedbackRoutes, type FeedbackServices } from './feedback.routes.ts';
export { FeedbackErrors } from './feedback.errors.ts';
export { seedFeedbackDemo } from './feedback.demo.ts';
/** The database-free clustering engine (the `tandem themes` command runs it over a CSV). */
export { clusterTexts } from './clustering/engine.ts';
/** Response metrics, themes addressed, reason themes and revenue at stake for the metric catalogue (goals module). */
export {
  feedbackMetricsRepository as feedbackMetrics,
  type FeedbackMetricSpec,
  type FeedbackDimension,
} from './metrics/feedback-metrics.repository.ts';
/** A person's deals' themes ranked by their open pipeline behind each, for their home (goals module). */
export { myDealThemes } from './metrics/my-deal-themes.ts';
/** Revenue-weighted themes addressed, for the Alignment Index (alignment module). */
export { revenueWeightedThemesAddressed } from './metrics/alignment-read.ts';
/** Open themes new or rising in a window, for a meeting's agenda (meetings module). */
export { openThemesNewOrRising } from './themes/agenda-read.ts';

export function createFeedbackServices(deps: Deps): FeedbackServices {
  return {
    feedback: createFeedbackService(deps),
    themes: createThemesService(deps),
    // Accepting a suggestion creates a theme through the same steps as the themes service (themes/theme-steps.ts).
    suggestions: createSuggestionsService(deps),
    feedbackImport: createFeedbackImportService(deps),
  };
}
