import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/attribution';
import { route } from '../../http/endpoint-route.ts';
import { tenantOf } from '../../http/request-context.ts';
import type { AttributionService } from './attribution.service.ts';
import { touchpointImportRoutes } from './import/touchpoint-import.routes.ts';
import type { TouchpointImportService } from './import/touchpoint-import.service.ts';
import type { LedgerService } from './ledger/ledger.service.ts';
import type { ReportService } from './ledger/report.service.ts';

/** What the attribution module's routes need: its own services, nothing else. */
export interface AttributionServices {
  attribution: AttributionService;
  attributionLedger: LedgerService;
  attributionReports: ReportService;
  touchpointImport: TouchpointImportService;
}

/** Touchpoints, a deal's credit, the report, the model of record, disputes and the recompute. */
export const attributionRoutes: FastifyPluginAsync<AttributionServices> = async (app, { attribution, attributionLedger, attributionReports, touchpointImport }) => {
  route(app, api.upsertTouchpoints, async (req) => attribution.upsertTouchpoints(tenantOf(req), req.body));
  route(app, api.dealCredit, async (req) => attribution.dealCredit(tenantOf(req), req.params.dealId));
  route(app, api.report, async (req) => attributionReports.report(tenantOf(req), req.query));
  route(app, api.modelOfRecord, async (req) => attribution.modelOfRecord(tenantOf(req)));
  route(app, api.setModelOfRecord, async (req) => attribution.setModelOfRecord(tenantOf(req), req.body));
  route(app, api.listDisputes, async (req) => attribution.listDisputes(tenantOf(req), req.query));
  route(app, api.createDispute, async (req) => attribution.createDispute(tenantOf(req), req.body));
  route(app, api.resolveDispute, async (req) => attribution.resolveDispute(tenantOf(req), req.params.disputeId, req.body));
  route(app, api.recompute, async (req) => {
    const ctx = tenantOf(req);
    return req.body.mode === 'full' ? attributionLedger.recomputeFull(ctx.workspaceId) : attributionLedger.recomputeChanged(ctx.workspaceId);
  });
  // In its own scope: multipart parsing is registered for the import's two routes only.
  await app.register(touchpointImportRoutes, { touchpointImport });
};
