// Feedback: what the field hears from customers, grouped into themes weighed by the revenue behind them,
// answered by marketing, with the answer carried back to everyone who reported it.
export { createFeedbackService, type FeedbackService } from './feedback.service.ts';
export { createThemesService, type ThemesService } from './themes.service.ts';
export { createSuggestionsService, type SuggestionsService } from './suggestions.service.ts';
export { feedbackRoutes } from './feedback.routes.ts';
export { themesRoutes } from './themes.routes.ts';
export { createFeedbackImportService, type FeedbackImportService } from './feedback-import.service.ts';
export { feedbackImportRoutes } from './feedback-import.routes.ts';
export { FeedbackErrors } from './feedback.errors.ts';
export { seedFeedbackDemo } from './feedback.demo.ts';
