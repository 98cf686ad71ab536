import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditList, AuditListQuery } from '@tandem/contracts';
import { tenantOf } from '../../plugins/auth.ts';
import { WorkspaceParam } from '../../lib/route-params.ts';
import type { Services } from '../../services.ts';


export const auditRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/workspaces/:workspace/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Security and admin actions, newest first',
        params: WorkspaceParam,
        querystring: AuditListQuery,
        response: { 200: AuditList },
      },
    },
    async (req) => services.audit.list(tenantOf(req), req.query),
  );
};
