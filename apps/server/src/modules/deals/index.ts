// Deals: the accounts and opportunities a company already has in its CRM, with
// their stage history, the stage mapping and exchange rates that classify and convert them.
export { createDealsService, rebaseDeals, type DealsService } from './deals.service.ts';
export { dealsRoutes } from './deals.routes.ts';
export { DealsErrors } from './deals.errors.ts';
export { seedDealsDemo } from './deals.demo.ts';
export { createImportsService, type ImportsService, type ImportRequest } from './imports.service.ts';
export { importsRoutes } from './imports.routes.ts';
