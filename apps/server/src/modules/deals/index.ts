// Deals: the accounts and opportunities a company already has in its CRM, with
// their stage history, the stage mapping and exchange rates that classify and convert them.
export { createDealsService, rebaseDeals, type DealsService } from './deals.service.ts';
export { dealsRoutes } from './deals.routes.ts';
export { DealsErrors } from './deals.errors.ts';
export { seedDealsDemo } from './deals.demo.ts';
export { createImportsService, type ImportsService, type ImportRequest } from './imports.service.ts';
export { importsRoutes } from './imports.routes.ts';
// The file readers other imports share (feedback reads call-note CSVs with them).
export { openCsv } from './import/csv-source.ts';
export { DateFormatDetector, parseDate, type DateResult } from './import/dates.ts';
export { ImportFileError } from './import/import.errors.ts';
export { normalizeSalesforceId } from './import/salesforce-id.ts';
