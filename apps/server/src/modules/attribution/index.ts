// Attribution: touchpoints on deals (sent through the API, imported, or recorded from Library usage and Requests),
// nine credit models computed side by side over integer cents, one model of record chosen by an admin in the open,
// disputes with a trail, and a per-deal credit ledger rebuilt by a streamed recompute.
import type { Deps } from '../../lib/deps.ts';
import type { AttributionServices } from './attribution.routes.ts';
import { createAttributionService, type AttributionOptions } from './attribution.service.ts';
import { createLedgerService } from './ledger/ledger.service.ts';
import { createTouchpointImportService } from './import/touchpoint-import.service.ts';
import { createReportService } from './ledger/report.service.ts';

export { attributionRoutes, type AttributionServices } from './attribution.routes.ts';
export { AttributionErrors } from './attribution.errors.ts';
export { seedAttributionDemo } from './attribution.demo.ts';

export function createAttributionServices(deps: Deps, options?: AttributionOptions): AttributionServices {
  return {
    attribution: createAttributionService(deps, options),
    attributionLedger: createLedgerService(deps, options),
    attributionReports: createReportService(deps),
    touchpointImport: createTouchpointImportService(deps, options),
  };
}

/** Every five minutes: the deals whose touchpoints or disputes changed are recomputed in every workspace with any. */
export function attributionRecurringJobs(deps: Deps) {
  const ledger = createLedgerService(deps);
  return [
    {
      queue: 'attribution-recompute-changed',
      cron: '*/5 * * * *',
      run: async () => {
        const ids = await deps.database.withSystem(async (_tx, client) => (await client.query<{ id: string }>('select distinct workspace_id::text as id from attribution_dirty_deals')).rows.map((r) => r.id));
        for (const id of ids) {
          try {
            await ledger.recomputeChanged(id);
          } catch (err) {
            deps.log.error({ err, workspaceId: id }, 'attribution recompute failed for a workspace');
          }
        }
        return ids.length;
      },
    },
  ];
}

/** The Alignment Index's read of attribution: disputes resolved, won revenue whose credit stood agreed, team credits per model. */
export { creditAgreementFigures, type CreditAgreementFigures } from './credit-agreement.repository.ts';
