import type { FastifyPluginAsync } from 'fastify';
import { feedbackImportRoutes } from './feedback-import/feedback-import.routes.ts';
import type { FeedbackImportService } from './feedback-import/feedback-import.service.ts';
import { itemsRoutes } from './items/items.routes.ts';
import type { FeedbackService } from './items/items.service.ts';
import { suggestionsRoutes } from './suggestions/suggestions.routes.ts';
import type { SuggestionsService } from './suggestions/suggestions.service.ts';
import { themesRoutes } from './themes/themes.routes.ts';
import type { ThemesService } from './themes/themes.service.ts';

/** What the feedback module's routes need: its own services, nothing else. */
export interface FeedbackServices {
  feedback: FeedbackService;
  themes: ThemesService;
  suggestions: SuggestionsService;
  feedbackImport: FeedbackImportService;
}

/** The feedback module's one plugin: items, the CSV import, themes and suggested themes. */
export const feedbackRoutes: FastifyPluginAsync<FeedbackServices> = async (app, services) => {
  await app.register(itemsRoutes, services);
  await app.register(feedbackImportRoutes, services);
  await app.register(themesRoutes, services);
  await app.register(suggestionsRoutes, services);
};
