// What every list of assets (search, "for this deal", reports, competitor pages) shows the same way: the loader
// and the review-clock helpers. Import from here.
export { loadAssetSummaries, overdueAssetIds, type SummaryOptions } from './asset-summaries.repository.ts';
export { addDays, DUE_SOON_DAYS, excerptOf, freshnessState, todayIso } from './summary-parts.ts';
