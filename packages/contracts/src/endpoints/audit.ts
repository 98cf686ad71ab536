import { AuditList, AuditListQuery } from '../audit.ts';
import { WorkspaceParam, endpoint } from '../endpoint.ts';

/**
 * The audit module's rows of the endpoint table (see ../endpoint.ts). Imported as a namespace —
 * `import * as auditEndpoints from '@tandem/contracts/endpoints/audit'` — so a web chunk keeps only the rows it calls.
 */
export const list = endpoint({
  method: 'GET',
  path: '/workspaces/:workspace/audit',
  summary: 'Security and admin actions, newest first',
  tag: 'audit',
  access: { action: 'audit.read' },
  params: WorkspaceParam,
  query: AuditListQuery,
  response: AuditList,
});
