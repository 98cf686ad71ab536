import type { FastifyPluginAsync } from 'fastify';
import * as api from '@tandem/contracts/endpoints/audit';
import { route } from '../../http/endpoint-route.ts';
import { tenantOf } from '../../http/request-context.ts';
import type { AuditService } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsync<{ audit: AuditService }> = async (app, { audit }) => {
  route(app, api.list, async (req) => audit.list(tenantOf(req), req.query));
};
