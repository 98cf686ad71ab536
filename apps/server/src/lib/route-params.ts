import { z } from 'zod';

/** The `:workspace` path parameter every workspace route shares (a slug). */
export const WorkspaceParam = z.object({ workspace: z.string().min(1).max(64) });
