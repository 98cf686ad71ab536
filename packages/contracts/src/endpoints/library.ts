/**
 * The library module's rows of the endpoint table, one file per feature under endpoints/library/. Every row's
 * name starts with its feature (assetsCreate, searchAssets, filesUpload, sharesCreate, usageRecord, competitorsList,
 * influenceGet…), so the names stay unique in the one namespace the web app imports.
 */
export * from './library/assets.ts';
export * from './library/search.ts';
export * from './library/files.ts';
export * from './library/shares.ts';
export * from './library/usage.ts';
export * from './library/competitors.ts';
export * from './library/influence.ts';
